/**
 * The popup's view of the plan: where each interview stands, in the order
 * the user should act. The planner (src/domain/plan.ts) decides everything;
 * this only sorts, groups and remembers answers between renders.
 */
import { interviewStatus, planFollowUps, type InterviewStatus } from '../domain/plan';
import type { FollowUpStep, Interview, Settings } from '../domain/types';

export type Row = {
  interview: Interview;
  status: InterviewStatus;
  /** When the next step is due (epoch ms), +Infinity when nothing is pending. */
  key: number;
  /** True when the record could not be planned (kept visible so it can be edited or deleted). */
  broken?: boolean;
};

type Memo = { settings: Settings; minute: number; row: Row };
const memo = new WeakMap<Interview, Memo>();

/** Where one interview stands; memoised per record, settings and minute. */
export function rowFor(interview: Interview, settings: Settings, nowMs: number): Row {
  const minute = Math.floor(nowMs / 60_000);
  const hit = memo.get(interview);
  if (hit && hit.settings === settings && hit.minute === minute) return hit.row;
  let row: Row;
  try {
    const status = interviewStatus(interview, settings, new Date(nowMs));
    const key = status.next ? Date.parse(status.next.notifyAt) : Number.POSITIVE_INFINITY;
    row = { interview, status, key };
  } catch {
    row = { interview, status: { state: 'waiting' }, key: Number.POSITIVE_INFINITY, broken: true };
  }
  memo.set(interview, { settings, minute, row });
  return row;
}

const interviewMs = (iv: Interview): number => Date.parse(iv.interviewAt) || 0;

/** Open interviews by their next step (soonest first, nothing pending last); closed ones, most recent first. */
export function buildRows(interviews: readonly Interview[], settings: Settings, nowMs: number): { open: Row[]; closed: Row[] } {
  const open: Row[] = [];
  const closed: Row[] = [];
  for (const iv of interviews) {
    const row = rowFor(iv, settings, nowMs);
    (row.status.state === 'closed' ? closed : open).push(row);
  }
  open.sort((a, b) => a.key - b.key || interviewMs(b.interview) - interviewMs(a.interview) || a.interview.company.localeCompare(b.interview.company));
  closed.sort((a, b) => interviewMs(b.interview) - interviewMs(a.interview));
  return { open, closed };
}

const stepsMemo = new WeakMap<Interview, { settings: Settings; steps: FollowUpStep[] }>();

/** The whole plan for the timeline; empty if the record can't be planned. */
export function stepsFor(interview: Interview, settings: Settings): FollowUpStep[] {
  const hit = stepsMemo.get(interview);
  if (hit && hit.settings === settings) return hit.steps;
  let steps: FollowUpStep[];
  try {
    steps = planFollowUps(interview, settings);
  } catch {
    steps = [];
  }
  stepsMemo.set(interview, { settings, steps });
  return steps;
}

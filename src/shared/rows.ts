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

export type Rows = { open: Row[]; closed: Row[] };

/** Open interviews by their next step (soonest first, nothing pending last); closed ones, most recent first. */
export function buildRows(interviews: readonly Interview[], settings: Settings, nowMs: number): Rows {
  return sortRows(interviews.map((iv) => rowFor(iv, settings, nowMs)));
}

/**
 * The same as buildRows, computed in slices of about `sliceMs` with the page free in between,
 * so a long list never blocks input (planning 1,000 interviews on a cold start takes longer
 * than a frame). Calls `done` once; the returned function cancels.
 */
export function buildRowsSliced(interviews: readonly Interview[], settings: Settings, nowMs: number, done: (rows: Rows) => void, sliceMs = 12): () => void {
  const rows: Row[] = [];
  let i = 0;
  let cancelled = false;
  const channel = new MessageChannel();
  const step = (): void => {
    if (cancelled) return;
    const end = performance.now() + sliceMs;
    while (i < interviews.length && performance.now() < end) rows.push(rowFor(interviews[i++]!, settings, nowMs));
    if (i < interviews.length) channel.port2.postMessage(0);
    else {
      channel.port1.close();
      done(sortRows(rows));
    }
  };
  channel.port1.onmessage = step;
  step();
  return () => {
    cancelled = true;
    channel.port1.close();
  };
}

function sortRows(rows: Row[]): Rows {
  const open: Row[] = [];
  const closed: Row[] = [];
  for (const row of rows) (row.status.state === 'closed' ? closed : open).push(row);
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

/**
 * The follow-up plan (followup-rules.md, "Steps"): a pure function of the interview, the
 * settings and the history the user recorded. History is replayed oldest first, so each
 * event acts on the step that was current when it happened; events carry no round.
 */
import { DAY_MS, HOUR_MS, MINUTE_MS, parseDay, parseInstantMs, workCalendar, type WorkCalendar } from './calendar';
import type { FollowUpStep, Interview, InterviewEvent, Outcome, Settings, StepKind } from './types';

export type ClosedReason = Outcome | 'no-response';
export type DueStep = { interviewId: string; step: FollowUpStep };
export type InterviewStatus = {
  state: 'due' | 'overdue' | 'upcoming' | 'waiting' | 'closed';
  next?: FollowUpStep;
  closedReason?: ClosedReason;
};

/** A step while planning: instants as epoch ms, converted to ISO only for callers. */
type Step = {
  kind: StepKind;
  notify: number;
  dueBy?: number;
  status: FollowUpStep['status'];
  call: boolean;
  round: number;
  notifiedAt?: number;
};

type Plan = { steps: Step[]; closed?: ClosedReason };

const DEFAULT_DURATION_MIN = 60;
const KIND_ORDER: Record<StepKind, number> = { 'thank-you': 0, 'status-inquiry': 1, 'move-on': 2, 'final-check-in': 3 };

// Rule constants, each from the contract.
const INQUIRY_AFTER_DECISION_WORK_DAYS = 3; // 004: more than two business days past the expected day
const MOVE_ON_WORK_DAYS = 5; // 004: no reply within five business days
const FINAL_CALENDAR_DAYS = 21; // 000: several weeks with no word
const FINAL_WORK_DAYS = 10; // contract: and inquiry sent day + 10 work days, whichever is later
const MIN_INQUIRY_GAP_DAYS = 2; // 003: never the same or the next day
const OVERDUE_WORK_DAYS = 2; // the popup's 'overdue': more than two work days past its time
const SNOOZE_LATER_TODAY_MS = 3 * HOUR_MS; // 'later today'

function isOutcome(x: unknown): x is Outcome {
  return x === 'offer' || x === 'rejected' || x === 'withdrew';
}

/** Day of a status inquiry when no decision date was given: the following week, midweek. */
function inquiryDayWithoutDate(cal: WorkCalendar, interviewDay: number): number {
  const pos = cal.position(interviewDay);
  // 2nd–4th keep their place; the 1st moves to the 2nd; the 5th (or later, in longer
  // weeks) and days off go to the 3rd. Short weeks cap it at their last work day.
  const target = pos === undefined ? 3 : pos === 1 ? 2 : pos <= 4 ? pos : 3;
  const nextWeek = cal.weekStartOf(interviewDay) + 7;
  const day = Math.max(cal.dayAtPosition(nextWeek, target), interviewDay + MIN_INQUIRY_GAP_DAYS);
  return cal.nextWorkDay(day);
}

function validDuration(minutes: unknown): number {
  return typeof minutes === 'number' && Number.isFinite(minutes) && minutes > 0 ? minutes : DEFAULT_DURATION_MIN;
}

function eventTime(ev: InterviewEvent): number {
  return parseInstantMs(ev.at);
}

/** Replays the history over the planned steps. Undefined when the interview has no valid date. */
function buildPlan(iv: Interview, cal: WorkCalendar): Plan | undefined {
  const start = parseInstantMs(iv.interviewAt);
  if (!Number.isFinite(start)) return undefined;
  const interviewDay = cal.dayOf(start);
  const end = start + validDuration(iv.durationMinutes) * MINUTE_MS;
  const mayCall = iv.invitedToCall === true || iv.callCustomary === true;

  const steps: Step[] = [];
  const add = (s: Step): Step => {
    steps.push(s);
    return s;
  };

  const thankYou = add({ kind: 'thank-you', notify: cal.intoWindow(end + HOUR_MS), dueBy: start + DAY_MS, status: 'pending', call: false, round: 1 });

  let round = 1;
  /** Latest move-on point of a sent inquiry: no later inquiry comes before it (001). */
  let moveOnPoint: number | undefined;
  const newInquiry = (decisionDay: number | undefined): Step => {
    const day =
      decisionDay === undefined
        ? inquiryDayWithoutDate(cal, interviewDay)
        : cal.addWorkDays(Math.max(decisionDay, interviewDay), INQUIRY_AFTER_DECISION_WORK_DAYS);
    const notify = Math.max(cal.atPreferred(day), moveOnPoint ?? -Infinity);
    // A stated date that has passed by several work days makes a call acceptable (002).
    return add({ kind: 'status-inquiry', notify, status: 'pending', call: mayCall || decisionDay !== undefined, round });
  };

  const firstDecision = iv.decisionExpectedBy === undefined ? undefined : parseDay(iv.decisionExpectedBy);
  let inquiry: Step = newInquiry(firstDecision);
  let moveOn: Step | undefined;
  let final: Step | undefined;
  let finalUsed = false;
  let paused = false;
  let closed: ClosedReason | undefined;
  const notified: { kind: StepKind; round: number; at: number }[] = [];

  const dismissPending = (list: (Step | undefined)[]): void => {
    for (const s of list) if (s && s.status === 'pending') s.status = 'dismissed';
  };
  const roundSteps = (): (Step | undefined)[] => [inquiry, moveOn, final];
  const current = (kind: StepKind): Step | undefined =>
    kind === 'thank-you' ? thankYou : kind === 'status-inquiry' ? inquiry : kind === 'move-on' ? moveOn : final;

  for (const ev of Array.isArray(iv.history) ? iv.history : []) {
    if (!ev || typeof ev !== 'object') continue;
    if (ev.type === 'notified') {
      const t = eventTime(ev);
      if (Number.isFinite(t)) notified.push({ kind: ev.step, round: ev.round, at: t });
      continue;
    }
    if (ev.type === 'outcome') {
      if (!isOutcome(ev.outcome)) continue;
      // An outcome ends the plan at once; a later outcome only corrects the reason.
      closed = ev.outcome;
      dismissPending(steps);
      continue;
    }
    if (closed !== undefined && closed !== 'no-response') continue;

    if (ev.type === 'reply') {
      dismissPending(roundSteps());
      const newDate = ev.newDecisionDate === undefined ? undefined : parseDay(ev.newDecisionDate);
      // A reply is news even after "no response": it reopens the interview.
      closed = undefined;
      if (newDate === undefined) {
        paused = true;
      } else {
        paused = false;
        round++;
        inquiry = newInquiry(newDate);
        moveOn = undefined;
        final = undefined;
      }
      continue;
    }

    // sent / dismissed / snoozed act on the current step of that kind.
    if (closed !== undefined) continue;
    const step = current(ev.step);
    if (!step || (paused && step !== thankYou)) continue;
    const t = eventTime(ev);
    if (!Number.isFinite(t)) continue;

    if (ev.type === 'snoozed') {
      const until = parseInstantMs(ev.until);
      // The last snooze wins; a reminder never lands outside the day window.
      if (step.status === 'pending' && Number.isFinite(until)) step.notify = cal.intoWindow(until);
    } else if (ev.type === 'dismissed') {
      if (step.status !== 'pending') continue;
      step.status = 'dismissed';
      if (step === final) {
        finalUsed = true;
        closed = 'no-response';
        dismissPending(steps);
      }
    } else if (ev.type === 'sent') {
      if (step.status === 'done') continue;
      step.status = 'done';
      if (step === inquiry) {
        const sentDay = cal.dayOf(t);
        moveOn = add({ kind: 'move-on', notify: cal.atPreferred(cal.addWorkDays(sentDay, MOVE_ON_WORK_DAYS)), status: 'pending', call: false, round });
        moveOnPoint = moveOn.notify;
        final = finalUsed
          ? undefined
          : add({
              kind: 'final-check-in',
              notify: cal.atPreferred(cal.nextWorkDay(Math.max(interviewDay + FINAL_CALENDAR_DAYS, cal.addWorkDays(sentDay, FINAL_WORK_DAYS)))),
              status: 'pending',
              call: inquiry.call,
              round,
            });
      } else if (step === final) {
        finalUsed = true;
        closed = 'no-response';
        dismissPending(steps);
      }
    }
  }

  // A reminder shown at or after the step's current time has fired; a later snooze re-arms it.
  for (const n of notified) {
    for (const s of steps) {
      if (s.kind === n.kind && s.round === n.round && n.at >= s.notify && (s.notifiedAt === undefined || n.at < s.notifiedAt)) s.notifiedAt = n.at;
    }
  }

  steps.sort((a, b) => a.notify - b.notify || a.round - b.round || KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
  return closed === undefined ? { steps } : { steps, closed };
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function publicStep(s: Step): FollowUpStep {
  const out: FollowUpStep = { kind: s.kind, notifyAt: iso(s.notify), status: s.status, callAcceptable: s.call, round: s.round };
  if (s.dueBy !== undefined) out.dueBy = iso(s.dueBy);
  if (s.notifiedAt !== undefined) out.notifiedAt = iso(s.notifiedAt);
  return out;
}

function requirePlan(iv: Interview, cal: WorkCalendar): Plan {
  const plan = buildPlan(iv, cal);
  if (!plan) throw new RangeError(`Interview ${String(iv?.id)} has no valid interviewAt`);
  return plan;
}

function toMs(now: Date | string): number {
  const ms = typeof now === 'string' ? parseInstantMs(now) : now.getTime();
  if (!Number.isFinite(ms)) throw new RangeError(`Not a time: ${String(now)}`);
  return ms;
}

/** Every step of the interview's plan, done and dismissed ones included, ordered by notifyAt. */
export function planFollowUps(interview: Interview, settings: Settings): FollowUpStep[] {
  return requirePlan(interview, workCalendar(settings)).steps.map(publicStep);
}

/** Plans many interviews with one calendar; a record that can't be planned is skipped, not fatal to the rest. */
function eachPlan(interviews: readonly Interview[], settings: Settings, visit: (iv: Interview, plan: Plan) => void): void {
  const cal = workCalendar(settings);
  for (const iv of interviews) {
    let plan: Plan | undefined;
    try {
      plan = buildPlan(iv, cal);
    } catch {
      plan = undefined;
    }
    if (plan) visit(iv, plan);
  }
}

const waitingToFire = (s: Step): boolean => s.status === 'pending' && s.notifiedAt === undefined;

/**
 * The earliest pending step whose reminder hasn't been shown, across all interviews; it may be
 * in the past (overdue), and the scheduler then fires it at once. `now` doesn't change the
 * answer: an overdue step is still the next one to fire.
 */
export function nextDue(interviews: readonly Interview[], settings: Settings, now: Date | string): DueStep | undefined {
  toMs(now); // still rejects a nonsense time, like the other queries
  let bestId: string | undefined;
  let best: Step | undefined;
  eachPlan(interviews, settings, (iv, plan) => {
    for (const s of plan.steps) {
      if (waitingToFire(s) && (best === undefined || s.notify < best.notify)) {
        best = s;
        bestId = iv.id;
      }
    }
  });
  return best && bestId !== undefined ? { interviewId: bestId, step: publicStep(best) } : undefined;
}

/** Pending steps due by `now` whose reminder hasn't been shown yet, oldest first (what the scheduler fires). */
export function dueNow(interviews: readonly Interview[], settings: Settings, now: Date | string): DueStep[] {
  const t = toMs(now);
  const due: { id: string; step: Step }[] = [];
  eachPlan(interviews, settings, (iv, plan) => {
    for (const s of plan.steps) if (waitingToFire(s) && s.notify <= t) due.push({ id: iv.id, step: s });
  });
  due.sort((a, b) => a.step.notify - b.step.notify);
  return due.map((d) => ({ interviewId: d.id, step: publicStep(d.step) }));
}

/** Pending steps due by `now`, shown or not (the toolbar badge). */
export function countDue(interviews: readonly Interview[], settings: Settings, now: Date | string): number {
  const t = toMs(now);
  let n = 0;
  eachPlan(interviews, settings, (_iv, plan) => {
    for (const s of plan.steps) if (s.status === 'pending' && s.notify <= t) n++;
  });
  return n;
}

/** When a snoozed reminder may come back: later today (while today's window lasts), the next work day, or next week. */
export type SnoozeChoice = 'later-today' | 'next-work-day' | 'next-week';

/**
 * The instant of each snooze choice open now: later today is now + 3 h if that is still inside
 * today's window; the next work day and next week (a week from today, moved to a work day) are
 * at the preferred hour. A choice that is not open (later today, late in the day) is absent.
 */
export function snoozeChoices(settings: Settings, now: Date | string): Partial<Record<SnoozeChoice, string>> {
  const cal = workCalendar(settings);
  const t = toMs(now);
  const today = cal.dayOf(t);
  const out: Partial<Record<SnoozeChoice, string>> = {};
  const later = t + SNOOZE_LATER_TODAY_MS;
  if (cal.dayOf(later) === today && later >= cal.windowStart(today) && later < cal.windowEnd(today)) out['later-today'] = iso(later);
  let day = cal.nextWorkDay(today);
  if (cal.atPreferred(day) <= t) day = cal.nextWorkDay(day + 1);
  out['next-work-day'] = iso(cal.atPreferred(day));
  // A week from today (on the next work day from there), unless that is the next work day itself.
  const week = cal.nextWorkDay(today + 7);
  if (week !== day) out['next-week'] = iso(cal.atPreferred(week));
  return out;
}

/** The default snooze: later today if still open, else the next work day's preferred hour. */
export function snoozeTime(settings: Settings, now: Date | string): string {
  const c = snoozeChoices(settings, now);
  return c['later-today'] ?? c['next-work-day']!;
}

/** Where the interview stands, for the popup list. */
export function interviewStatus(interview: Interview, settings: Settings, now: Date | string): InterviewStatus {
  const cal = workCalendar(settings);
  const plan = requirePlan(interview, cal);
  const t = toMs(now);
  if (plan.closed !== undefined) return { state: 'closed', closedReason: plan.closed };
  const pending = plan.steps.filter((s) => s.status === 'pending');
  const next = pending[0];
  if (!next) return { state: 'waiting' };
  const isOverdue = (s: Step): boolean => {
    if (s.kind === 'thank-you') return s.dueBy !== undefined && t > s.dueBy;
    // "More than two work days past": the same local time, two work days after the notify day.
    return t > cal.at(cal.addWorkDays(cal.dayOf(s.notify), OVERDUE_WORK_DAYS), cal.wallMinutes(s.notify));
  };
  const overdue = pending.find(isOverdue);
  if (overdue) return { state: 'overdue', next: publicStep(overdue) };
  if (next.notify <= t) return { state: 'due', next: publicStep(next) };
  return { state: 'upcoming', next: publicStep(next) };
}

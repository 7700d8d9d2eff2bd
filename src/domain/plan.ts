/**
 * The follow-up plan (docs/followup-rules.md, "Steps"): a pure function of the interview, the
 * settings and the history the user recorded. History is replayed oldest first, so each
 * event acts on the step that was current when it happened; events carry no round.
 *
 * The thank-you is tracked per interviewer ("One thank-you each"). A thank-you that goes out
 * late holds the status inquiry back by two work days ("A late thank-you"), and a step still
 * pending when the next one comes is superseded by it, so the user is never told to do both
 * ("Superseded steps").
 */
import { DAY_MS, HOUR_MS, MINUTE_MS, parseDay, parseInstantMs, workCalendar, type WorkCalendar } from './calendar';
import { contactKey, contactMatches } from './contacts';
import { isDisowned } from './replies';
import type { Contact, ContactProgress, FollowUpStep, Interview, InterviewEvent, Outcome, Settings, StepKind } from './types';

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
  /** When it was first marked sent. */
  sentAt?: number;
  /** When the next step took its place (see FollowUpStep.supersededAt). */
  supersededAt?: number;
  /** Thank-you: one entry per interviewer. */
  contacts?: ContactState[];
};

type ContactState = { contact: Contact; status: ContactProgress['status'] };

type Plan = { steps: Step[]; closed?: ClosedReason };

const DEFAULT_DURATION_MIN = 60;
const KIND_ORDER: Record<StepKind, number> = { 'thank-you': 0, 'status-inquiry': 1, 'move-on': 2, 'final-check-in': 3 };

// Rule constants, each from the contract.
const INQUIRY_AFTER_DECISION_WORK_DAYS = 3; // 004: more than two business days past the expected day
const MOVE_ON_WORK_DAYS = 5; // 004: no reply within five business days
const FINAL_CALENDAR_DAYS = 21; // 000: several weeks with no word
const FINAL_WORK_DAYS = 10; // contract: and inquiry sent day + 10 work days, whichever is later
const MIN_INQUIRY_GAP_DAYS = 2; // 003: never the same or the next day
const AFTER_LATE_THANK_YOU_WORK_DAYS = 2; // docs/followup-rules.md "A late thank-you": 000/001, two to three days before asking
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

/** A thank-you's status from its interviewers': pending while any is, done once one was sent, else dismissed. */
function thankYouStatus(contacts: readonly ContactState[]): Step['status'] {
  if (contacts.some((c) => c.status === 'pending')) return 'pending';
  return contacts.some((c) => c.status === 'done') ? 'done' : 'dismissed';
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

  const plannedThankYou = cal.intoWindow(end + HOUR_MS);
  const thankYou = add({ kind: 'thank-you', notify: plannedThankYou, dueBy: start + DAY_MS, status: 'pending', call: false, round: 1 });
  const people: ContactState[] = (Array.isArray(iv.contacts) ? iv.contacts : [])
    .filter((c): c is Contact => !!c && typeof c === 'object')
    .map((contact) => ({ contact, status: 'pending' }));
  if (people.length > 0) thankYou.contacts = people;
  /** When the last thank-you that counted went out. */
  let thankedAt: number | undefined;

  let round = 1;
  /** Latest move-on point of a sent inquiry: no later inquiry comes before it (001). */
  let moveOnPoint: number | undefined;
  const inquiries: Step[] = [];
  const newInquiry = (decisionDay: number | undefined): Step => {
    const day =
      decisionDay === undefined
        ? inquiryDayWithoutDate(cal, interviewDay)
        : cal.addWorkDays(Math.max(decisionDay, interviewDay), INQUIRY_AFTER_DECISION_WORK_DAYS);
    const notify = Math.max(cal.atPreferred(day), moveOnPoint ?? -Infinity);
    // A stated date that has passed by several work days makes a call acceptable (002).
    const s = add({ kind: 'status-inquiry', notify, status: 'pending', call: mayCall || decisionDay !== undefined, round });
    inquiries.push(s);
    return s;
  };

  const firstDecision = iv.decisionExpectedBy === undefined ? undefined : parseDay(iv.decisionExpectedBy);
  let inquiry: Step = newInquiry(firstDecision);
  let moveOn: Step | undefined;
  let final: Step | undefined;
  let finalUsed = false;
  let paused = false;
  let closed: ClosedReason | undefined;
  const notified: { kind: StepKind; round: number; at: number }[] = [];

  /** Sets the thank-you's interviewers named by `key` (all of them without one) from `from` to `to`; true when one changed. */
  const settle = (key: string | undefined, from: readonly ContactState['status'][], to: ContactState['status']): boolean => {
    let changed = false;
    for (const p of people) {
      if ((key === undefined || contactMatches(p.contact, key)) && from.includes(p.status)) {
        p.status = to;
        changed = true;
      }
    }
    thankYou.status = thankYouStatus(people);
    return changed;
  };
  const dismissPending = (list: (Step | undefined)[]): void => {
    for (const s of list) {
      if (s === thankYou && people.length > 0) settle(undefined, ['pending'], 'dismissed');
      else if (s && s.status === 'pending') s.status = 'dismissed';
    }
  };
  const roundSteps = (): (Step | undefined)[] => [inquiry, moveOn, final];
  const current = (kind: StepKind): Step | undefined =>
    kind === 'thank-you' ? thankYou : kind === 'status-inquiry' ? inquiry : kind === 'move-on' ? moveOn : final;

  const history = Array.isArray(iv.history) ? iv.history : [];
  for (const ev of history) {
    if (!ev || typeof ev !== 'object') continue;
    if (ev.type === 'replyNotOurs' || ev.type === 'replyDomain') continue;
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

    // A reply seen in the webmail pauses the plan as a reply without a date does (issue 15),
    // unless the user said it was not about this interview: then it never happened.
    if (ev.type === 'replySeen' && isDisowned(history, ev)) continue;
    if (ev.type === 'reply' || ev.type === 'replySeen') {
      dismissPending(roundSteps());
      const newDate = ev.type === 'replySeen' || ev.newDecisionDate === undefined ? undefined : parseDay(ev.newDecisionDate);
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

    if (step === thankYou && people.length > 0 && ev.type !== 'snoozed') {
      // Per interviewer; an event naming no one is for all of them (what older records meant).
      const key = typeof ev.contact === 'string' ? ev.contact : undefined;
      if (ev.type === 'sent') {
        if (settle(key, ['pending', 'dismissed'], 'done')) thankedAt = t;
      } else {
        settle(key, ['pending'], 'dismissed');
      }
      continue;
    }

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
      step.sentAt = t;
      if (step === thankYou) thankedAt = t;
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
  // When it was shown more than once since, the last showing is the one the user last heard of it
  // (and the one history compaction keeps, with the first: src/domain/schemas.ts).
  const applyNotified = (s: Step): void => {
    for (const n of notified) {
      if (s.kind === n.kind && s.round === n.round && n.at >= s.notify && (s.notifiedAt === undefined || n.at > s.notifiedAt)) s.notifiedAt = n.at;
    }
  };
  /** When `later` was first shown or sent: from then on it has taken the earlier step's place. */
  const actedOn = (later: readonly Step[]): number | undefined => {
    let first: number | undefined;
    for (const s of later) {
      for (const n of notified) if (n.kind === s.kind && n.round === s.round && (first === undefined || n.at < first)) first = n.at;
      if (s.sentAt !== undefined && (first === undefined || s.sentAt < first)) first = s.sentAt;
    }
    return first;
  };
  /** `earlier` gives way to `later`: at once when that was shown or sent, else from its time. */
  const supersede = (earlier: Step | undefined, later: readonly Step[], next: Step | undefined): void => {
    if (!earlier || earlier.status !== 'pending' || closed !== undefined) return;
    const acted = actedOn(later);
    if (acted !== undefined) {
      dismissPending([earlier]);
      earlier.supersededAt = acted;
    } else if (next && next.status === 'pending') {
      earlier.supersededAt = next.notify;
    }
  };

  applyNotified(thankYou);
  supersede(thankYou, inquiries, undefined);
  // A thank-you that goes out late, or is still to go out past its 24 hours, holds the inquiry
  // back until two work days after it (docs/followup-rules.md, "A late thank-you"). When a narrow
  // day window puts the planned reminder after the 24 hours, its own window that day is on time.
  const late = (t: number): boolean => t > thankYou.dueBy! && t > cal.windowEnd(cal.dayOf(plannedThankYou)); // the second only past the first
  let lateThanks = thankedAt !== undefined && late(thankedAt) ? thankedAt : undefined;
  if (thankYou.status === 'pending') {
    const created = typeof iv.createdAt === 'string' ? parseInstantMs(iv.createdAt) : NaN;
    // The user hears of it at its time, when they logged the interview, or when it was shown, whichever is last.
    const reminder = Math.max(thankYou.notify, created > thankYou.notify ? cal.intoWindow(created) : -Infinity, thankYou.notifiedAt ?? -Infinity);
    if (late(reminder)) lateThanks = Math.max(lateThanks ?? -Infinity, reminder);
  }
  if (lateThanks !== undefined && inquiry.status === 'pending') {
    inquiry.notify = Math.max(inquiry.notify, cal.atPreferred(cal.addWorkDays(cal.dayOf(lateThanks), AFTER_LATE_THANK_YOU_WORK_DAYS)));
  }
  for (const s of steps) if (s !== thankYou) applyNotified(s);
  supersede(thankYou, inquiries, inquiry);
  if (moveOn && final) supersede(moveOn, [final], final);

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
  if (s.contacts) {
    out.contacts = s.contacts.map(({ contact, status }) => {
      const p: ContactProgress = { key: contactKey(contact), name: contact.name, status };
      if (typeof contact.email === 'string' && contact.email) p.email = contact.email;
      return p;
    });
  }
  if (s.supersededAt !== undefined) out.supersededAt = iso(s.supersededAt);
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

/** Pending and not yet replaced by the next step at `t`. */
const offeredAt = (s: Step, t: number): boolean => s.status === 'pending' && !(s.supersededAt !== undefined && s.supersededAt <= t);

/** Its reminder is still to be shown: offered when its time comes (or now, if that has passed), and not shown yet. */
const waitingToFire = (s: Step, now: number): boolean => s.notifiedAt === undefined && offeredAt(s, Math.max(s.notify, now));

/**
 * True when `step` is one to offer the user at `now`: pending, and not superseded by the step
 * that came after it (docs/followup-rules.md, "Superseded steps"). What the popup, the reminder
 * page and the compose panel should list.
 */
export function isOffered(step: Pick<FollowUpStep, 'status' | 'supersededAt'>, now: Date | string | number): boolean {
  const t = typeof now === 'number' ? now : toMs(now);
  if (step.status !== 'pending') return false;
  const replaced = step.supersededAt === undefined ? NaN : parseInstantMs(step.supersededAt);
  return !(replaced <= t);
}

/**
 * The earliest step whose reminder is still to be shown, across all interviews; it may be in
 * the past (overdue), and the scheduler then fires it at once. A step superseded by `now`, or by
 * its own time, never fires, so it is not the next one either.
 */
export function nextDue(interviews: readonly Interview[], settings: Settings, now: Date | string): DueStep | undefined {
  const t = toMs(now);
  let bestId: string | undefined;
  let best: Step | undefined;
  eachPlan(interviews, settings, (iv, plan) => {
    for (const s of plan.steps) {
      if (waitingToFire(s, t) && (best === undefined || s.notify < best.notify)) {
        best = s;
        bestId = iv.id;
      }
    }
  });
  return best && bestId !== undefined ? { interviewId: bestId, step: publicStep(best) } : undefined;
}

/** Steps due by `now` whose reminder hasn't been shown yet, oldest first (what the scheduler fires). */
export function dueNow(interviews: readonly Interview[], settings: Settings, now: Date | string): DueStep[] {
  const t = toMs(now);
  const due: { id: string; step: Step }[] = [];
  eachPlan(interviews, settings, (iv, plan) => {
    for (const s of plan.steps) if (s.notify <= t && waitingToFire(s, t)) due.push({ id: iv.id, step: s });
  });
  due.sort((a, b) => a.step.notify - b.step.notify);
  return due.map((d) => ({ interviewId: d.id, step: publicStep(d.step) }));
}

/** Steps offered and due by `now`, shown or not (the toolbar badge). */
export function countDue(interviews: readonly Interview[], settings: Settings, now: Date | string): number {
  const t = toMs(now);
  let n = 0;
  eachPlan(interviews, settings, (_iv, plan) => {
    for (const s of plan.steps) if (offeredAt(s, t) && s.notify <= t) n++;
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
  const pending = plan.steps.filter((s) => offeredAt(s, t));
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

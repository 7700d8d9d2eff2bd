// Properties of the planner over random interviews, histories, settings and zones. The oracle
// reads wall clocks with Intl directly, not through the calendar module under test.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resetCalendarCache } from '../../src/domain/calendar';
import { countDue, dueNow, interviewStatus, isOffered, nextDue, planFollowUps } from '../../src/domain/plan';
import type { FollowUpStep, Interview, InterviewEvent, Settings, StepKind } from '../../src/domain/types';

const ZONES = [
  'UTC',
  'America/New_York',
  'America/Los_Angeles',
  'America/St_Johns',
  'America/Santiago',
  'America/Havana',
  'America/Nuuk',
  'Europe/Berlin',
  'Europe/London',
  'Africa/Cairo',
  'Africa/Casablanca',
  'Asia/Beirut',
  'Asia/Jerusalem',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Asia/Tokyo',
  'Australia/Lord_Howe',
  'Pacific/Auckland',
  'Pacific/Chatham',
  'Pacific/Kiritimati',
  'Pacific/Pago_Pago',
  'Antarctica/Troll',
];

// Clock changes worth landing near (UTC instants).
const TRANSITIONS = [
  '2026-03-08T07:00:00Z', // New York spring
  '2026-11-01T06:00:00Z', // New York fall
  '2026-03-29T01:00:00Z', // EU spring (and Nuuk)
  '2026-10-25T01:00:00Z', // EU fall
  '2026-04-05T03:00:00Z', // Santiago fall
  '2026-09-06T04:00:00Z', // Santiago spring
  '2026-04-23T22:00:00Z', // Cairo spring at midnight
  '2026-04-04T15:00:00Z', // Lord Howe half-hour change
  '2026-12-31T12:00:00Z', // year end
].map((s) => Date.parse(s));

const DAY = 86_400_000;

// ---------------------------------------------------------------------------
// Oracle: local wall clock via Intl

const formatters = new Map<string, Intl.DateTimeFormat>();
function wall(ms: number, zone: string): { date: string; minutes: number; weekday: number } {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', weekday: 'short' });
    formatters.set(zone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(ms).map((p) => [p.type, p.value]));
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(parts.weekday!);
  return { date: `${parts.year}-${parts.month}-${parts.day}`, minutes: Number(parts.hour) * 60 + Number(parts.minute), weekday };
}

const hhmm = (m: number): string => (m === 1440 ? '24:00' : `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);
const minutesOf = (t: string): number => (t === '24:00' ? 1440 : Number(t.slice(0, 2)) * 60 + Number(t.slice(3)));
const daysBetween = (a: string, b: string): number => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY);
const addDays = (date: string, n: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

function isWorkDayOracle(ms: number, s: Settings): boolean {
  const w = wall(ms, s.timeZone);
  return s.workWeek.includes(w.weekday) && !s.holidays.includes(w.date);
}

function insideWindow(ms: number, s: Settings): boolean {
  const m = wall(ms, s.timeZone).minutes;
  return m >= minutesOf(s.dayStart) && m < minutesOf(s.dayEnd);
}

// ---------------------------------------------------------------------------
// Generators

const instantArb = fc.oneof(
  fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2028, 11, 31) }),
  fc.tuple(fc.constantFrom(...TRANSITIONS), fc.integer({ min: -10 * DAY, max: 10 * DAY })).map(([t, d]) => t + d),
).map((ms) => Math.floor(ms / 60_000) * 60_000);

// Windows start from 04:00: no zone repeats or skips a time between 04:00 and noon, and a
// window opening inside a repeated hour is the one case the planner doesn't model.
const settingsArb = fc
  .record({
    timeZone: fc.constantFrom(...ZONES),
    workWeek: fc.oneof(
      fc.constant([1, 2, 3, 4, 5]),
      fc.constant([0, 1, 2, 3, 4]),
      fc.constant([1, 2, 3, 4, 5, 6]),
      fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 }),
    ),
    start: fc.integer({ min: 16, max: 48 }), // quarter hours: 04:00–12:00
    length: fc.integer({ min: 4, max: 80 }), // at least an hour
    preferredAt: fc.double({ min: 0, max: 0.999, noNaN: true }),
  })
  .map(({ timeZone, workWeek, start, length, preferredAt }) => {
    const dayStart = start * 15;
    const dayEnd = Math.min(dayStart + length * 15, 1440);
    const preferred = dayStart + Math.floor(((dayEnd - dayStart) / 15) * preferredAt) * 15;
    return { timeZone, workWeek, dayStart: hhmm(dayStart), dayEnd: hhmm(dayEnd), preferredTime: hhmm(preferred) };
  });

function dateNear(ms: number): fc.Arbitrary<string> {
  return fc.integer({ min: -3, max: 40 }).map((d) => new Date(ms + d * DAY).toISOString().slice(0, 10));
}

const STEP_KINDS: StepKind[] = ['thank-you', 'status-inquiry', 'move-on', 'final-check-in'];

function historyArb(start: number): fc.Arbitrary<InterviewEvent[]> {
  const at = fc.integer({ min: 0, max: 60 * 24 * 60 }).map((min) => start + min * 60_000);
  const step = fc.constantFrom(...STEP_KINDS);
  const event: fc.Arbitrary<{ t: number; make: (iso: string) => InterviewEvent }> = fc.oneof(
    { weight: 4, arbitrary: fc.record({ t: at, step }).map(({ t, step }) => ({ t, make: (iso: string): InterviewEvent => ({ type: 'sent', step, at: iso }) })) },
    { weight: 2, arbitrary: fc.record({ t: at, step }).map(({ t, step }) => ({ t, make: (iso: string): InterviewEvent => ({ type: 'dismissed', step, at: iso }) })) },
    {
      weight: 2,
      arbitrary: fc.record({ t: at, step, until: fc.integer({ min: 0, max: 7 * 24 * 60 }) }).map(({ t, step, until }) => ({
        t,
        make: (iso: string): InterviewEvent => ({ type: 'snoozed', step, at: iso, until: new Date(t + until * 60_000).toISOString() }),
      })),
    },
    {
      weight: 2,
      arbitrary: fc.record({ t: at, date: fc.option(dateNear(start), { nil: undefined }) }).map(({ t, date }) => ({
        t,
        make: (iso: string): InterviewEvent => (date === undefined ? { type: 'reply', at: iso } : { type: 'reply', at: iso, newDecisionDate: date }),
      })),
    },
    { weight: 1, arbitrary: fc.record({ t: at, outcome: fc.constantFrom('offer', 'rejected', 'withdrew' as const) }).map(({ t, outcome }) => ({ t, make: (iso: string): InterviewEvent => ({ type: 'outcome', at: iso, outcome }) })) },
    { weight: 2, arbitrary: fc.record({ t: at, step, round: fc.integer({ min: 1, max: 3 }) }).map(({ t, step, round }) => ({ t, make: (iso: string): InterviewEvent => ({ type: 'notified', step, at: iso, round }) })) },
  );
  return fc.array(event, { maxLength: 8 }).map((events) => events.sort((a, b) => a.t - b.t).map((e) => e.make(new Date(e.t).toISOString())));
}

const caseArb = fc
  .tuple(settingsArb, instantArb)
  .chain(([settings, start]) =>
    fc.record({
      settings: fc.uniqueArray(dateNear(start), { maxLength: 6 }).map((holidays) => ({ ...settings, holidays }) as Settings),
      interview: fc.record<Interview>({
        id: fc.constant('iv'),
        company: fc.constant('Acme'),
        role: fc.constant('Analyst'),
        interviewAt: fc.constant(new Date(start).toISOString()),
        durationMinutes: fc.option(fc.integer({ min: 1, max: 480 }), { nil: undefined }),
        contacts: fc.constant<Interview['contacts']>([]),
        decisionExpectedBy: fc.option(dateNear(start), { nil: undefined }),
        invitedToCall: fc.boolean(),
        callCustomary: fc.boolean(),
        history: fc.oneof(fc.constant([] as InterviewEvent[]), historyArb(start)),
      }),
    }),
  );

/** Steps whose time the plan chose (no snooze moved them). */
function unsnoozed(interview: Interview, step: FollowUpStep): boolean {
  return !interview.history.some((e) => e.type === 'snoozed' && e.step === step.kind);
}

const ms = (iso: string): number => Date.parse(iso);
const RUNS = 2500;

// Generous timeout: about 6 s in all on a 2-core machine, but CI machines vary.
describe('planner properties', { timeout: 60_000 }, () => {
  it('never throws on valid input and orders steps by notify time', () => {
    fc.assert(
      fc.property(caseArb, ({ interview, settings }) => {
        const plan = planFollowUps(interview, settings);
        expect(plan.length).toBeGreaterThan(0);
        for (let i = 1; i < plan.length; i++) expect(ms(plan[i]!.notifyAt)).toBeGreaterThanOrEqual(ms(plan[i - 1]!.notifyAt));
      }),
      { numRuns: RUNS },
    );
  });

  it('puts every notify time inside the day window, snoozed or not', () => {
    fc.assert(
      fc.property(caseArb, ({ interview, settings }) => {
        for (const step of planFollowUps(interview, settings)) {
          expect(insideWindow(ms(step.notifyAt), settings), `${step.kind} ${step.notifyAt} ${JSON.stringify(settings)}`).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('never notifies a thank-you before the interview end + 1 h, and exactly then when that is inside the window', () => {
    fc.assert(
      fc.property(caseArb, ({ interview, settings }) => {
        const ty = planFollowUps({ ...interview, history: [] }, settings).find((s) => s.kind === 'thank-you')!;
        const target = ms(interview.interviewAt) + ((interview.durationMinutes ?? 60) + 60) * 60_000;
        expect(ms(ty.notifyAt)).toBeGreaterThanOrEqual(target);
        if (insideWindow(target, settings)) expect(ms(ty.notifyAt)).toBe(target);
        expect(ms(ty.dueBy!)).toBe(ms(interview.interviewAt) + DAY);
        expect(ty.callAcceptable).toBe(false);
      }),
      { numRuns: RUNS },
    );
  });

  it('never puts a status inquiry on the interview day or the next', () => {
    fc.assert(
      fc.property(caseArb, ({ interview, settings }) => {
        const day = wall(ms(interview.interviewAt), settings.timeZone).date;
        for (const s of planFollowUps(interview, settings)) {
          if (s.kind !== 'status-inquiry' || !unsnoozed(interview, s)) continue;
          expect(daysBetween(day, wall(ms(s.notifyAt), settings.timeZone).date)).toBeGreaterThanOrEqual(2);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('without a decision date, asks within 14 days (plus any holidays in the way)', () => {
    fc.assert(
      fc.property(caseArb, ({ interview, settings }) => {
        const plain = { ...interview, decisionExpectedBy: undefined, history: [] };
        const inquiry = planFollowUps(plain, settings).find((s) => s.kind === 'status-inquiry')!;
        const day = wall(ms(interview.interviewAt), settings.timeZone).date;
        const gap = daysBetween(day, wall(ms(inquiry.notifyAt), settings.timeZone).date);
        const holidaysAhead = settings.holidays.filter((h) => h > day).length;
        expect(gap).toBeGreaterThanOrEqual(2);
        if (holidaysAhead === 0) expect(gap).toBeLessThanOrEqual(14);
        // Each holiday can cost a week when the work week has a single day.
        expect(gap).toBeLessThanOrEqual(14 + 7 * holidaysAhead);
      }),
      { numRuns: RUNS },
    );
  });

  it('puts inquiries, move-on and final check-ins on work days at the preferred time', () => {
    fc.assert(
      fc.property(caseArb, ({ interview, settings }) => {
        for (const s of planFollowUps(interview, settings)) {
          if (s.kind === 'thank-you' || !unsnoozed(interview, s)) continue;
          const t = ms(s.notifyAt);
          expect(isWorkDayOracle(t, settings), `${s.kind} ${s.notifyAt}`).toBe(true);
          // The preferred hour, unless a DST gap swallowed it (then just before the gap or after it).
          const m = wall(t, settings.timeZone).minutes;
          if (m !== minutesOf(settings.preferredTime)) expect(Math.abs(m - minutesOf(settings.preferredTime))).toBeLessThanOrEqual(120);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('places move-on 5 work days after the inquiry was sent', () => {
    fc.assert(
      fc.property(caseArb, ({ interview, settings }) => {
        const sentAt = interview.history.find((e) => e.type === 'sent' && e.step === 'status-inquiry');
        const plan = planFollowUps(interview, settings);
        const moveOn = plan.find((s) => s.kind === 'move-on' && s.round === 1);
        if (!sentAt || !moveOn || !unsnoozed(interview, moveOn)) return;
        // Only when that sent event was the round-1 inquiry (no reply before it).
        const before = interview.history.slice(0, interview.history.indexOf(sentAt));
        if (before.some((e) => e.type === 'reply' || e.type === 'outcome')) return;
        const from = wall(ms(sentAt.at), settings.timeZone).date;
        const to = wall(ms(moveOn.notifyAt), settings.timeZone).date;
        let workDays = 0;
        for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) {
          const weekday = new Date(`${d}T00:00:00Z`).getUTCDay();
          if (settings.workWeek.includes(weekday) && !settings.holidays.includes(d)) workDays++;
        }
        expect(workDays).toBe(5);
      }),
      { numRuns: RUNS },
    );
  });

  it('never has two pending inquiries, nor a later inquiry before the previous move-on point', () => {
    fc.assert(
      fc.property(caseArb, ({ interview, settings }) => {
        const plan = planFollowUps(interview, settings);
        expect(plan.filter((s) => s.kind === 'status-inquiry' && s.status === 'pending').length).toBeLessThanOrEqual(1);
        const rounds = new Set(plan.map((s) => s.round));
        expect(plan.filter((s) => s.kind === 'status-inquiry').length).toBe(Math.max(...rounds));
        // The move-on point is sent day + 5 work days; snoozing its reminder doesn't move the point.
        for (const moveOn of plan.filter((s) => s.kind === 'move-on' && unsnoozed(interview, s))) {
          for (const later of plan.filter((s) => s.kind === 'status-inquiry' && s.round > moveOn.round && unsnoozed(interview, s))) {
            expect(ms(later.notifyAt)).toBeGreaterThanOrEqual(ms(moveOn.notifyAt));
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('leaves no pending step once an outcome is recorded, whatever follows', () => {
    fc.assert(
      fc.property(caseArb, fc.constantFrom('offer', 'rejected', 'withdrew' as const), fc.nat(), ({ interview, settings }, outcome, pos) => {
        const history = [...interview.history];
        const i = history.length === 0 ? 0 : pos % (history.length + 1);
        const at = i === 0 ? interview.interviewAt : history[i - 1]!.at;
        history.splice(i, 0, { type: 'outcome', at, outcome });
        const withOutcome = { ...interview, history };
        expect(planFollowUps(withOutcome, settings).filter((s) => s.status === 'pending')).toEqual([]);
        expect(interviewStatus(withOutcome, settings, at).state).toBe('closed');
      }),
      { numRuns: RUNS },
    );
  });

  it('is deterministic: same input, same plan, warm or cold cache', () => {
    fc.assert(
      fc.property(caseArb, ({ interview, settings }) => {
        const first = planFollowUps(interview, settings);
        resetCalendarCache();
        expect(planFollowUps(structuredClone(interview), structuredClone(settings))).toEqual(first);
      }),
      { numRuns: 300 },
    );
  });

  it('agrees across nextDue, dueNow and countDue', () => {
    fc.assert(
      fc.property(fc.array(caseArb, { minLength: 1, maxLength: 6 }), instantArb, (cases, now) => {
        const settings = cases[0]!.settings;
        const interviews = cases.map((c, i) => ({ ...c.interview, id: `iv${i}` }));
        // A reminder fires when its time comes unless the step was superseded by then (or by now, for a past one).
        const fires = (s: FollowUpStep) => s.status === 'pending' && !s.notifiedAt && !(s.supersededAt !== undefined && ms(s.supersededAt) <= Math.max(ms(s.notifyAt), now));
        const waiting = interviews.flatMap((iv) => planFollowUps(iv, settings).filter(fires).map((step) => ({ id: iv.id, step })));
        const next = nextDue(interviews, settings, new Date(now));
        if (waiting.length === 0) expect(next).toBeUndefined();
        else expect(ms(next!.step.notifyAt)).toBe(Math.min(...waiting.map((w) => ms(w.step.notifyAt))));
        const due = dueNow(interviews, settings, new Date(now));
        expect(due.length).toBe(waiting.filter((w) => ms(w.step.notifyAt) <= now).length);
        expect(countDue(interviews, settings, new Date(now))).toBeGreaterThanOrEqual(due.length);
      }),
      { numRuns: 300 },
    );
  });

  it('never offers two due steps of one interview at once (a superseded step gives way)', () => {
    fc.assert(
      fc.property(caseArb, fc.integer({ min: -2 * DAY, max: 60 * DAY }), ({ interview, settings }, offset) => {
        const now = ms(interview.interviewAt) + offset;
        const offered = planFollowUps(interview, settings).filter((s) => isOffered(s, now) && ms(s.notifyAt) <= now);
        expect(offered.length, JSON.stringify(offered)).toBeLessThanOrEqual(1);
        const status = interviewStatus(interview, settings, new Date(now));
        if (offered[0]) expect(status.next).toMatchObject({ kind: offered[0].kind, round: offered[0].round });
      }),
      { numRuns: RUNS },
    );
  });

  it('a thank-you first sent after its 24 hours holds any pending inquiry to 2 work days after it', () => {
    fc.assert(
      fc.property(caseArb, ({ interview, settings }) => {
        const first = interview.history.find((e) => e.type === 'sent' && e.step === 'thank-you');
        const plan = planFollowUps(interview, settings);
        const ty = plan.find((s) => s.kind === 'thank-you')!;
        if (!first || ms(first.at) <= ms(ty.dueBy!)) return;
        // Late also means past the day its reminder was planned for (a narrow window can put that after the 24 hours).
        const planned = planFollowUps({ ...interview, history: [] }, settings).find((s) => s.kind === 'thank-you')!;
        if (wall(ms(first.at), settings.timeZone).date <= wall(ms(planned.notifyAt), settings.timeZone).date) return;
        // Only a send the plan took in: not one recorded after the interview was closed.
        const before = interview.history.slice(0, interview.history.indexOf(first));
        if (before.some((e) => e.type === 'outcome' || ((e.type === 'sent' || e.type === 'dismissed') && e.step === 'final-check-in'))) return;
        const from = wall(ms(first.at), settings.timeZone).date;
        for (const inquiry of plan.filter((s) => s.kind === 'status-inquiry' && s.status === 'pending')) {
          const to = wall(ms(inquiry.notifyAt), settings.timeZone).date;
          let workDays = 0;
          for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) {
            const weekday = new Date(`${d}T00:00:00Z`).getUTCDay();
            if (settings.workWeek.includes(weekday) && !settings.holidays.includes(d)) workDays++;
          }
          expect(workDays, `${first.at} → ${inquiry.notifyAt}`).toBeGreaterThanOrEqual(2);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('an interview logged after its thank-you was due: the thank-you alone, then the inquiry 2 work days on', () => {
    fc.assert(
      fc.property(caseArb, fc.integer({ min: 25, max: 30 * 24 }), ({ interview, settings }, hoursLate) => {
        const createdAt = ms(interview.interviewAt) + hoursLate * 3_600_000;
        const logged: Interview = { ...interview, history: [], createdAt: new Date(createdAt).toISOString() };
        const plan = planFollowUps(logged, settings);
        const ty = plan.find((s) => s.kind === 'thank-you')!;
        const inquiry = plan.find((s) => s.kind === 'status-inquiry')!;
        // Its time had come, on an earlier day, when it was logged (a narrow day window may put it later).
        fc.pre(ms(ty.notifyAt) <= createdAt && wall(ms(ty.notifyAt), settings.timeZone).date < wall(createdAt, settings.timeZone).date);
        // The thank-you is offered when logged, the inquiry is not.
        expect(isOffered(ty, createdAt)).toBe(true);
        expect(ms(inquiry.notifyAt)).toBeGreaterThan(createdAt);
        expect(ty.supersededAt).toBe(inquiry.notifyAt);
        expect(dueNow([logged], settings, new Date(createdAt)).map((d) => d.step.kind)).toEqual(['thank-you']);
      }),
      { numRuns: RUNS },
    );
  });
});

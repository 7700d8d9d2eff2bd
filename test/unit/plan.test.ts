// Planner examples beyond the contract's ten. Expected days are worked out by hand from
// docs/followup-rules.md; wall-clock → instant conversion (tested in calendar.test.ts) turns them into ISO.
import { describe, expect, it } from 'vitest';
import { zonedDateTime } from '../../src/domain/calendar';
import { defaultSettings } from '../../src/domain/model';
import { CALL_TIPS, callCard } from '../../src/domain/call-card';
import { countDue, dueNow, interviewStatus, nextDue, planFollowUps, snoozeTime } from '../../src/domain/plan';
import type { FollowUpStep, Interview, InterviewEvent, Settings, StepKind } from '../../src/domain/types';

const NY: Settings = defaultSettings('America/New_York');

function iv(interviewAt: string, extra: Partial<Interview> = {}): Interview {
  return { id: 'iv', company: 'Acme', role: 'Analyst', interviewAt, contacts: [], history: [], ...extra };
}

/** An interview given as local date and time in the settings' zone. */
function local(date: string, time: string, settings: Settings, extra: Partial<Interview> = {}): Interview {
  return iv(zonedDateTime(date, time, settings.timeZone), extra);
}

function steps(kind: StepKind, plan: FollowUpStep[]): FollowUpStep[] {
  return plan.filter((s) => s.kind === kind);
}

function pending(plan: FollowUpStep[]): FollowUpStep[] {
  return plan.filter((s) => s.status === 'pending');
}

function inquiryAt(interview: Interview, settings: Settings): string {
  const inquiries = steps('status-inquiry', planFollowUps(interview, settings));
  expect(inquiries).toHaveLength(1);
  return inquiries[0]!.notifyAt;
}

const sent = (step: StepKind, at: string): InterviewEvent => ({ type: 'sent', step, at });

describe('status inquiry without a decision date: the following week, midweek', () => {
  // Week of Mon 2026-11-16; the next calendar week starts Mon 11-23.
  it.each([
    ['Mon', '2026-11-16', '2026-11-24'], // 1st → 2nd
    ['Tue', '2026-11-17', '2026-11-24'], // 2nd stays
    ['Wed', '2026-11-18', '2026-11-25'], // 3rd stays
    ['Thu', '2026-11-19', '2026-11-26'], // 4th stays
    ['Fri', '2026-11-20', '2026-11-25'], // 5th → 3rd
    ['Sat', '2026-11-21', '2026-11-25'], // day off → 3rd
    ['Sun', '2026-11-22', '2026-11-25'], // day off, still the week of Mon 11-16 → 3rd
  ])('Mon–Fri, interview on %s %s → %s 10:00', (_day, date, expected) => {
    expect(inquiryAt(local(date, '11:00', NY), NY)).toBe(zonedDateTime(expected, '10:00', NY.timeZone));
  });

  const jerusalem: Settings = { ...NY, timeZone: 'Asia/Jerusalem', workWeek: [0, 1, 2, 3, 4] };
  // Week of Sun 2026-11-15; the next starts Sun 11-22.
  it.each([
    ['Sun', '2026-11-15', '2026-11-23'],
    ['Mon', '2026-11-16', '2026-11-23'],
    ['Tue', '2026-11-17', '2026-11-24'],
    ['Wed', '2026-11-18', '2026-11-25'],
    ['Thu', '2026-11-19', '2026-11-24'],
    ['Fri', '2026-11-20', '2026-11-24'],
    ['Sat', '2026-11-21', '2026-11-24'],
  ])('Sun–Thu in Jerusalem, interview on %s %s → %s 10:00', (_day, date, expected) => {
    expect(inquiryAt(local(date, '11:00', jerusalem), jerusalem)).toBe(zonedDateTime(expected, '10:00', jerusalem.timeZone));
  });

  const kolkata: Settings = { ...NY, timeZone: 'Asia/Kolkata', workWeek: [1, 2, 3, 4, 5, 6] };
  it.each([
    ['Mon', '2026-11-16', '2026-11-24'],
    ['Tue', '2026-11-17', '2026-11-24'],
    ['Wed', '2026-11-18', '2026-11-25'],
    ['Thu', '2026-11-19', '2026-11-26'],
    ['Fri', '2026-11-20', '2026-11-25'], // 5th → 3rd
    ['Sat', '2026-11-21', '2026-11-25'], // 6th → 3rd
    ['Sun', '2026-11-22', '2026-11-25'],
  ])('Mon–Sat in Kolkata, interview on %s %s → %s 10:00', (_day, date, expected) => {
    expect(inquiryAt(local(date, '11:00', kolkata), kolkata)).toBe(zonedDateTime(expected, '10:00', kolkata.timeZone));
  });

  it('holidays push it to the next work day, over several days', () => {
    const interview = local('2026-11-19', '11:00', NY);
    expect(inquiryAt(interview, { ...NY, holidays: ['2026-11-26', '2026-11-27'] })).toBe('2026-11-30T15:00:00.000Z');
  });

  it('an interview on a holiday keeps its weekday position', () => {
    const settings = { ...NY, holidays: ['2026-11-26'] };
    const interview = local('2026-11-26', '10:00', settings);
    expect(inquiryAt(interview, settings)).toBe('2026-12-03T15:00:00.000Z'); // Thu, 4th → Thu next week
    expect(steps('thank-you', planFollowUps(interview, settings))[0]!.notifyAt).toBe('2026-11-26T17:00:00.000Z');
  });

  it('uses the local weekday, not the UTC one', () => {
    // Mon 08:00 in Auckland is still Sunday in UTC.
    const auckland = { ...NY, timeZone: 'Pacific/Auckland' };
    const interview = iv('2026-11-15T19:00:00.000Z');
    expect(inquiryAt(interview, auckland)).toBe('2026-11-23T21:00:00.000Z'); // Tue 11-24 10:00 NZDT
    // Fri 18:00 in Los Angeles is already Saturday in UTC.
    const la = { ...NY, timeZone: 'America/Los_Angeles' };
    expect(inquiryAt(iv('2026-11-21T02:00:00.000Z'), la)).toBe('2026-11-25T18:00:00.000Z'); // Wed 10:00 PST
  });

  it('crosses the year end', () => {
    expect(inquiryAt(local('2026-12-30', '10:00', NY), NY)).toBe('2027-01-06T15:00:00.000Z');
    const settings = { ...NY, holidays: ['2027-01-07'] };
    expect(inquiryAt(local('2026-12-31', '10:00', settings), settings)).toBe('2027-01-08T15:00:00.000Z');
  });

  it('is never on the interview day or the next, even in a one-day work week', () => {
    const wednesdays = { ...NY, workWeek: [3] };
    // Tue is a day off in the week that started last Wednesday; the next week starts tomorrow.
    expect(inquiryAt(local('2026-11-17', '10:00', wednesdays), wednesdays)).toBe('2026-11-25T15:00:00.000Z');
  });
});

describe('status inquiry with a decision date: D + 3 work days', () => {
  it('counts from a decision date on the interview day', () => {
    const interview = local('2026-11-16', '09:00', NY, { decisionExpectedBy: '2026-11-16' });
    const inquiry = steps('status-inquiry', planFollowUps(interview, NY))[0]!;
    expect(inquiry.notifyAt).toBe('2026-11-19T15:00:00.000Z');
    expect(inquiry.callAcceptable).toBe(true);
  });

  it('treats a decision date before the interview as the interview day', () => {
    expect(inquiryAt(local('2026-11-16', '09:00', NY, { decisionExpectedBy: '2026-11-10' }), NY)).toBe('2026-11-19T15:00:00.000Z');
  });

  it('counts from a decision date on a weekend or holiday', () => {
    expect(inquiryAt(local('2026-11-16', '09:00', NY, { decisionExpectedBy: '2026-11-21' }), NY)).toBe('2026-11-25T15:00:00.000Z');
    const settings = { ...NY, holidays: ['2026-11-26'] };
    expect(inquiryAt(local('2026-11-16', '09:00', settings, { decisionExpectedBy: '2026-11-26' }), settings)).toBe('2026-12-01T15:00:00.000Z');
  });

  it('crosses the year end and New Year’s Day', () => {
    const settings = { ...NY, holidays: ['2027-01-01'] };
    expect(inquiryAt(local('2026-12-28', '09:00', settings, { decisionExpectedBy: '2026-12-31' }), settings)).toBe('2027-01-06T15:00:00.000Z');
  });

  it('ignores a decision date that is not a real date', () => {
    expect(inquiryAt(local('2026-11-17', '14:00', NY, { decisionExpectedBy: '2026-11-31' }), NY)).toBe('2026-11-24T15:00:00.000Z');
  });
});

describe('thank-you', () => {
  it('moves a late evening reminder to the next morning, weekend or not', () => {
    const la = { ...NY, timeZone: 'America/Los_Angeles' };
    const ty = steps('thank-you', planFollowUps(iv('2026-11-21T02:00:00.000Z'), la))[0]!; // Fri 18:00 PST
    expect(ty.notifyAt).toBe('2026-11-21T16:00:00.000Z'); // Sat 08:00 PST: 19:00 + 1 h is the window's end
    expect(ty.dueBy).toBe('2026-11-22T02:00:00.000Z');
  });

  it('moves an early reminder to the window start that day', () => {
    const early = { ...NY, dayStart: '09:00' };
    const ty = steps('thank-you', planFollowUps(local('2026-11-17', '06:00', early, { durationMinutes: 30 }), early))[0]!;
    expect(ty.notifyAt).toBe('2026-11-17T14:00:00.000Z'); // 07:30 → 09:00 EST
  });

  it('uses the interview length', () => {
    const ty = steps('thank-you', planFollowUps(local('2026-11-17', '14:00', NY, { durationMinutes: 90 }), NY))[0]!;
    expect(ty.notifyAt).toBe('2026-11-17T21:30:00.000Z'); // 16:30 EST
    expect(ty.dueBy).toBe('2026-11-18T19:00:00.000Z'); // 24 h after the start, not the end
  });

  it('is never a call, even when invited to call', () => {
    const plan = planFollowUps(local('2026-11-17', '14:00', NY, { invitedToCall: true, callCustomary: true }), NY);
    expect(steps('thank-you', plan)[0]!.callAcceptable).toBe(false);
  });

  it('honours a half-hour zone (St John’s) and a quarter-hour past the half (Kolkata)', () => {
    const stJohns = { ...NY, timeZone: 'America/St_Johns' };
    const a = planFollowUps(local('2026-11-17', '14:00', stJohns), stJohns);
    expect(a.map((s) => s.notifyAt)).toEqual(['2026-11-17T19:30:00.000Z', '2026-11-24T13:30:00.000Z']);
    const kolkata = { ...NY, timeZone: 'Asia/Kolkata' };
    const b = planFollowUps(local('2026-11-17', '14:00', kolkata), kolkata);
    expect(b.map((s) => s.notifyAt)).toEqual(['2026-11-17T10:30:00.000Z', '2026-11-24T04:30:00.000Z']);
  });
});

describe('daylight saving', () => {
  it('New York, spring forward (Mar 8): 10:00 EST before, 10:00 EDT after', () => {
    const plan = planFollowUps(iv('2026-03-06T15:00:00.000Z'), NY); // Fri 10:00 EST
    expect(plan.map((s) => s.notifyAt)).toEqual(['2026-03-06T17:00:00.000Z', '2026-03-11T14:00:00.000Z']);
  });

  it('New York, fall back (Nov 1): a late thank-you lands at 08:00 EST the next morning', () => {
    const ty = steps('thank-you', planFollowUps(iv('2026-10-31T23:00:00.000Z'), NY))[0]!; // Sat 19:00 EDT
    expect(ty.notifyAt).toBe('2026-11-01T13:00:00.000Z');
    expect(ty.dueBy).toBe('2026-11-01T23:00:00.000Z');
  });

  it('New York, a decision date just before fall back', () => {
    expect(inquiryAt(iv('2026-10-27T14:00:00.000Z', { decisionExpectedBy: '2026-10-30' }), NY)).toBe('2026-11-04T15:00:00.000Z');
  });

  const berlin = { ...NY, timeZone: 'Europe/Berlin' };

  it('Berlin, spring forward (Mar 29)', () => {
    const plan = planFollowUps(iv('2026-03-27T09:00:00.000Z'), berlin); // Fri 10:00 CET
    expect(plan.map((s) => s.notifyAt)).toEqual(['2026-03-27T11:00:00.000Z', '2026-04-01T08:00:00.000Z']);
  });

  it('Berlin, fall back (Oct 25), with a move-on counted across it', () => {
    const plan = planFollowUps(iv('2026-10-23T08:00:00.000Z', { history: [sent('status-inquiry', '2026-10-21T12:00:00.000Z')] }), berlin);
    expect(steps('status-inquiry', plan)[0]!.notifyAt).toBe('2026-10-28T09:00:00.000Z'); // Wed 10:00 CET
    expect(steps('move-on', plan)[0]!.notifyAt).toBe('2026-10-28T09:00:00.000Z'); // Wed 10-21 + 5 work days
  });
});

describe('a preferred hour lost in a late-evening DST gap', () => {
  it('stays on its day, just before the gap (Nuuk, 2026-03-28 23:00 → 00:00)', () => {
    const nuuk: Settings = { timeZone: 'America/Nuuk', workWeek: [1, 2, 3, 4, 5, 6], holidays: [], dayStart: '20:00', dayEnd: '23:30', preferredTime: '23:15' };
    // Decision Wed 03-25 + 3 work days (Mon–Sat) = Sat 03-28, whose 23:15 does not exist.
    const interview = iv('2026-03-23T14:00:00.000Z', { decisionExpectedBy: '2026-03-25' });
    expect(inquiryAt(interview, nuuk)).toBe('2026-03-29T00:59:00.000Z'); // 22:59 −02
  });
});

describe('move on and the final check-in', () => {
  const interview = local('2026-11-16', '09:00', NY);

  it('appear only once the inquiry is marked sent', () => {
    const plan = planFollowUps(interview, NY);
    expect(steps('move-on', plan)).toEqual([]);
    expect(steps('final-check-in', plan)).toEqual([]);
  });

  it('move on skips holidays', () => {
    const settings = { ...NY, holidays: ['2026-12-24', '2026-12-25'] };
    const plan = planFollowUps({ ...interview, history: [sent('status-inquiry', '2026-12-21T15:00:00.000Z')] }, settings);
    expect(steps('move-on', plan)[0]!.notifyAt).toBe('2026-12-30T15:00:00.000Z');
  });

  it('the final check-in waits for interview day + 21 when that is later, moved off a holiday', () => {
    const history = [sent('status-inquiry', '2026-11-18T15:00:00.000Z')]; // sent early: +10 work days is 12-02
    expect(steps('final-check-in', planFollowUps({ ...interview, history }, NY))[0]!.notifyAt).toBe('2026-12-07T15:00:00.000Z');
    const settings = { ...NY, holidays: ['2026-12-07'] };
    expect(steps('final-check-in', planFollowUps({ ...interview, history }, settings))[0]!.notifyAt).toBe('2026-12-08T15:00:00.000Z');
  });

  it('the final check-in lands on a work day when day + 21 is a Saturday', () => {
    const sat = local('2026-11-14', '10:00', NY, { history: [sent('status-inquiry', '2026-11-16T15:00:00.000Z')] });
    // 11-14 + 21 = Sat 12-05 → Mon 12-07; sent Mon 11-16 + 10 work days = Mon 11-30.
    expect(steps('final-check-in', planFollowUps(sat, NY))[0]!.notifyAt).toBe('2026-12-07T15:00:00.000Z');
  });

  it('dismissing move-on keeps the final check-in', () => {
    const history = [sent('status-inquiry', '2026-11-25T16:00:00.000Z'), { type: 'dismissed', step: 'move-on', at: '2026-12-02T16:00:00.000Z' } as const];
    const plan = planFollowUps({ ...interview, history }, NY);
    expect(steps('move-on', plan)[0]!.status).toBe('dismissed');
    expect(steps('final-check-in', plan)[0]!.status).toBe('pending');
  });

  it.each(['sent', 'dismissed'] as const)('the final check-in %s closes the interview as no response', (type) => {
    const history: InterviewEvent[] = [sent('status-inquiry', '2026-11-25T16:00:00.000Z'), { type, step: 'final-check-in', at: '2026-12-09T16:00:00.000Z' }];
    const withFinal = { ...interview, history };
    const plan = planFollowUps(withFinal, NY);
    expect(pending(plan)).toEqual([]);
    expect(steps('final-check-in', plan)[0]!.status).toBe(type === 'sent' ? 'done' : 'dismissed');
    expect(steps('move-on', plan)[0]!.status).toBe('dismissed');
    expect(interviewStatus(withFinal, NY, '2026-12-10T00:00:00.000Z')).toEqual({ state: 'closed', closedReason: 'no-response' });
  });

  it('dismissing the inquiry leaves nothing to chase: waiting, not closed', () => {
    const history: InterviewEvent[] = [sent('thank-you', '2026-11-16T17:00:00.000Z'), { type: 'dismissed', step: 'status-inquiry', at: '2026-11-24T16:00:00.000Z' }];
    const withDismissal = { ...interview, history };
    expect(pending(planFollowUps(withDismissal, NY))).toEqual([]);
    expect(interviewStatus(withDismissal, NY, '2026-12-01T00:00:00.000Z')).toEqual({ state: 'waiting' });
  });
});

describe('replies and rounds', () => {
  const interview = local('2026-11-16', '09:00', NY);

  it('a reply with a new date starts round 2 at D′ + 3 work days, with a call acceptable', () => {
    const plan = planFollowUps({ ...interview, history: [{ type: 'reply', at: '2026-11-20T15:00:00.000Z', newDecisionDate: '2026-12-04' }] }, NY);
    const inquiries = steps('status-inquiry', plan);
    expect(inquiries).toEqual([
      { kind: 'status-inquiry', notifyAt: '2026-11-24T15:00:00.000Z', status: 'dismissed', callAcceptable: false, round: 1 },
      { kind: 'status-inquiry', notifyAt: '2026-12-09T15:00:00.000Z', status: 'pending', callAcceptable: true, round: 2 },
    ]);
  });

  it('after a sent inquiry, earlier move-on and final are no longer pending (nor the thank-you it replaced)', () => {
    const history: InterviewEvent[] = [sent('status-inquiry', '2026-11-25T16:00:00.000Z'), { type: 'reply', at: '2026-11-27T15:00:00.000Z', newDecisionDate: '2026-12-01' }];
    const plan = planFollowUps({ ...interview, history }, NY);
    expect(pending(plan).map((s) => [s.kind, s.round, s.notifyAt])).toEqual([['status-inquiry', 2, '2026-12-04T15:00:00.000Z']]);
    expect(steps('thank-you', plan)[0]).toMatchObject({ status: 'dismissed', supersededAt: '2026-11-25T16:00:00.000Z' });
    expect(steps('move-on', plan)[0]!.status).toBe('dismissed');
    expect(steps('final-check-in', plan)[0]!.status).toBe('dismissed');
  });

  it('never puts the next inquiry before the previous one’s move-on point', () => {
    // Sent Wed 11-25 → move-on Wed 12-02. New date 11-26 + 3 work days = Tue 12-01, held to 12-02.
    const history: InterviewEvent[] = [sent('status-inquiry', '2026-11-25T16:00:00.000Z'), { type: 'reply', at: '2026-11-26T15:00:00.000Z', newDecisionDate: '2026-11-26' }];
    expect(steps('status-inquiry', planFollowUps({ ...interview, history }, NY))[1]!.notifyAt).toBe('2026-12-02T15:00:00.000Z');
  });

  it('snoozing the move-on reminder does not move the move-on point a new inquiry waits for', () => {
    const history: InterviewEvent[] = [
      sent('status-inquiry', '2026-11-25T16:00:00.000Z'),
      { type: 'snoozed', step: 'move-on', at: '2026-11-25T17:00:00.000Z', until: '2026-12-08T15:00:00.000Z' },
      { type: 'reply', at: '2026-11-26T15:00:00.000Z', newDecisionDate: '2026-11-26' },
    ];
    expect(steps('status-inquiry', planFollowUps({ ...interview, history }, NY))[1]!.notifyAt).toBe('2026-12-02T15:00:00.000Z');
  });

  it('round 2 gets its own move-on and final check-in once its inquiry is sent', () => {
    const history: InterviewEvent[] = [
      { type: 'reply', at: '2026-11-20T15:00:00.000Z', newDecisionDate: '2026-12-04' },
      sent('status-inquiry', '2026-12-10T16:00:00.000Z'),
    ];
    const plan = planFollowUps({ ...interview, history }, NY);
    expect(steps('move-on', plan)).toEqual([
      { kind: 'move-on', notifyAt: '2026-12-17T15:00:00.000Z', status: 'pending', callAcceptable: false, round: 2, supersededAt: '2026-12-24T15:00:00.000Z' },
    ]);
    expect(steps('final-check-in', plan)).toEqual([{ kind: 'final-check-in', notifyAt: '2026-12-24T15:00:00.000Z', status: 'pending', callAcceptable: true, round: 2 }]);
  });

  it('a reply without a date pauses the plan until a reply with a date', () => {
    const paused: InterviewEvent[] = [sent('thank-you', '2026-11-16T17:00:00.000Z'), { type: 'reply', at: '2026-11-20T15:00:00.000Z' }];
    const pausedPlan = planFollowUps({ ...interview, history: paused }, NY);
    expect(pending(pausedPlan)).toEqual([]);
    expect(interviewStatus({ ...interview, history: paused }, NY, '2026-11-25T00:00:00.000Z')).toEqual({ state: 'waiting' });
    // Marking an inquiry sent while paused changes nothing.
    const ignored = planFollowUps({ ...interview, history: [...paused, sent('status-inquiry', '2026-11-25T16:00:00.000Z')] }, NY);
    expect(ignored).toEqual(pausedPlan);
    const resumed = planFollowUps({ ...interview, history: [...paused, { type: 'reply', at: '2026-11-30T15:00:00.000Z', newDecisionDate: '2026-12-04' }] }, NY);
    expect(pending(resumed).map((s) => [s.kind, s.round, s.notifyAt])).toEqual([['status-inquiry', 2, '2026-12-09T15:00:00.000Z']]);
  });

  it('a pause keeps the thank-you pending', () => {
    const plan = planFollowUps({ ...interview, history: [{ type: 'reply', at: '2026-11-16T15:00:00.000Z' }] }, NY);
    expect(pending(plan).map((s) => s.kind)).toEqual(['thank-you']);
  });

  it('a late reply with a date reopens a "no response" interview, without a second final check-in', () => {
    const history: InterviewEvent[] = [
      sent('status-inquiry', '2026-11-25T16:00:00.000Z'),
      sent('final-check-in', '2026-12-09T16:00:00.000Z'),
      { type: 'reply', at: '2026-12-14T15:00:00.000Z', newDecisionDate: '2026-12-18' },
      sent('status-inquiry', '2026-12-23T16:00:00.000Z'),
    ];
    const plan = planFollowUps({ ...interview, history }, NY);
    expect(pending(plan).map((s) => [s.kind, s.round])).toEqual([['move-on', 2]]);
    expect(steps('final-check-in', plan)).toHaveLength(1);
    expect(interviewStatus({ ...interview, history }, NY, '2026-12-24T00:00:00.000Z').state).toBe('upcoming');
  });
});

describe('outcomes', () => {
  const interview = local('2026-11-16', '09:00', NY);

  it.each(['offer', 'rejected', 'withdrew'] as const)('%s ends the plan at once', (outcome) => {
    const history: InterviewEvent[] = [sent('status-inquiry', '2026-11-25T16:00:00.000Z'), { type: 'outcome', at: '2026-11-26T15:00:00.000Z', outcome }];
    const withOutcome = { ...interview, history };
    const plan = planFollowUps(withOutcome, NY);
    expect(pending(plan)).toEqual([]);
    expect(plan.map((s) => s.status)).toEqual(['dismissed', 'done', 'dismissed', 'dismissed']);
    expect(interviewStatus(withOutcome, NY, '2026-11-27T00:00:00.000Z')).toEqual({ state: 'closed', closedReason: outcome });
    expect(callCard({ ...withOutcome, invitedToCall: true }, NY)).toBeUndefined();
    expect(countDue([withOutcome], NY, '2027-01-01T00:00:00.000Z')).toBe(0);
  });

  it('nothing after an outcome reopens the plan; a later outcome corrects the reason', () => {
    const history: InterviewEvent[] = [
      { type: 'outcome', at: '2026-11-18T15:00:00.000Z', outcome: 'offer' },
      { type: 'reply', at: '2026-11-19T15:00:00.000Z', newDecisionDate: '2026-11-25' },
      { type: 'outcome', at: '2026-11-20T15:00:00.000Z', outcome: 'withdrew' },
    ];
    expect(pending(planFollowUps({ ...interview, history }, NY))).toEqual([]);
    expect(interviewStatus({ ...interview, history }, NY, '2026-11-21T00:00:00.000Z').closedReason).toBe('withdrew');
  });
});

describe('snooze, dismiss, notified', () => {
  const interview = local('2026-11-17', '14:00', NY);

  it('the last snooze wins', () => {
    const history: InterviewEvent[] = [
      { type: 'snoozed', step: 'thank-you', at: '2026-11-17T21:00:00.000Z', until: '2026-11-18T00:00:00.000Z' },
      { type: 'snoozed', step: 'thank-you', at: '2026-11-18T00:00:00.000Z', until: '2026-11-18T15:00:00.000Z' },
    ];
    const ty = steps('thank-you', planFollowUps({ ...interview, history }, NY))[0]!;
    expect(ty.notifyAt).toBe('2026-11-18T15:00:00.000Z');
    expect(ty.dueBy).toBe('2026-11-18T19:00:00.000Z');
  });

  it('a snooze to the night is held to the next morning', () => {
    const history: InterviewEvent[] = [{ type: 'snoozed', step: 'status-inquiry', at: '2026-11-24T15:00:00.000Z', until: '2026-11-25T03:00:00.000Z' }];
    expect(steps('status-inquiry', planFollowUps({ ...interview, history }, NY))[0]!.notifyAt).toBe('2026-11-25T13:00:00.000Z');
  });

  it('a snooze for a step that does not exist yet, or is done, is ignored', () => {
    const history: InterviewEvent[] = [
      { type: 'snoozed', step: 'move-on', at: '2026-11-18T15:00:00.000Z', until: '2026-11-19T15:00:00.000Z' },
      sent('thank-you', '2026-11-17T22:00:00.000Z'),
      { type: 'snoozed', step: 'thank-you', at: '2026-11-18T15:00:00.000Z', until: '2026-11-19T15:00:00.000Z' },
    ];
    const plan = planFollowUps({ ...interview, history }, NY);
    expect(plan.map((s) => [s.kind, s.notifyAt, s.status])).toEqual([
      ['thank-you', '2026-11-17T21:00:00.000Z', 'done'],
      ['status-inquiry', '2026-11-24T15:00:00.000Z', 'pending'],
    ]);
  });

  it('dismissing the thank-you marks it dismissed; sending it later marks it done', () => {
    const dismissed: InterviewEvent = { type: 'dismissed', step: 'thank-you', at: '2026-11-17T22:00:00.000Z' };
    expect(steps('thank-you', planFollowUps({ ...interview, history: [dismissed] }, NY))[0]!.status).toBe('dismissed');
    expect(steps('thank-you', planFollowUps({ ...interview, history: [dismissed, sent('thank-you', '2026-11-18T10:00:00.000Z')] }, NY))[0]!.status).toBe('done');
  });

  it('a reminder shown at or after its time is notified; a later snooze re-arms it', () => {
    const shown: InterviewEvent = { type: 'notified', step: 'status-inquiry', at: '2026-11-24T15:00:02.000Z', round: 1 };
    const plan = planFollowUps({ ...interview, history: [shown] }, NY);
    expect(steps('status-inquiry', plan)[0]!.notifiedAt).toBe('2026-11-24T15:00:02.000Z');
    const snoozed: InterviewEvent = { type: 'snoozed', step: 'status-inquiry', at: '2026-11-24T15:01:00.000Z', until: '2026-11-24T18:00:00.000Z' };
    const rearmed = steps('status-inquiry', planFollowUps({ ...interview, history: [shown, snoozed] }, NY))[0]!;
    expect(rearmed.notifyAt).toBe('2026-11-24T18:00:00.000Z');
    expect(rearmed.notifiedAt).toBeUndefined();
  });

  it('a notification for another round, another step, or before the step’s time does not count', () => {
    const history: InterviewEvent[] = [
      { type: 'notified', step: 'status-inquiry', at: '2026-11-24T14:59:00.000Z', round: 1 },
      { type: 'notified', step: 'status-inquiry', at: '2026-11-24T15:00:00.000Z', round: 2 },
      { type: 'notified', step: 'thank-you', at: '2026-11-24T15:00:00.000Z', round: 1 },
    ];
    const plan = planFollowUps({ ...interview, history }, NY);
    expect(steps('status-inquiry', plan)[0]!.notifiedAt).toBeUndefined();
    expect(steps('thank-you', plan)[0]!.notifiedAt).toBe('2026-11-24T15:00:00.000Z');
  });
});

describe('scheduler queries', () => {
  const a = { ...local('2026-11-17', '14:00', NY), id: 'a' }; // thank-you 21:00Z, inquiry 11-24 15:00Z
  const b = { ...local('2026-11-16', '09:00', NY), id: 'b' }; // thank-you 11-16 16:00Z, inquiry 11-24 15:00Z
  const broken = { ...iv('not a date'), id: 'broken' };

  it('nextDue is the earliest pending step not yet shown, even if it is in the past', () => {
    expect(nextDue([a, b], NY, '2026-11-01T00:00:00.000Z')).toEqual({
      interviewId: 'b',
      step: {
        kind: 'thank-you',
        notifyAt: '2026-11-16T16:00:00.000Z',
        dueBy: '2026-11-17T14:00:00.000Z',
        status: 'pending',
        callAcceptable: false,
        round: 1,
        supersededAt: '2026-11-24T15:00:00.000Z',
      },
    });
    // By Dec 1 both unsent thank-yous have given way to their inquiries (both Tue 11-24 10:00).
    expect(nextDue([a, b], NY, '2026-12-01T00:00:00.000Z')?.step).toMatchObject({ kind: 'status-inquiry', notifyAt: '2026-11-24T15:00:00.000Z' });
    const bShown = { ...b, history: [{ type: 'notified', step: 'thank-you', at: '2026-11-16T16:00:01.000Z', round: 1 } as const] };
    expect(nextDue([bShown, a, broken], NY, '2026-11-16T17:00:00.000Z')).toMatchObject({ interviewId: 'a', step: { kind: 'thank-you', notifyAt: '2026-11-17T21:00:00.000Z' } });
    expect(nextDue([], NY, '2026-11-16T17:00:00.000Z')).toBeUndefined();
  });

  it('an interview logged days later offers the late thank-you alone; the inquiry waits two work days after it', () => {
    const now = '2026-11-25T17:00:00.000Z'; // Wed 12:00, eight days after the interview
    const logged = { ...a, createdAt: now };
    expect(dueNow([logged], NY, now).map((d) => [d.step.kind, d.step.notifyAt])).toEqual([['thank-you', '2026-11-17T21:00:00.000Z']]);
    expect(countDue([logged], NY, now)).toBe(1);
    expect(interviewStatus(logged, NY, now)).toMatchObject({ state: 'overdue', next: { kind: 'thank-you' } });
    // Wed + 2 work days = Fri 10:00, and the thank-you gives way to it then if still unsent.
    expect(steps('status-inquiry', planFollowUps(logged, NY))[0]!.notifyAt).toBe('2026-11-27T15:00:00.000Z');
    expect(steps('thank-you', planFollowUps(logged, NY))[0]!.supersededAt).toBe('2026-11-27T15:00:00.000Z');
  });

  it('a thank-you the user was never reminded of (browser closed) gives way to an inquiry already due', () => {
    const now = '2026-11-25T17:00:00.000Z';
    expect(dueNow([a], NY, now).map((d) => [d.step.kind, d.step.notifyAt])).toEqual([['status-inquiry', '2026-11-24T15:00:00.000Z']]);
    expect(countDue([a], NY, now)).toBe(1);
    expect(interviewStatus(a, NY, now)).toMatchObject({ state: 'due', next: { kind: 'status-inquiry' } });
  });

  it('dueNow leaves out shown reminders; countDue still counts them for the badge', () => {
    const now = '2026-11-24T16:00:00.000Z';
    const aShown = { ...a, history: [{ type: 'notified', step: 'status-inquiry', at: '2026-11-24T15:00:00.000Z', round: 1 } as const, sent('thank-you', '2026-11-17T22:00:00.000Z')] };
    // b's unsent thank-you gave way to its inquiry at 15:00: neither fired nor counted.
    expect(dueNow([aShown, b, broken], NY, now).map((d) => [d.interviewId, d.step.kind])).toEqual([['b', 'status-inquiry']]);
    expect(countDue([aShown, b, broken], NY, now)).toBe(2);
    const bShown = { ...b, history: [{ type: 'notified', step: 'thank-you', at: '2026-11-16T16:00:00.000Z', round: 1 } as const] };
    expect(countDue([aShown, bShown], NY, '2026-11-17T16:00:00.000Z')).toBe(1); // b's thank-you, shown and not yet replaced
    expect(dueNow([aShown, b], NY, '2026-11-16T15:59:59.999Z')).toEqual([]);
  });

  it('a single interview that cannot be planned is an error, not an empty plan', () => {
    expect(() => planFollowUps(broken, NY)).toThrow(RangeError);
    expect(() => nextDue([a], NY, 'whenever')).toThrow(RangeError);
  });
});

describe('snoozeTime', () => {
  it.each([
    ['Tue 12:00 → 15:00 today', '2026-11-17T17:00:00.000Z', '2026-11-17T20:00:00.000Z'],
    ['Tue 16:59 → 19:59 today', '2026-11-17T21:59:00.000Z', '2026-11-18T00:59:00.000Z'],
    ['Tue 17:00 → 20:00 is the window end → Wed 10:00', '2026-11-17T22:00:00.000Z', '2026-11-18T15:00:00.000Z'],
    ['Fri 18:00 → Mon 10:00', '2026-11-20T23:00:00.000Z', '2026-11-23T15:00:00.000Z'],
    ['Tue 04:00 → 07:00 is before the window → 10:00 today', '2026-11-17T09:00:00.000Z', '2026-11-17T15:00:00.000Z'],
    ['Tue 06:00 → 09:00 today', '2026-11-17T11:00:00.000Z', '2026-11-17T14:00:00.000Z'],
    ['Sat 12:00 → 15:00 the same Saturday', '2026-11-21T17:00:00.000Z', '2026-11-21T20:00:00.000Z'],
    ['Sat 19:00 → Mon 10:00', '2026-11-22T00:00:00.000Z', '2026-11-23T15:00:00.000Z'],
  ])('%s', (_label, now, expected) => {
    expect(snoozeTime(NY, now)).toBe(expected);
  });

  it('skips holidays', () => {
    expect(snoozeTime({ ...NY, holidays: ['2026-11-26', '2026-11-27'] }, new Date('2026-11-25T23:00:00.000Z'))).toBe('2026-11-30T15:00:00.000Z');
  });
});

describe('interviewStatus', () => {
  const interview = local('2026-11-17', '14:00', NY); // thank-you 21:00Z due by 11-18 19:00Z; inquiry Tue 11-24 15:00Z
  const thanked = { ...interview, history: [sent('thank-you', '2026-11-17T22:00:00.000Z')] };

  it('upcoming before the thank-you, due after it, overdue past its 24 hours', () => {
    expect(interviewStatus(interview, NY, '2026-11-17T20:00:00.000Z')).toMatchObject({ state: 'upcoming', next: { kind: 'thank-you' } });
    expect(interviewStatus(interview, NY, '2026-11-17T21:00:00.000Z')).toMatchObject({ state: 'due', next: { kind: 'thank-you' } });
    expect(interviewStatus(interview, NY, '2026-11-18T19:00:00.001Z')).toMatchObject({ state: 'overdue', next: { kind: 'thank-you' } });
  });

  it('an inquiry is overdue more than two work days after its time', () => {
    expect(interviewStatus(thanked, NY, '2026-11-20T00:00:00.000Z')).toMatchObject({ state: 'upcoming', next: { kind: 'status-inquiry' } });
    expect(interviewStatus(thanked, NY, '2026-11-26T15:00:00.000Z')).toMatchObject({ state: 'due' }); // Thu 10:00: exactly two
    expect(interviewStatus(thanked, NY, '2026-11-26T15:00:00.001Z')).toMatchObject({ state: 'overdue', next: { kind: 'status-inquiry' } });
  });

  it('a weekend does not count towards overdue', () => {
    const thu = { ...local('2026-11-19', '14:00', NY), history: [sent('thank-you', '2026-11-19T22:00:00.000Z')] }; // inquiry Thu 11-26
    expect(interviewStatus(thu, NY, '2026-11-29T20:00:00.000Z').state).toBe('due'); // Sun
    expect(interviewStatus(thu, NY, '2026-11-30T15:00:00.001Z').state).toBe('overdue'); // Mon 10:00 + 1 ms
  });
});

describe('callCard', () => {
  it('is undefined when no call condition holds', () => {
    expect(callCard(local('2026-11-17', '14:00', NY), NY)).toBeUndefined();
  });

  it.each([
    ['invited to call', { invitedToCall: true }],
    ['calling back is customary', { callCustomary: true }],
    ['a decision date was given', { decisionExpectedBy: '2026-11-20' }],
  ])('gives the advice from the contract when %s', (_label, extra) => {
    const card = callCard(local('2026-11-17', '14:00', NY, { ...extra, contacts: [{ name: 'Dana Levi' }] }), NY);
    expect(card).toBeDefined();
    const tips = card!.tips.map((code) => CALL_TIPS[code]).join('\n');
    for (const phrase of ['full name', 'role', 'date of your interview', 'filled', 'under consideration', 'timeline', 'under two minutes', 'interviewer', 'when they will be', 'one or two', 'couple of days', 'Stand up', 'smile']) {
      expect(tips).toContain(phrase);
    }
    // The script: the user's name, the role and the interview date first (002), then the questions.
    const lines = callCard(local('2026-11-17', '14:00', NY, { ...extra, contacts: [{ name: 'Dana Levi' }] }), NY, { yourName: 'Sam Lee', now: '2026-11-25T15:00:00Z' })!.lines.join('\n');
    expect(lines).toContain('Hi Dana, this is Sam Lee.');
    expect(lines).toContain('Analyst');
    expect(lines).toContain('Tuesday, November 17');
    expect(lines).toMatch(/filled.*under consideration/);
    expect(lines).toContain('timeline');
    expect(lines).not.toMatch(/\[|undefined/);
  });

  it('says the interview day in the user’s zone', () => {
    // 2026-11-17T03:00Z is Monday evening in New York.
    const card = callCard(iv('2026-11-17T03:00:00.000Z', { invitedToCall: true }), NY);
    expect(card!.lines.join('\n')).toContain('Monday, November 16');
  });

  it('goes away once the inquiry is sent, unless the final check-in may be a call', () => {
    const history = [sent('status-inquiry', '2026-11-24T16:00:00.000Z')];
    expect(callCard(local('2026-11-17', '14:00', NY, { history }), NY)).toBeUndefined();
    expect(callCard(local('2026-11-17', '14:00', NY, { history, invitedToCall: true }), NY)).toBeDefined();
  });
});

describe('shape of the plan', () => {
  it('is ordered by notify time and identical for identical input', () => {
    const interview = local('2026-11-16', '09:00', NY, {
      history: [sent('status-inquiry', '2026-11-18T15:00:00.000Z'), { type: 'snoozed', step: 'thank-you', at: '2026-11-16T16:00:00.000Z', until: '2026-12-30T15:00:00.000Z' }],
    });
    const plan = planFollowUps(interview, NY);
    expect(plan.map((s) => s.kind)).toEqual(['status-inquiry', 'move-on', 'final-check-in', 'thank-you']);
    expect(planFollowUps(structuredClone(interview), { ...NY })).toEqual(plan);
  });

  it('notices settings edited in place (the compiled calendar is keyed by content)', () => {
    const settings: Settings = { ...NY, holidays: [] };
    const interview = local('2026-11-19', '11:00', settings);
    expect(inquiryAt(interview, settings)).toBe('2026-11-26T15:00:00.000Z');
    settings.holidays.push('2026-11-26');
    expect(inquiryAt(interview, settings)).toBe('2026-11-27T15:00:00.000Z');
    settings.workWeek = [1, 2, 3, 5];
    expect(inquiryAt(interview, settings)).toBe('2026-11-25T15:00:00.000Z'); // Thu is now a day off → the 3rd work day, Wed
  });

  it('falls back to 60 minutes for a nonsense length', () => {
    const plan = planFollowUps(local('2026-11-17', '14:00', NY, { durationMinutes: -5 }), NY);
    expect(plan[0]!.notifyAt).toBe('2026-11-17T21:00:00.000Z');
  });
});

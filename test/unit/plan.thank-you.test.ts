// The thank-you step since issue 11 (docs/followup-rules.md, "One thank-you each", "A late
// thank-you", "Superseded steps"). Days are worked out by hand; New York is EST (UTC−5).
import { describe, expect, it } from 'vitest';
import { zonedDateTime } from '../../src/domain/calendar';
import { defaultSettings } from '../../src/domain/model';
import { countDue, dueNow, interviewStatus, isOffered, nextDue, planFollowUps } from '../../src/domain/plan';
import type { Contact, FollowUpStep, Interview, InterviewEvent, Settings, StepKind } from '../../src/domain/types';

const NY: Settings = defaultSettings('America/New_York');
const at = (date: string, time: string): string => zonedDateTime(date, time, NY.timeZone);

const CHRIS: Contact = { name: 'Chris Park', email: 'chris.park@acme.example' };
const JORDAN: Contact = { name: 'Jordan Reyes', email: 'jordan.reyes@acme.example' };

/** Tue 2026-11-17 14:00: thank-you at 16:00, due by Wed 14:00; inquiry Tue 11-24 10:00. */
function interview(extra: Partial<Interview> = {}): Interview {
  return { id: 'iv', company: 'Acme', role: 'Analyst', interviewAt: at('2026-11-17', '14:00'), contacts: [CHRIS, JORDAN], history: [], ...extra };
}
const sent = (step: StepKind, when: string, contact?: string): InterviewEvent => (contact === undefined ? { type: 'sent', step, at: when } : { type: 'sent', step, at: when, contact });
const skipped = (step: StepKind, when: string, contact?: string): InterviewEvent =>
  contact === undefined ? { type: 'dismissed', step, at: when } : { type: 'dismissed', step, at: when, contact };
const shown = (step: StepKind, when: string, round = 1): InterviewEvent => ({ type: 'notified', step, at: when, round });

const plan = (iv: Interview, settings = NY) => planFollowUps(iv, settings);
const step = (steps: FollowUpStep[], kind: StepKind): FollowUpStep => steps.find((s) => s.kind === kind)!;
const thankYou = (iv: Interview, settings = NY) => step(plan(iv, settings), 'thank-you');
const inquiryAt = (iv: Interview, settings = NY) => step(plan(iv, settings), 'status-inquiry').notifyAt;
const who = (s: FollowUpStep) => s.contacts?.map((c) => [c.name, c.status]);

describe('one thank-you each: tracked per interviewer', () => {
  it('lists every interviewer, pending until each is sent or skipped', () => {
    const ty = thankYou(interview());
    expect(ty.status).toBe('pending');
    expect(ty.contacts).toEqual([
      { key: 'chris.park@acme.example', name: 'Chris Park', email: 'chris.park@acme.example', status: 'pending' },
      { key: 'jordan.reyes@acme.example', name: 'Jordan Reyes', email: 'jordan.reyes@acme.example', status: 'pending' },
    ]);
  });

  it('is still pending after one note, done after the second', () => {
    const one = interview({ history: [sent('thank-you', at('2026-11-17', '17:00'), 'chris.park@acme.example')] });
    expect(thankYou(one).status).toBe('pending');
    expect(who(thankYou(one))).toEqual([
      ['Chris Park', 'done'],
      ['Jordan Reyes', 'pending'],
    ]);
    const both = interview({ history: [...one.history, sent('thank-you', at('2026-11-17', '17:30'), 'Jordan.Reyes@acme.example')] });
    expect(thankYou(both).status).toBe('done');
  });

  it('is done when one was sent and the other skipped; dismissed when both were skipped', () => {
    const mixed = interview({ history: [sent('thank-you', at('2026-11-17', '17:00'), 'chris.park@acme.example'), skipped('thank-you', at('2026-11-17', '17:01'), 'jordan.reyes@acme.example')] });
    expect(thankYou(mixed).status).toBe('done');
    const none = interview({ history: [skipped('thank-you', at('2026-11-17', '17:00'), 'chris.park@acme.example'), skipped('thank-you', at('2026-11-17', '17:01'), 'jordan.reyes@acme.example')] });
    expect(thankYou(none).status).toBe('dismissed');
    // A note sent after all to someone skipped counts.
    const changedMind = interview({ history: [...none.history, sent('thank-you', at('2026-11-18', '09:00'), 'jordan.reyes@acme.example')] });
    expect(who(thankYou(changedMind))).toEqual([
      ['Chris Park', 'dismissed'],
      ['Jordan Reyes', 'done'],
    ]);
    expect(thankYou(changedMind).status).toBe('done');
  });

  it('an event naming nobody is for everyone (what records from before meant)', () => {
    expect(thankYou(interview({ history: [sent('thank-you', at('2026-11-17', '17:00'))] })).status).toBe('done');
    expect(who(thankYou(interview({ history: [skipped('thank-you', at('2026-11-17', '17:00'))] })))).toEqual([
      ['Chris Park', 'dismissed'],
      ['Jordan Reyes', 'dismissed'],
    ]);
  });

  it('matches a person by address or by name, so later edits to the other keep the record', () => {
    const byName = sent('thank-you', at('2026-11-17', '17:00'), 'jordan reyes');
    expect(who(thankYou(interview({ history: [byName] })))![1]).toEqual(['Jordan Reyes', 'done']);
    const renamed = interview({ contacts: [CHRIS, { name: 'Jordan Reyes-Kim', email: 'jordan.reyes@acme.example' }], history: [sent('thank-you', at('2026-11-17', '17:00'), 'jordan.reyes@acme.example')] });
    expect(who(thankYou(renamed))![1]).toEqual(['Jordan Reyes-Kim', 'done']);
    // Someone the interview no longer lists changes nothing.
    expect(thankYou(interview({ history: [sent('thank-you', at('2026-11-17', '17:00'), 'someone@else.example')] })).status).toBe('pending');
  });

  it('someone added later is still to thank, until the inquiry has replaced the thank-you', () => {
    // (A record naming nobody would cover them too: it can't tell who was listed then.)
    const history = [sent('thank-you', at('2026-11-17', '17:00'), 'chris.park@acme.example'), sent('thank-you', at('2026-11-17', '17:10'), 'jordan.reyes@acme.example')];
    const added = interview({ contacts: [CHRIS, JORDAN, { name: 'Priya Nair' }], history });
    expect(who(thankYou(added))).toEqual([
      ['Chris Park', 'done'],
      ['Jordan Reyes', 'done'],
      ['Priya Nair', 'pending'],
    ]);
    const afterInquiry = { ...added, history: [...history, sent('status-inquiry', at('2026-11-24', '11:00'))] };
    expect(thankYou(afterInquiry).status).toBe('done');
    expect(who(thankYou(afterInquiry))![2]).toEqual(['Priya Nair', 'dismissed']);
  });

  it('an outcome skips everyone still to thank', () => {
    const history: InterviewEvent[] = [sent('thank-you', at('2026-11-17', '17:00'), 'chris.park@acme.example'), { type: 'outcome', at: at('2026-11-18', '09:00'), outcome: 'offer' }];
    expect(who(thankYou(interview({ history })))).toEqual([
      ['Chris Park', 'done'],
      ['Jordan Reyes', 'dismissed'],
    ]);
  });

  it('without interviewers, the thank-you is one step as before', () => {
    const ty = thankYou(interview({ contacts: [] }));
    expect(ty.contacts).toBeUndefined();
    expect(thankYou(interview({ contacts: [], history: [sent('thank-you', at('2026-11-17', '17:00'), 'anyone')] })).status).toBe('done');
  });

  it('snoozing moves the one reminder for everyone', () => {
    const history: InterviewEvent[] = [sent('thank-you', at('2026-11-17', '17:00'), 'chris.park@acme.example'), { type: 'snoozed', step: 'thank-you', at: at('2026-11-17', '17:01'), until: at('2026-11-17', '19:00') }];
    expect(thankYou(interview({ history })).notifyAt).toBe(at('2026-11-17', '19:00'));
  });
});

describe('a late thank-you: the inquiry waits at least 2 work days after it', () => {
  it('an on-time thank-you changes nothing', () => {
    expect(inquiryAt(interview({ history: [sent('thank-you', at('2026-11-18', '13:59'))] }))).toBe(at('2026-11-24', '10:00'));
  });

  it('sent Mon 11-23, after its 24 hours: the Tue 11-24 inquiry moves to Wed 11-25', () => {
    expect(inquiryAt(interview({ history: [sent('thank-you', at('2026-11-23', '09:00'))] }))).toBe(at('2026-11-25', '10:00'));
  });

  it('sent Fri 11-20: Tue 11-24 is already two work days on, so it stays', () => {
    expect(inquiryAt(interview({ history: [sent('thank-you', at('2026-11-20', '18:00'))] }))).toBe(at('2026-11-24', '10:00'));
  });

  it('counts work days: sent Mon 11-23 with Tue 11-24 a holiday → Thu 11-26', () => {
    const settings = { ...NY, holidays: ['2026-11-24'] };
    expect(inquiryAt(interview({ history: [sent('thank-you', at('2026-11-23', '09:00'))] }), settings)).toBe(at('2026-11-26', '10:00'));
  });

  it('the last interviewer thanked counts', () => {
    const history = [sent('thank-you', at('2026-11-17', '17:00'), 'chris.park@acme.example'), sent('thank-you', at('2026-11-23', '12:00'), 'jordan.reyes@acme.example')];
    expect(inquiryAt(interview({ history }))).toBe(at('2026-11-25', '10:00'));
  });

  it('with a decision date: D = Fri 11-20 gives Wed 11-25; a thank-you on Tue 11-24 holds it to Thu 11-26', () => {
    const iv = interview({ decisionExpectedBy: '2026-11-20' });
    expect(inquiryAt(iv)).toBe(at('2026-11-25', '10:00'));
    expect(inquiryAt({ ...iv, history: [sent('thank-you', at('2026-11-24', '16:00'))] })).toBe(at('2026-11-26', '10:00'));
  });

  it('logged eight days late: the thank-you alone, the inquiry two work days after logging', () => {
    const logged = interview({ createdAt: at('2026-11-25', '12:00') });
    expect(inquiryAt(logged)).toBe(at('2026-11-27', '10:00'));
    const now = at('2026-11-25', '12:00');
    expect(dueNow([logged], NY, now).map((d) => d.step.kind)).toEqual(['thank-you']);
    expect(interviewStatus(logged, NY, now)).toMatchObject({ state: 'overdue', next: { kind: 'thank-you' } });
    // Sent the next day: the inquiry moves to two work days after that.
    expect(inquiryAt({ ...logged, history: [sent('thank-you', at('2026-11-26', '09:00'))] })).toBe(at('2026-11-30', '10:00'));
    // Skipped: nothing to wait for; the inquiry is due at once.
    const skippedNow = { ...logged, history: [skipped('thank-you', at('2026-11-25', '12:05'))] };
    expect(inquiryAt(skippedNow)).toBe(at('2026-11-24', '10:00'));
    expect(interviewStatus(skippedNow, NY, at('2026-11-25', '12:06'))).toMatchObject({ state: 'due', next: { kind: 'status-inquiry' } });
  });

  it('logged late in the evening: the hold counts from the next morning the reminder can show', () => {
    expect(inquiryAt(interview({ createdAt: at('2026-11-23', '22:00') }))).toBe(at('2026-11-26', '10:00')); // Tue 08:00 + 2 → Thu
  });

  it('a thank-you reminder snoozed past its 24 hours holds the inquiry from the snoozed time', () => {
    const snoozed = (until: string): Interview =>
      interview({ history: [shown('thank-you', at('2026-11-17', '16:00')), { type: 'snoozed', step: 'thank-you', at: at('2026-11-17', '16:05'), until }] });
    expect(inquiryAt(snoozed(at('2026-11-19', '10:00')))).toBe(at('2026-11-24', '10:00')); // Thu + 2 = Mon
    expect(inquiryAt(snoozed(at('2026-11-23', '10:00')))).toBe(at('2026-11-25', '10:00')); // Mon + 2 = Wed
  });

  it('a thank-you reminder first shown late (the browser was closed) holds the inquiry from then', () => {
    expect(inquiryAt(interview({ history: [shown('thank-you', at('2026-11-19', '08:00'))] }))).toBe(at('2026-11-24', '10:00'));
    expect(inquiryAt(interview({ history: [shown('thank-you', at('2026-11-23', '09:00'))] }))).toBe(at('2026-11-25', '10:00'));
  });

  it('an inquiry already sent is history: a later thank-you does not move it', () => {
    const history = [sent('status-inquiry', at('2026-11-24', '11:00')), sent('thank-you', at('2026-11-25', '09:00'), 'jordan.reyes@acme.example')];
    expect(step(plan(interview({ history })), 'status-inquiry')).toMatchObject({ status: 'done', notifyAt: at('2026-11-24', '10:00') });
  });
});

describe('superseded steps: never offered beside the step that replaced them', () => {
  it('a thank-you still unsent when the inquiry comes gives way to it', () => {
    const iv = interview({ history: [shown('thank-you', at('2026-11-17', '16:00'))] });
    const ty = thankYou(iv);
    expect(ty.supersededAt).toBe(at('2026-11-24', '10:00'));
    expect(isOffered(ty, at('2026-11-24', '09:59'))).toBe(true);
    expect(isOffered(ty, at('2026-11-24', '10:00'))).toBe(false);
    expect(interviewStatus(iv, NY, at('2026-11-23', '12:00'))).toMatchObject({ state: 'overdue', next: { kind: 'thank-you' } });
    expect(interviewStatus(iv, NY, at('2026-11-24', '10:00'))).toMatchObject({ state: 'due', next: { kind: 'status-inquiry' } });
    expect(countDue([iv], NY, at('2026-11-24', '10:00'))).toBe(1);
  });

  it('once the inquiry was shown, the plan itself lists the thank-you as skipped', () => {
    const iv = interview({ history: [sent('thank-you', at('2026-11-17', '17:00'), 'chris.park@acme.example'), shown('status-inquiry', at('2026-11-24', '10:00'))] });
    const ty = thankYou(iv);
    expect(ty).toMatchObject({ status: 'done', supersededAt: at('2026-11-24', '10:00') });
    expect(who(ty)).toEqual([
      ['Chris Park', 'done'],
      ['Jordan Reyes', 'dismissed'],
    ]);
    // The thank-you Jordan gets after all still counts, and the inquiry is asked again two work days on.
    const late = { ...iv, history: [...iv.history, sent('thank-you', at('2026-11-24', '15:00'), 'jordan.reyes@acme.example')] };
    expect(who(thankYou(late))![1]).toEqual(['Jordan Reyes', 'done']);
    const inquiry = step(plan(late), 'status-inquiry');
    expect(inquiry.notifyAt).toBe(at('2026-11-26', '10:00'));
    expect(inquiry.notifiedAt).toBeUndefined();
  });

  it('a superseded thank-you never fires, even after the browser was closed through both', () => {
    const iv = interview();
    expect(dueNow([iv], NY, at('2026-11-25', '09:00')).map((d) => d.step.kind)).toEqual(['status-inquiry']);
    expect(nextDue([iv], NY, at('2026-11-25', '09:00'))?.step.kind).toBe('status-inquiry');
    // Snoozed beyond the inquiry's time, it gives way before it can fire.
    const snoozed = interview({ history: [shown('thank-you', at('2026-11-17', '16:00')), { type: 'snoozed', step: 'thank-you', at: at('2026-11-17', '16:05'), until: at('2026-11-18', '10:00') }] });
    expect(nextDue([snoozed], NY, at('2026-11-17', '17:00'))?.step.kind).toBe('thank-you');
  });

  it('snoozing the inquiry moves the moment the thank-you gives way', () => {
    const iv = interview({ history: [{ type: 'snoozed', step: 'status-inquiry', at: at('2026-11-20', '09:00'), until: at('2026-11-25', '10:00') }] });
    expect(thankYou(iv).supersededAt).toBe(at('2026-11-25', '10:00'));
  });

  it('while paused (they replied without a date) the thank-you stays offered', () => {
    const iv = interview({ history: [{ type: 'reply', at: at('2026-11-18', '09:00') }] });
    expect(thankYou(iv).supersededAt).toBeUndefined();
    expect(interviewStatus(iv, NY, at('2026-12-01', '09:00'))).toMatchObject({ state: 'overdue', next: { kind: 'thank-you' } });
  });

  it('a move-on nudge left unanswered gives way to the final check-in', () => {
    const iv = interview({ history: [sent('thank-you', at('2026-11-17', '17:00')), sent('status-inquiry', at('2026-11-25', '11:00'))] });
    const steps = plan(iv);
    expect(step(steps, 'move-on')).toMatchObject({ notifyAt: at('2026-12-02', '10:00'), supersededAt: at('2026-12-09', '10:00') });
    expect(interviewStatus(iv, NY, at('2026-12-09', '10:00'))).toMatchObject({ next: { kind: 'final-check-in' } });
    const shownFinal = { ...iv, history: [...iv.history, shown('final-check-in', at('2026-12-09', '10:00'))] };
    expect(step(plan(shownFinal), 'move-on').status).toBe('dismissed');
  });
});

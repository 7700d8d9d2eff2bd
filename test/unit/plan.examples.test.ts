// The ten worked examples of docs/followup-rules.md, one test each, with exact instants.
// New York is EST (UTC−5) from 2026-11-01 and EDT (UTC−4) before; Jerusalem is UTC+2 in November.
import { describe, expect, it } from 'vitest';
import { callCard } from '../../src/domain/call-card';
import { planFollowUps } from '../../src/domain/plan';
import type { FollowUpStep, Interview, InterviewEvent, Settings } from '../../src/domain/types';

const NY: Settings = {
  timeZone: 'America/New_York',
  workWeek: [1, 2, 3, 4, 5],
  holidays: [],
  dayStart: '08:00',
  dayEnd: '20:00',
  preferredTime: '10:00',
};

function interview(interviewAt: string, extra: Partial<Interview> = {}): Interview {
  return { id: 'x', company: 'Acme', role: 'Analyst', interviewAt, contacts: [], history: [], ...extra };
}

function only(steps: FollowUpStep[], kind: FollowUpStep['kind']): FollowUpStep {
  const found = steps.filter((s) => s.kind === kind);
  expect(found).toHaveLength(1);
  return found[0]!;
}

describe('worked examples (docs/followup-rules.md)', () => {
  it('#1 Tue 2026-11-17 14:00: thank-you 16:00, due Wed 14:00; inquiry Tue 11-24 10:00; no call', () => {
    const steps = planFollowUps(interview('2026-11-17T19:00:00.000Z'), NY);
    expect(steps).toEqual([
      // A thank-you still unsent when the inquiry comes gives way to it ("Superseded steps").
      {
        kind: 'thank-you',
        notifyAt: '2026-11-17T21:00:00.000Z',
        dueBy: '2026-11-18T19:00:00.000Z',
        status: 'pending',
        callAcceptable: false,
        round: 1,
        supersededAt: '2026-11-24T15:00:00.000Z',
      },
      { kind: 'status-inquiry', notifyAt: '2026-11-24T15:00:00.000Z', status: 'pending', callAcceptable: false, round: 1 },
    ]);
  });

  it('#2 Fri 2026-11-20 10:00: thank-you 12:00, due Sat 10:00; inquiry Wed 11-25 10:00', () => {
    const steps = planFollowUps(interview('2026-11-20T15:00:00.000Z'), NY);
    const ty = only(steps, 'thank-you');
    expect(ty.notifyAt).toBe('2026-11-20T17:00:00.000Z');
    expect(ty.dueBy).toBe('2026-11-21T15:00:00.000Z');
    expect(only(steps, 'status-inquiry').notifyAt).toBe('2026-11-25T15:00:00.000Z');
  });

  it('#3 Mon 2026-11-16 09:00: thank-you 11:00, due Tue 09:00; inquiry Tue 11-24 10:00', () => {
    const steps = planFollowUps(interview('2026-11-16T14:00:00.000Z'), NY);
    const ty = only(steps, 'thank-you');
    expect(ty.notifyAt).toBe('2026-11-16T16:00:00.000Z');
    expect(ty.dueBy).toBe('2026-11-17T14:00:00.000Z');
    expect(only(steps, 'status-inquiry').notifyAt).toBe('2026-11-24T15:00:00.000Z');
  });

  it('#4 Thu 2026-11-19 19:30: thank-you Fri 08:00, due Fri 19:30; inquiry Thu 11-26, or Fri 11-27 with that holiday', () => {
    const iv = interview('2026-11-20T00:30:00.000Z');
    const steps = planFollowUps(iv, NY);
    const ty = only(steps, 'thank-you');
    expect(ty.notifyAt).toBe('2026-11-20T13:00:00.000Z');
    expect(ty.dueBy).toBe('2026-11-21T00:30:00.000Z');
    expect(only(steps, 'status-inquiry').notifyAt).toBe('2026-11-26T15:00:00.000Z');
    const withHoliday = planFollowUps(iv, { ...NY, holidays: ['2026-11-26'] });
    expect(only(withHoliday, 'status-inquiry').notifyAt).toBe('2026-11-27T15:00:00.000Z');
  });

  it('#5 Mon 2026-11-16 09:00, decision by Fri 11-20: thank-you 11:00; inquiry Wed 11-25 10:00; call acceptable', () => {
    const iv = interview('2026-11-16T14:00:00.000Z', { decisionExpectedBy: '2026-11-20' });
    const steps = planFollowUps(iv, NY);
    expect(only(steps, 'thank-you').notifyAt).toBe('2026-11-16T16:00:00.000Z');
    const inquiry = only(steps, 'status-inquiry');
    expect(inquiry.notifyAt).toBe('2026-11-25T15:00:00.000Z');
    expect(inquiry.callAcceptable).toBe(true);
    expect(callCard(iv, NY)).toBeDefined();
  });

  it('#6 Mon 2026-11-16 09:00, decision by Wed 11-25, holidays 11-26 and 11-27: inquiry Wed 12-02 10:00', () => {
    const iv = interview('2026-11-16T14:00:00.000Z', { decisionExpectedBy: '2026-11-25' });
    const steps = planFollowUps(iv, { ...NY, holidays: ['2026-11-26', '2026-11-27'] });
    expect(only(steps, 'status-inquiry').notifyAt).toBe('2026-12-02T15:00:00.000Z');
  });

  it('#7 Mon 2026-11-16 09:00, inquiry sent Wed 11-25, no reply: move on Wed 12-02 10:00, final check-in Wed 12-09 10:00', () => {
    const history: InterviewEvent[] = [{ type: 'sent', step: 'status-inquiry', at: '2026-11-25T16:30:00.000Z' }];
    const steps = planFollowUps(interview('2026-11-16T14:00:00.000Z', { history }), NY);
    expect(only(steps, 'status-inquiry')).toMatchObject({ notifyAt: '2026-11-24T15:00:00.000Z', status: 'done', round: 1 });
    // The move-on nudge gives way to the final check-in once that is due.
    expect(only(steps, 'move-on')).toEqual({
      kind: 'move-on',
      notifyAt: '2026-12-02T15:00:00.000Z',
      status: 'pending',
      callAcceptable: false,
      round: 1,
      supersededAt: '2026-12-09T15:00:00.000Z',
    });
    expect(only(steps, 'final-check-in')).toMatchObject({ notifyAt: '2026-12-09T15:00:00.000Z', status: 'pending', round: 1 });
  });

  it('#8 Tue 2026-11-17 14:00, invited to call: inquiry Tue 11-24 10:00; call acceptable', () => {
    const iv = interview('2026-11-17T19:00:00.000Z', { invitedToCall: true });
    const inquiry = only(planFollowUps(iv, NY), 'status-inquiry');
    expect(inquiry.notifyAt).toBe('2026-11-24T15:00:00.000Z');
    expect(inquiry.callAcceptable).toBe(true);
  });

  it('#9 Fri 2026-10-30 10:00 EDT (14:00Z), DST ends 11-01: inquiry Wed 11-04 10:00 EST (15:00Z)', () => {
    const steps = planFollowUps(interview('2026-10-30T14:00:00.000Z'), NY);
    expect(only(steps, 'thank-you').notifyAt).toBe('2026-10-30T16:00:00.000Z');
    expect(only(steps, 'status-inquiry').notifyAt).toBe('2026-11-04T15:00:00.000Z');
  });

  it('#10 Asia/Jerusalem, Sun–Thu, Thu 2026-11-19 11:00: the 5th work day → Tue 11-24 10:00', () => {
    const jerusalem: Settings = { ...NY, timeZone: 'Asia/Jerusalem', workWeek: [0, 1, 2, 3, 4] };
    const steps = planFollowUps(interview('2026-11-19T09:00:00.000Z'), jerusalem);
    expect(only(steps, 'thank-you').notifyAt).toBe('2026-11-19T11:00:00.000Z');
    expect(only(steps, 'status-inquiry').notifyAt).toBe('2026-11-24T08:00:00.000Z');
  });
});

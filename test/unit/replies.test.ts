// Replies seen in the webmail (issue 15): matching, de-duplication, the "after the interview and
// after our latest sent step" rule, and the plan pausing as a reply without a date does.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultSettings, validateEvent, validateInterview } from '../../src/domain/model';
import { interviewStatus, planFollowUps } from '../../src/domain/plan';
import {
  domainToConfirm,
  judgeReply,
  pendingReply,
  sameMessage,
  senderMatch,
  watchList,
  type ReplyCandidate,
} from '../../src/domain/replies';
import type { Interview, InterviewEvent } from '../../src/domain/types';

const NY = defaultSettings('America/New_York');
// Tue 2026-11-17 14:00 New York, 60 minutes: ends 20:00Z.
const START = '2026-11-17T19:00:00.000Z';
const END_MS = Date.parse('2026-11-17T20:00:00.000Z');
const NOW = Date.parse('2026-11-30T15:00:00.000Z');

function iv(extra: Partial<Interview> = {}): Interview {
  return {
    id: 'iv1',
    company: 'Acme',
    role: 'Analyst',
    interviewAt: START,
    contacts: [
      { name: 'Priya Raman', email: 'Priya@Acme.com' },
      { name: 'Sam Ode', email: 'sam@gmail.com' },
    ],
    history: [],
    ...extra,
  };
}

const reply = (extra: Partial<ReplyCandidate> = {}): ReplyCandidate => ({
  from: 'priya@acme.com',
  receivedAt: '2026-11-24T16:02:37.000Z',
  subject: 'Re: Next steps',
  ...extra,
});

/** Records what judgeReply accepts, as the background does. */
function see(interview: Interview, candidate: ReplyCandidate, now = NOW): Interview {
  const v = judgeReply(interview, candidate, now);
  return v.ok ? { ...interview, history: [...interview.history, v.event] } : interview;
}

describe('matching a sender', () => {
  it('matches a contact by address, whatever the case and spaces', () => {
    expect(senderMatch(iv(), '  PRIYA@acme.COM ')?.contact?.name).toBe('Priya Raman');
    expect(senderMatch(iv(), 'sam@gmail.com')?.contact?.name).toBe('Sam Ode');
  });

  it('does not match anyone else at the company until the domain is confirmed for this interview', () => {
    expect(senderMatch(iv(), 'recruiting@acme.com')).toBeUndefined();
    const confirmed = iv({ history: [{ type: 'replyDomain', at: '2026-11-18T10:00:00Z', domain: 'acme.com' }] });
    expect(senderMatch(confirmed, 'recruiting@acme.com')).toEqual({ byDomain: true });
    // Only that domain, and never a look-alike.
    expect(senderMatch(confirmed, 'x@acme.com.evil.io')).toBeUndefined();
    expect(senderMatch(confirmed, 'x@notacme.com')).toBeUndefined();
  });

  it('offers the company domain to confirm, never a public mail provider, and not twice', () => {
    expect(domainToConfirm(iv())).toBe('acme.com');
    expect(domainToConfirm(iv({ contacts: [{ name: 'Sam', email: 'sam@gmail.com' }] }))).toBeUndefined();
    expect(domainToConfirm(iv({ history: [{ type: 'replyDomain', at: '2026-11-18T10:00:00Z', domain: 'acme.com' }] }))).toBeUndefined();
  });

  it('the watch list holds open interviews\' addresses and confirmed domains only', () => {
    const open = iv({ history: [{ type: 'replyDomain', at: '2026-11-18T10:00:00Z', domain: 'acme.com' }] });
    const closed = iv({ id: 'iv2', contacts: [{ name: 'Lee', email: 'lee@globex.com' }] });
    expect(watchList([open, closed], (x) => x.id === 'iv1')).toEqual({ addresses: ['priya@acme.com', 'sam@gmail.com'], domains: ['acme.com'] });
  });

  it('a domain match is recorded like a contact\'s', () => {
    const confirmed = iv({ history: [{ type: 'replyDomain', at: '2026-11-18T10:00:00Z', domain: 'acme.com' }] });
    const v = judgeReply(confirmed, reply({ from: 'talent@acme.com' }), NOW);
    expect(v.ok && v.byDomain).toBe(true);
  });
});

describe('when a message counts as a reply', () => {
  it('records sender, time, subject and message id only', () => {
    const v = judgeReply(iv(), reply({ messageId: 'msg-f:1' }), NOW);
    expect(v).toEqual({
      ok: true,
      byDomain: false,
      contact: { name: 'Priya Raman', email: 'Priya@Acme.com' },
      event: { type: 'replySeen', at: new Date(NOW).toISOString(), from: 'priya@acme.com', receivedAt: '2026-11-24T16:02:37.000Z', subject: 'Re: Next steps', messageId: 'msg-f:1' },
    });
  });

  it('must be received after the interview ended', () => {
    expect(judgeReply(iv(), reply({ receivedAt: new Date(END_MS - 60_000).toISOString() }), NOW)).toEqual({ ok: false, reason: 'beforeInterview' });
    expect(judgeReply(iv(), reply({ receivedAt: new Date(END_MS).toISOString() }), NOW).ok).toBe(true);
    expect(judgeReply(iv({ durationMinutes: 90 }), reply({ receivedAt: new Date(END_MS).toISOString() }), NOW)).toEqual({ ok: false, reason: 'beforeInterview' });
  });

  it('must be received after our latest sent step', () => {
    const sentThanks = iv({ history: [{ type: 'sent', step: 'thank-you', at: '2026-11-18T14:00:00.000Z' }] });
    expect(judgeReply(sentThanks, reply({ receivedAt: '2026-11-18T13:59:00.000Z' }), NOW)).toEqual({ ok: false, reason: 'beforeSent' });
    expect(judgeReply(sentThanks, reply({ receivedAt: '2026-11-18T14:30:00.000Z' }), NOW).ok).toBe(true);
    const sentInquiry = { ...sentThanks, history: [...sentThanks.history, { type: 'sent', step: 'status-inquiry', at: '2026-11-24T15:00:00.000Z' } as InterviewEvent] };
    expect(judgeReply(sentInquiry, reply({ receivedAt: '2026-11-20T14:30:00.000Z' }), NOW)).toEqual({ ok: false, reason: 'beforeSent' });
  });

  it('is not in the future, and not for an interview an outcome closed', () => {
    expect(judgeReply(iv(), reply({ receivedAt: new Date(NOW + 3_600_000).toISOString() }), NOW)).toEqual({ ok: false, reason: 'future' });
    expect(judgeReply(iv({ history: [{ type: 'outcome', outcome: 'offer', at: '2026-11-20T10:00:00Z' }] }), reply(), NOW)).toEqual({ ok: false, reason: 'closed' });
  });

  it('another sender is no match', () => {
    expect(judgeReply(iv(), reply({ from: 'news@acme.com' }), NOW)).toEqual({ ok: false, reason: 'noMatch' });
  });
});

describe('de-duplication', () => {
  it('a message seen again (same id, or same sender and minute) changes nothing', () => {
    const once = see(iv(), reply({ messageId: 'm1' }));
    expect(once.history).toHaveLength(1);
    expect(judgeReply(once, reply({ messageId: 'm1', receivedAt: '2026-11-24T16:09:00.000Z' }), NOW)).toEqual({ ok: false, reason: 'duplicate' });
    // The list row has no id, and its time has no seconds: the same message by sender and minute.
    expect(judgeReply(once, reply({ receivedAt: '2026-11-24T16:02:00.000Z' }), NOW)).toEqual({ ok: false, reason: 'duplicate' });
    // A later message from the same person is news.
    expect(judgeReply(once, reply({ receivedAt: '2026-11-25T09:00:00.000Z', messageId: 'm2' }), NOW).ok).toBe(true);
  });

  it('property: seeing the same sightings again, in any order and any number of times, records each message once', () => {
    const minute = fc.integer({ min: 0, max: 40 }).map((m) => END_MS + 3_600_000 + m * 60_000);
    const sighting = fc.record({
      sender: fc.constantFrom('priya@acme.com', 'PRIYA@ACME.COM', 'sam@gmail.com'),
      at: minute,
      second: fc.integer({ min: 0, max: 59 }),
      withId: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(sighting, { maxLength: 12 }), fc.integer({ min: 1, max: 3 }), (list, repeat) => {
        const candidates = list.map((s) => {
          const c = reply({ from: s.sender, receivedAt: new Date(s.at + s.second * 1000).toISOString() });
          // The id is a function of the message (sender and minute), as a site's id is.
          if (s.withId) c.messageId = `${s.sender.toLowerCase()}#${s.at}`;
          return c;
        });
        let cur = iv();
        for (let r = 0; r < repeat; r++) for (const c of r % 2 ? [...candidates].reverse() : candidates) cur = see(cur, c);
        const distinct = new Set(list.map((s) => `${s.sender.toLowerCase()}#${s.at}`));
        expect(cur.history).toHaveLength(distinct.size);
        for (const a of cur.history) for (const b of cur.history) if (a !== b) expect(sameMessage(a as ReplyCandidate, b as ReplyCandidate)).toBe(false);
      }),
    );
  });
});

describe('the plan pauses as a reply without a date does', () => {
  const seenAt = '2026-11-24T16:02:37.000Z';
  it('a reply seen dismisses the pending inquiry round and asks the question; the thank-you stays', () => {
    const seen = see(iv(), reply());
    const asReply = iv({ history: [{ type: 'reply', at: new Date(NOW).toISOString() }] });
    const strip = (plan: ReturnType<typeof planFollowUps>) => plan.map((s) => ({ kind: s.kind, status: s.status, round: s.round }));
    expect(strip(planFollowUps(seen, NY))).toEqual(strip(planFollowUps(asReply, NY)));
    expect(planFollowUps(seen, NY).find((s) => s.kind === 'status-inquiry')?.status).toBe('dismissed');
    expect(pendingReply(seen)?.receivedAt).toBe(seenAt);
  });

  it('each answer gives its result', () => {
    const seen = see(iv(), reply({ messageId: 'm1' }));
    const later = (ev: InterviewEvent): Interview => ({ ...seen, history: [...seen.history, ev] });
    const at = new Date(NOW + 60_000).toISOString();
    // A new date: a new round from it, and the question is answered.
    const newDate = later({ type: 'reply', at, newDecisionDate: '2026-12-04' });
    expect(pendingReply(newDate)).toBeUndefined();
    const round2 = planFollowUps(newDate, NY).filter((s) => s.kind === 'status-inquiry' && s.status === 'pending');
    expect(round2.map((s) => [s.round, s.notifyAt])).toEqual([[2, '2026-12-09T15:00:00.000Z']]);
    // An offer or a rejection ends it.
    for (const outcome of ['offer', 'rejected'] as const) {
      const ended = later({ type: 'outcome', at, outcome });
      expect(pendingReply(ended)).toBeUndefined();
      expect(interviewStatus(ended, NY, new Date(NOW)).state).toBe('closed');
    }
    // Just an update: stays paused, nothing pending after the thank-you.
    const update = later({ type: 'reply', at });
    expect(pendingReply(update)).toBeUndefined();
    expect(planFollowUps(update, NY).filter((s) => s.kind !== 'thank-you' && s.status === 'pending')).toEqual([]);
    // Not about this interview: undone (the plan is as before), and never matched again.
    const notOurs = later({ type: 'replyNotOurs', at, from: 'priya@acme.com', receivedAt: seenAt, messageId: 'm1' });
    expect(pendingReply(notOurs)).toBeUndefined();
    expect(planFollowUps(notOurs, NY)).toEqual(planFollowUps(iv(), NY));
    expect(judgeReply(notOurs, reply({ messageId: 'm1' }), NOW)).toEqual({ ok: false, reason: 'notOurs' });
    expect(judgeReply(notOurs, reply({ receivedAt: '2026-11-24T16:02:00.000Z' }), NOW)).toEqual({ ok: false, reason: 'notOurs' });
  });

  it('property: any history with a seen reply plans like the same history with a dateless reply in its place', () => {
    const event = fc.oneof(
      fc.record({ type: fc.constant('sent' as const), step: fc.constantFrom('thank-you' as const, 'status-inquiry' as const, 'move-on' as const), at: fc.integer({ min: 0, max: 30 }).map((d) => new Date(END_MS + d * 86_400_000).toISOString()) }),
      fc.record({ type: fc.constant('seen' as const), at: fc.integer({ min: 0, max: 30 }).map((d) => new Date(END_MS + d * 86_400_000 + 3_600_000).toISOString()) }),
    );
    fc.assert(
      fc.property(fc.array(event, { maxLength: 8 }), (events) => {
        const withSeen: InterviewEvent[] = events.map((e) => (e.type === 'seen' ? { type: 'replySeen', at: e.at, from: 'priya@acme.com', receivedAt: e.at, subject: '' } : e));
        const withReply: InterviewEvent[] = events.map((e) => (e.type === 'seen' ? { type: 'reply', at: e.at } : e));
        expect(planFollowUps(iv({ history: withSeen }), NY)).toEqual(planFollowUps(iv({ history: withReply }), NY));
      }),
    );
  });
});

describe('stored reply events', () => {
  it('validate, keep unknown fields, and reject junk', () => {
    const ok = validateEvent({ type: 'replySeen', at: '2026-11-24T16:02:37Z', from: ' Priya@Acme.com ', receivedAt: '2026-11-24T16:02:37Z', subject: 'Re: x', extra: 1 });
    expect(ok).toEqual({ ok: true, value: { type: 'replySeen', at: '2026-11-24T16:02:37.000Z', from: 'priya@acme.com', receivedAt: '2026-11-24T16:02:37.000Z', subject: 'Re: x', extra: 1 } });
    expect(validateEvent({ type: 'replySeen', at: '2026-11-24T16:02:37Z', from: '', receivedAt: '2026-11-24T16:02:37Z' }).ok).toBe(false);
    expect(validateEvent({ type: 'replyDomain', at: '2026-11-24T16:02:37Z', domain: 'acme.com' }).ok).toBe(true);
    expect(validateEvent({ type: 'replyDomain', at: '2026-11-24T16:02:37Z', domain: 'not a domain' }).ok).toBe(false);
    expect(validateEvent({ type: 'replyNotOurs', at: '2026-11-24T16:02:37Z', from: 'a@b.co', receivedAt: 'soon' }).ok).toBe(false);
    const stored = validateInterview(see(iv(), reply({ messageId: 'm1' })));
    expect(stored.ok).toBe(true);
  });
});

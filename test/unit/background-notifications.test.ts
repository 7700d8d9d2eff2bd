import { describe, expect, it } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import { buildNotification, Notifier, parseReminderId, readShown, reminderId, reminderText, SHOWN_ITEMS_LIMIT, summaryText, whenPhrase } from '../../src/background/notifications';
import type { StorageArea } from '../../src/background/store';
import type { FollowUpStep } from '../../src/domain/types';
import { interview, NY } from './background-fakes';

const at = (iso: string) => Date.parse(iso);
const step = (over: Partial<FollowUpStep>): FollowUpStep => ({ kind: 'thank-you', notifyAt: '2026-11-17T21:00:00.000Z', status: 'pending', callAcceptable: false, round: 1, ...over });
const thankYou = step({ dueBy: '2026-11-18T19:00:00.000Z' });

describe('notification wording', () => {
  it('says what to do, for whom and by when (the issue example)', () => {
    expect(reminderText({ interview: interview(), step: thankYou }, NY, at('2026-11-17T21:00:00Z'))).toEqual({
      title: 'Send a thank-you to Acme',
      message: 'Thank Dana Lee at Acme for the Product Designer interview — best sent by 2:00 PM tomorrow',
    });
  });

  it('words the deadline relative to now in the user zone', () => {
    const due = at('2026-11-18T19:00:00Z'); // Wed 2:00 PM New York
    expect(whenPhrase(due, at('2026-11-18T13:00:00Z'), NY.timeZone)).toBe('2:00 PM today');
    expect(whenPhrase(due, at('2026-11-17T21:00:00Z'), NY.timeZone)).toBe('2:00 PM tomorrow');
    // 11 PM Monday in New York is already Tuesday in UTC: the zone decides "tomorrow".
    expect(whenPhrase(due, at('2026-11-17T04:00:00Z'), NY.timeZone)).toBe('2:00 PM Wednesday');
    expect(whenPhrase(due, at('2026-11-10T15:00:00Z'), NY.timeZone)).toBe('2:00 PM on Nov 18');
    expect(whenPhrase(due, at('2026-11-18T13:00:00Z'), 'Asia/Tokyo')).toBe('4:00 AM tomorrow');
  });

  it('without an interviewer it thanks the team', () => {
    const t = reminderText({ interview: interview({ contacts: [] }), step: thankYou }, NY, at('2026-11-17T21:00:00Z'));
    expect(t.message).toBe('Thank the Acme team for the Product Designer interview — best sent by 2:00 PM tomorrow');
  });

  it('after the 24 hours it still encourages, without a deadline in the past', () => {
    const t = reminderText({ interview: interview(), step: thankYou }, NY, at('2026-11-19T14:00:00Z'));
    expect(t.message).toBe('Thank Dana Lee at Acme for the Product Designer interview — a short note is still worth sending today');
  });

  it('a thank-you names every interviewer still to thank, and only them (issue 11)', () => {
    const two = interview({ contacts: [{ name: 'Chris Park' }, { name: 'Jordan Reyes' }] });
    const progress = (chris: 'pending' | 'done', jordan: 'pending' | 'dismissed') =>
      step({
        dueBy: '2026-11-18T19:00:00.000Z',
        contacts: [
          { key: 'chris park', name: 'Chris Park', status: chris },
          { key: 'jordan reyes', name: 'Jordan Reyes', status: jordan },
        ],
      });
    const now = at('2026-11-17T21:00:00Z');
    expect(reminderText({ interview: two, step: progress('pending', 'pending') }, NY, now).message).toBe(
      'Thank Chris Park and Jordan Reyes at Acme for the Product Designer interview — best sent by 2:00 PM tomorrow',
    );
    expect(reminderText({ interview: two, step: progress('done', 'pending') }, NY, now).message).toBe(
      'Thank Jordan Reyes at Acme for the Product Designer interview — best sent by 2:00 PM tomorrow',
    );
    expect(summaryText([{ interview: two, step: progress('pending', 'pending') }, { interview: interview({ id: 'b' }), step: thankYou }], NY, now).message).toBe(
      '• Thank Chris Park and Jordan Reyes at Acme — by 2:00 PM tomorrow\n• Thank Dana Lee at Acme — by 2:00 PM tomorrow',
    );
  });

  it('status inquiry: a friendly check-in, and mentions a call only when acceptable', () => {
    const s = step({ kind: 'status-inquiry', notifyAt: '2026-11-24T15:00:00.000Z' });
    const plain = reminderText({ interview: interview(), step: s }, NY, at('2026-11-24T15:00:00Z'));
    expect(plain.title).toBe('Check in with Acme');
    expect(plain.message).toBe('Ask Dana Lee at Acme where things stand on the Product Designer role — a short, friendly email is right on time');
    const call = reminderText({ interview: interview(), step: { ...s, callAcceptable: true } }, NY, at('2026-11-24T15:00:00Z'));
    expect(call.message).toMatch(/\(a brief call is fine too\)$/);
  });

  it('move-on is advice, not a verdict', () => {
    const t = reminderText({ interview: interview(), step: step({ kind: 'move-on' }) }, NY, at('2026-12-02T15:00:00Z'));
    expect(t.title).toBe('A thought about Acme');
    expect(t.message).toContain('says nothing about you');
    expect(t.message).toMatch(/may be a good moment/);
    expect(t.message).not.toMatch(/reject|fail|give up|too late|ignored|not interested|lost/i);
  });

  it('final check-in offers one last note', () => {
    const t = reminderText({ interview: interview(), step: step({ kind: 'final-check-in' }) }, NY, at('2026-12-09T15:00:00Z'));
    expect(t.title).toBe('One last check-in with Acme');
    expect(t.message).toContain('One brief, friendly note to Dana Lee at Acme');
  });

  it('summarises several reminders in one notification, at most four lines and a count', () => {
    const now = at('2026-11-18T13:30:00Z');
    const rs = Array.from({ length: 6 }, (_, i) => ({ interview: interview({ id: `i${i}`, company: `Co${i}` }), step: thankYou }));
    const two = summaryText(rs.slice(0, 2), NY, now);
    expect(two).toEqual({ title: '2 follow-ups are due', message: '• Thank Dana Lee at Co0 — by 2:00 PM today\n• Thank Dana Lee at Co1 — by 2:00 PM today' });
    const six = summaryText(rs, NY, now);
    expect(six.title).toBe('6 follow-ups are due');
    expect(six.message.split('\n')).toHaveLength(5);
    expect(six.message.endsWith('and 2 more')).toBe(true);
  });

  it('buttons: Write email / Snooze on Chrome, Got it / Snooze for move-on, none on Firefox or for a summary', () => {
    const now = at('2026-11-17T21:00:00Z');
    expect(buildNotification([{ interview: interview(), step: thankYou }], NY, now, true).buttons).toEqual(['write', 'snooze']);
    expect(buildNotification([{ interview: interview(), step: step({ kind: 'move-on' }) }], NY, now, true).buttons).toEqual(['dismiss', 'snooze']);
    expect(buildNotification([{ interview: interview(), step: thankYou }], NY, now, false).buttons).toEqual([]);
    const summary = buildNotification([{ interview: interview(), step: thankYou }, { interview: interview({ id: 'b' }), step: thankYou }], NY, now, true);
    expect(summary.buttons).toEqual([]);
    expect(summary.items.map((i) => i.actions)).toEqual([['write', 'snooze'], ['write', 'snooze']]);
  });

  it('reminder ids read back, ids with colons included', () => {
    expect(parseReminderId(reminderId('a:b:c', 'status-inquiry', 2))).toEqual({ interviewId: 'a:b:c', step: 'status-inquiry', round: 2 });
    expect(parseReminderId('summary:123')).toBeUndefined();
  });

  it('F13 a summary of thousands keeps a bounded record in storage.session, and is shown even if that record fails', { timeout: 60_000 }, async () => {
    fakeBrowser.reset();
    const now = at('2026-11-18T13:30:00Z');
    const rs = Array.from({ length: 2_000 }, (_, i) => ({ interview: interview({ id: `i${i}`, company: `Co${i}` }), step: thankYou }));
    const created: string[] = [];
    const api = { create: async (id: string) => (created.push(id), id), clear: async () => true };
    const session = fakeBrowser.storage.session as unknown as StorageArea;
    await new Notifier(api, session, { buttons: true, iconUrl: 'icon.png' }).show(rs, NY, now);
    const kept = (await readShown(session)).at(-1)!;
    expect(kept.items).toHaveLength(SHOWN_ITEMS_LIMIT);
    expect(kept.more).toBe(2_000 - SHOWN_ITEMS_LIMIT);
    expect(JSON.stringify(kept).length).toBeLessThan(50_000);

    const broken: StorageArea = { get: () => Promise.resolve({}), set: () => Promise.reject(new Error('QUOTA_BYTES quota exceeded')), remove: () => Promise.resolve() };
    await new Notifier(api, broken, { buttons: true, iconUrl: 'icon.png' }).show(rs, NY, now + 1);
    expect(created).toHaveLength(2);
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import { Store, type StorageArea } from '../../src/background/store';
import { Notifier, readShown, type NotificationsApi } from '../../src/background/notifications';
import { ALARM_NAME, Scheduler, type AlarmsApi } from '../../src/background/scheduler';
import { planFollowUps } from '../../src/domain/plan';
import type { Interview } from '../../src/domain/types';
import { Clock, interview, NY, seed, shownNotifications } from './background-fakes';

const session = () => fakeBrowser.storage.session as unknown as StorageArea;
const alarms: AlarmsApi = {
  create: (name, info) => fakeBrowser.alarms.create(name, info),
  clear: (name) => fakeBrowser.alarms.clear(name),
  getAll: () => fakeBrowser.alarms.getAll(),
};
const THANK_YOU_AT = '2026-11-17T21:00:00.000Z'; // Tue 16:00 New York
const INQUIRY_AT = '2026-11-24T15:00:00.000Z'; // Tue 11-24 10:00 New York

type Created = { id: string; title: string; message: string };

function build(clock: Clock, opts: { failShow?: boolean; buttons?: boolean } = {}) {
  const created: Created[] = [];
  const api: NotificationsApi = {
    async create(id, o) {
      if (opts.failShow) throw new Error('killed before showing');
      created.push({ id, title: o.title, message: o.message });
      return fakeBrowser.notifications.create(id, o as never);
    },
    clear: (id) => fakeBrowser.notifications.clear(id),
  };
  const badge: string[] = [];
  const store = new Store(fakeBrowser.storage.local as unknown as StorageArea, clock.now);
  const notifier = new Notifier(api, session(), { buttons: opts.buttons ?? true, iconUrl: 'icon.png' });
  const scheduler = new Scheduler({ store, alarms, notifier, badge: { setText: (t) => void badge.push(t) }, now: clock.now });
  return { store, scheduler, created, badge };
}

async function seedInterviews(list: Interview[]) {
  const items: Record<string, unknown> = { schemaVersion: 1, settings: NY };
  for (const iv of list) items[`interview:${iv.id}`] = iv;
  await seed(items);
}

const notifiedEvents = (iv: Interview | undefined) => (iv?.history ?? []).filter((e) => e.type === 'notified');

beforeEach(() => {
  fakeBrowser.reset();
});

describe('scheduler: one alarm at the earliest notifyAt', () => {
  it('no interviews → no alarm and an empty badge', async () => {
    const clock = new Clock(Date.parse('2026-11-17T12:00:00Z'));
    const { scheduler, badge } = build(clock);
    const r = await scheduler.reconcile();
    expect(r.armedAt).toBeUndefined();
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
    expect(badge).toEqual(['']);
  });

  it('arms exactly one alarm at the earliest pending notifyAt over all interviews', async () => {
    const clock = new Clock(Date.parse('2026-11-17T12:00:00Z'));
    await seedInterviews([
      interview({ id: 'late', interviewAt: '2026-11-20T15:00:00.000Z' }),
      interview({ id: 'early' }),
      interview({ id: 'later', interviewAt: '2026-11-19T15:00:00.000Z' }),
    ]);
    const { scheduler } = build(clock);
    await scheduler.reconcile();
    const all = await fakeBrowser.alarms.getAll();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ name: ALARM_NAME, scheduledTime: Date.parse(THANK_YOU_AT) });
  });

  it('with 1,000 interviews there is still exactly one alarm, and stray alarms are cleared', async () => {
    const clock = new Clock(Date.parse('2026-11-01T12:00:00Z'));
    const list = Array.from({ length: 1000 }, (_, i) => interview({ id: `iv-${i}`, interviewAt: new Date(Date.parse('2026-11-17T19:00:00.000Z') - i * 600_000).toISOString() }));
    await seedInterviews(list);
    await fakeBrowser.alarms.create('left-over', { when: Date.parse('2026-12-01T00:00:00Z') });
    const { scheduler, store } = build(clock);
    await scheduler.reconcile();
    const all = await fakeBrowser.alarms.getAll();
    expect(all.map((a) => a.name)).toEqual([ALARM_NAME]);
    const earliest = Math.min(...store.interviews().flatMap((iv) => planFollowUps(iv, NY).map((s) => Date.parse(s.notifyAt))));
    expect(all[0]!.scheduledTime).toBe(earliest);
  });

  it('does not rewrite an alarm that is already right', async () => {
    const clock = new Clock(Date.parse('2026-11-17T12:00:00Z'));
    await seedInterviews([interview()]);
    const { scheduler } = build(clock);
    await scheduler.reconcile();
    await scheduler.reconcile();
    expect(scheduler.stats.alarmWrites).toBe(1);
  });
});

describe('scheduler: firing', () => {
  it('fires a due step once: notified is recorded, the notification shown, the alarm moves on', async () => {
    const clock = new Clock(Date.parse('2026-11-17T12:00:00Z'));
    await seedInterviews([interview()]);
    const { scheduler, store, created, badge } = build(clock);
    await scheduler.reconcile();
    expect(created).toHaveLength(0);

    clock.set(THANK_YOU_AT);
    const r = await scheduler.reconcile();
    expect(created).toEqual([
      { id: 'reminder:acme:thank-you:1', title: 'Send a thank-you to Acme', message: 'Thank Dana Lee at Acme for the Product Designer interview — best sent by 2:00 PM tomorrow' },
    ]);
    expect(r.notified.map((d) => d.step.kind)).toEqual(['thank-you']);
    expect(notifiedEvents(store.interview('acme'))).toEqual([{ type: 'notified', step: 'thank-you', at: THANK_YOU_AT, round: 1 }]);
    // Stored, not just in memory.
    const stored = (await fakeBrowser.storage.local.get('interview:acme'))['interview:acme'] as Interview;
    expect(notifiedEvents(stored)).toHaveLength(1);
    expect((await fakeBrowser.alarms.getAll())[0]!.scheduledTime).toBe(Date.parse(INQUIRY_AT));
    expect(badge.at(-1)).toBe('1');

    // The alarm firing again, or any later run, shows nothing more.
    clock.advance(5_000);
    await scheduler.reconcile();
    await scheduler.reconcile();
    expect(created).toHaveLength(1);
  });

  it('records "notified" before showing, and takes it back if showing fails: shown by the next run, once', async () => {
    const clock = new Clock(Date.parse(THANK_YOU_AT) + 1000);
    await seedInterviews([interview()]);
    const failing = build(clock, { failShow: true });
    await failing.scheduler.reconcile();
    expect(failing.created).toHaveLength(0);
    // Not left marked, or it would never be shown (issue 16, F13).
    expect(notifiedEvents(failing.store.interview('acme'))).toHaveLength(0);

    // A new background instance over the same storage shows it, and only once.
    const next = build(clock);
    await next.scheduler.reconcile();
    expect(next.created.map((c) => c.id)).toEqual(['reminder:acme:thank-you:1']);
    expect(notifiedEvents(next.store.interview('acme'))).toHaveLength(1);
    const third = build(clock);
    await third.scheduler.reconcile();
    expect(third.created).toHaveLength(0);
  });

  it('a start after the browser was closed fires a missed step once; two missed → one summary', async () => {
    const clock = new Clock(Date.parse('2026-11-17T12:00:00Z'));
    await seedInterviews([interview(), interview({ id: 'globex', company: 'Globex', role: 'Engineer', contacts: [], interviewAt: '2026-11-17T20:00:00.000Z' })]);
    const first = build(clock);
    await first.scheduler.reconcile();
    // Browser closed; Firefox drops alarms at shutdown.
    await fakeBrowser.alarms.clearAll();

    clock.set('2026-11-18T13:30:00.000Z'); // next morning, both thank-yous now due
    const second = build(clock);
    const r = await second.scheduler.reconcile();
    expect(second.created).toHaveLength(1);
    expect(second.created[0]!.id).toMatch(/^summary:/);
    expect(second.created[0]!.title).toBe('2 follow-ups are due');
    expect(second.created[0]!.message).toBe('• Thank Dana Lee at Acme — by 2:00 PM today\n• Thank Globex — by 3:00 PM today');
    expect(r.notified).toHaveLength(2);
    expect(await fakeBrowser.alarms.getAll()).toHaveLength(1);

    const shown = await readShown(session());
    expect(shown.at(-1)!.items.map((i) => i.interviewId)).toEqual(['acme', 'globex']);

    const third = build(clock);
    await third.scheduler.reconcile();
    expect(third.created).toHaveLength(0);
  });

  it('one missed step at start is its own notification, with buttons on Chrome and none on Firefox', async () => {
    const clock = new Clock(Date.parse('2026-11-18T13:30:00.000Z'));
    await seedInterviews([interview()]);
    const chrome = build(clock, { buttons: true });
    await chrome.scheduler.reconcile();
    expect(shownNotifications()['reminder:acme:thank-you:1']!.buttons).toEqual([{ title: 'Write email' }, { title: 'Snooze' }]);

    fakeBrowser.reset();
    await seedInterviews([interview()]);
    const firefox = build(clock, { buttons: false });
    await firefox.scheduler.reconcile();
    const opts = shownNotifications()['reminder:acme:thank-you:1'] as Record<string, unknown>;
    expect(opts.buttons).toBeUndefined();
    expect(opts.requireInteraction).toBeUndefined();
  });

  it('a snoozed step fires again at the snooze time', async () => {
    const clock = new Clock(Date.parse(THANK_YOU_AT));
    await seedInterviews([interview()]);
    const { scheduler, store, created } = build(clock);
    await scheduler.reconcile();
    expect(created).toHaveLength(1);
    const until = '2026-11-18T00:00:00.000Z'; // 19:00 New York, inside the window
    await store.update('acme', (cur) => ({ ...cur!, history: [...cur!.history, { type: 'snoozed', step: 'thank-you', at: THANK_YOU_AT, until }] }));
    await scheduler.reconcile();
    expect((await fakeBrowser.alarms.getAll())[0]!.scheduledTime).toBe(Date.parse(until));
    clock.set(until);
    await scheduler.reconcile();
    expect(created.map((c) => c.id)).toEqual(['reminder:acme:thank-you:1', 'reminder:acme:thank-you:1']);
  });

  it('coalesces concurrent requests into at most one extra run', async () => {
    const clock = new Clock(Date.parse('2026-11-17T12:00:00Z'));
    await seedInterviews([interview()]);
    const { scheduler } = build(clock);
    await Promise.all(Array.from({ length: 10 }, () => scheduler.reconcile()));
    expect(scheduler.stats.runs).toBe(2);
  });

  it('keeps an alarm already waiting inside Chrome\'s 30 s clamp instead of pushing it back on every edit', async () => {
    const clock = new Clock(Date.parse(THANK_YOU_AT) - 10_000);
    await seedInterviews([interview()]);
    // What a packed Chrome did with `when` 10 s ahead: fire 30 s after creation.
    await fakeBrowser.alarms.create(ALARM_NAME, { when: clock.ms + 30_000 });
    const { scheduler } = build(clock);
    clock.advance(5_000);
    const r = await scheduler.reconcile();
    expect(r.armedAt).toBe(clock.ms + 25_000);
    expect(scheduler.stats.alarmWrites).toBe(0);
    // An alarm later than the clamp allows is replaced.
    await fakeBrowser.alarms.create(ALARM_NAME, { when: clock.ms + 40_000 });
    await scheduler.reconcile();
    expect((await fakeBrowser.alarms.getAll())[0]!.scheduledTime).toBe(Date.parse(THANK_YOU_AT));
  });

  it('never arms in the past: an alarm is at least a second ahead', async () => {
    const clock = new Clock(Date.parse(THANK_YOU_AT) - 200);
    await seedInterviews([interview()]);
    const { scheduler } = build(clock);
    const r = await scheduler.reconcile();
    expect(r.armedAt).toBe(clock.ms + 1000);
  });
});

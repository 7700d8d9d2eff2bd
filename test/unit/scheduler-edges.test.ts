/**
 * The scheduler at the edges (issue 16): start-up that answers at once while a long catch-up
 * runs (F12), notifications that are retried rather than lost and a summary that fits
 * storage.session (F13), and reminders that still reach the user when storage is full (F14).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import { createBackground } from '../../src/background/app';
import { readShown } from '../../src/background/notifications';
import type { StorageArea } from '../../src/background/store';
import type { Interview } from '../../src/domain/types';
import { Clock, fakePlatform, interview, NY, pageSender, QuotaArea, seed, storedBytes } from './background-fakes';

const local = () => fakeBrowser.storage.local as unknown as StorageArea;
const session = () => fakeBrowser.storage.session as unknown as StorageArea;
const PROFILE = { name: 'Alex Morgan', webmail: 'gmail' as const };

type Answer = { ok: boolean; [field: string]: any }; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read any answer field
type Created = { id: string; title: string; message: string };

let clock: Clock;
beforeEach(() => {
  fakeBrowser.reset();
  clock = new Clock(Date.parse('2026-11-17T12:00:00.000Z'));
});

/** A background over the given areas; `failShows` notifications fail before the rest are shown. */
function build(opts: { local?: StorageArea; session?: StorageArea; failShows?: number } = {}) {
  const created: Created[] = [];
  let failures = opts.failShows ?? 0;
  const base = fakePlatform(clock);
  const platform = {
    ...base,
    local: opts.local ?? base.local,
    session: opts.session ?? base.session,
    notifications: {
      async create(id: string, o: { title: string; message: string }) {
        if (failures > 0) {
          failures--;
          throw new Error('the notification service is not available');
        }
        created.push({ id, title: o.title, message: o.message });
        return id;
      },
      clear: async () => true,
    },
  } as unknown as ReturnType<typeof fakePlatform>;
  const bg = createBackground(platform);
  const send = async (message: unknown): Promise<Answer> => (await bg.onMessage(message, pageSender())) as Answer;
  return { bg, send, created };
}

/** `n` interviews whose thank-you fell due while the browser was closed. */
async function seedDue(n: number): Promise<Record<string, unknown>> {
  const items: Record<string, unknown> = { schemaVersion: 1, settings: NY, profile: PROFILE };
  for (let i = 0; i < n; i++) {
    const at = new Date(Date.parse('2026-11-10T15:00:00.000Z') + (i % 500) * 60_000).toISOString();
    items[`interview:iv-${i}`] = interview({ id: `iv-${i}`, company: `Company ${i}`, interviewAt: at, contacts: [{ name: 'Dana Lee', email: `dana${i}@example.com` }], topic: 'the onboarding redesign' });
  }
  await seed(items);
  return items;
}

const stored = async (id: string) => (await fakeBrowser.storage.local.get(`interview:${id}`))[`interview:${id}`] as Interview;
const notifiedCount = (iv: Interview) => iv.history.filter((e) => e.type === 'notified').length;
const totalBytes = (all: Record<string, unknown>) => Object.entries(all).reduce((n, [k, v]) => n + storedBytes(k, v), 0);
/** Lets every queued task run (the background yields between batches with macrotasks). */
const turns = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise((r) => setTimeout(r, 0));
};

/** storage.local whose writes to `gated` keys wait until `open()`. */
class GatedArea implements StorageArea {
  private release!: () => void;
  private readonly released = new Promise<void>((r) => (this.release = r));
  reached = false;
  sets = 0;
  constructor(
    private readonly inner: StorageArea,
    private readonly gated: Set<string>,
  ) {}
  get(keys?: null | string | string[]) {
    return this.inner.get(keys);
  }
  async set(items: Record<string, unknown>) {
    this.sets++;
    if (Object.keys(items).some((k) => this.gated.has(k))) {
      this.reached = true;
      await this.released;
    }
    await this.inner.set(items);
  }
  remove(keys: string | string[]) {
    return this.inner.remove(keys);
  }
  open() {
    this.release();
  }
}

describe('F12: start-up after a long absence', () => {
  it('F12 answers messages at once while 5,000 due steps are marked in the background, in few writes', { timeout: 60_000 }, async () => {
    const seeded = await seedDue(5_000);
    clock.set('2026-11-11T15:00:00.000Z'); // every thank-you is due, none shown
    const gate = new GatedArea(local(), new Set(Object.keys(seeded).filter((k) => k.startsWith('interview:'))));
    const { bg, send, created } = build({ local: gate });
    const started = bg.start();
    for (let i = 0; i < 200 && !gate.reached; i++) await turns(1);
    expect(gate.reached).toBe(true); // the catch-up is writing, and its writes are held

    const answered: string[] = [];
    void send({ type: 'exportBackup' }).then((r) => r.ok && answered.push('export'));
    void send({ type: 'saveInterview', input: { company: 'Globex', role: 'Engineer', interviewAt: '2026-11-12T15:00:00.000Z', contacts: [] } }).then((r) => r.ok && answered.push('save'));
    void send({ type: 'composeContext', recipients: ['dana7@example.com'] }).then((r) => r.ok && answered.push('compose'));
    await turns(20);
    expect(answered.sort()).toEqual(['compose', 'export', 'save']);

    gate.open();
    await started;
    await bg.store.idle();
    for (let i = 0; i < 50 && created.length === 0; i++) await turns(1);
    expect(created).toHaveLength(1);
    expect(created[0]!.title).toBe('5000 follow-ups are due');
    for (const id of ['iv-0', 'iv-2500', 'iv-4999']) expect(notifiedCount(await stored(id))).toBe(1);
    // Batched: far fewer writes than interviews.
    expect(gate.sets).toBeLessThan(60);
    // One small event per due step, nothing else rewritten: storage grows by a fraction, it doesn't double.
    const after = totalBytes(await fakeBrowser.storage.local.get(null));
    expect((after - totalBytes(seeded)) / 5_000).toBeLessThan(90);
    expect(after / totalBytes(seeded)).toBeLessThan(1.5);
  });
});

describe('F13: a failed notification is retried, never lost', () => {
  it('F13 a notification that fails to show is not marked, and the retry shows it once', async () => {
    await seedDue(1);
    clock.set('2026-11-10T17:30:00.000Z');
    const { bg, created } = build({ failShows: 1 });
    const first = await bg.start();
    expect(created).toHaveLength(0);
    expect(notifiedCount(await stored('iv-0'))).toBe(0);
    // Nor is it recorded as shown for the reminder page.
    expect(await readShown(session())).toEqual([]);
    // The retry is armed a minute out.
    expect(first!.armedAt).toBe(clock.ms + 60_000);

    clock.advance(60_000);
    await bg.onAlarm({ name: 'followup-next' });
    expect(created.map((c) => c.id)).toEqual(['reminder:iv-0:thank-you:1']);
    expect(notifiedCount(await stored('iv-0'))).toBe(1);
    await bg.onAlarm({ name: 'followup-next' });
    expect(created).toHaveLength(1);
  });

  it('F13 with thousands due at once the summary fits in storage.session, is shown, and every step is marked', { timeout: 60_000 }, async () => {
    await seedDue(3_000);
    clock.set('2026-11-11T15:00:00.000Z');
    // storage.session is shared with what else the session holds; give it less room than 3,000 full items take.
    const small = await new QuotaArea(session(), 256 * 1024).sync();
    const { bg, created } = build({ session: small });
    await bg.start();
    expect(created).toHaveLength(1);
    expect(created[0]!.title).toBe('3000 follow-ups are due');
    expect(small.bytesInUse).toBeLessThan(256 * 1024);
    for (const id of ['iv-0', 'iv-2999']) expect(notifiedCount(await stored(id))).toBe(1);
  });
});

describe('F14: a due reminder with storage full', () => {
  it('F14 is still shown, once, and recorded when room is made', async () => {
    await seedDue(1);
    await seed({ 'interview:other': interview({ id: 'other', company: 'Other', interviewAt: '2026-12-10T15:00:00.000Z' }) });
    const area = await new QuotaArea(local(), 0).sync();
    area.quota = area.bytesInUse + 10;
    clock.set('2026-11-10T17:30:00.000Z');
    const first = build({ local: area });
    await first.bg.start();
    expect(first.created.map((c) => c.id)).toEqual(['reminder:iv-0:thank-you:1']);
    expect(notifiedCount(await stored('iv-0'))).toBe(0);
    // The retry alarm and later runs don't show it again…
    clock.advance(60_000);
    await first.bg.onAlarm({ name: 'followup-next' });
    expect(first.created).toHaveLength(1);
    // …nor does a new background instance in the same browser session.
    const second = build({ local: area });
    await second.bg.start();
    expect(second.created).toHaveLength(0);
    // The popup is told why.
    expect(((await fakeBrowser.storage.session.get('storageHealth')).storageHealth as { full?: unknown }).full).toBeDefined();

    // Room made: the mark is written at the next run.
    expect(await second.send({ type: 'deleteInterview', id: 'other' })).toMatchObject({ ok: true });
    await second.bg.reconcile();
    expect(notifiedCount(await stored('iv-0'))).toBe(1);
    expect(second.created).toHaveLength(0);
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fakeBrowser } from '@webext-core/fake-browser';
import { Store, StoreError, type StorageArea } from '../../src/background/store';
import { KeyedQueue } from '../../src/background/queue';
import { migrate, SCHEMA_VERSION, storedVersion } from '../../src/background/migrations';
import { parseState } from '../../src/shared/state';
import { Clock, CountingArea, interview, NY, seed } from './background-fakes';

const local = () => fakeBrowser.storage.local as unknown as StorageArea;
const clock = new Clock(Date.parse('2026-11-17T12:00:00.000Z'));

function many(n: number): Record<string, unknown> {
  const items: Record<string, unknown> = { schemaVersion: SCHEMA_VERSION, settings: NY };
  for (let i = 0; i < n; i++) {
    const id = `iv-${i}`;
    items[`interview:${id}`] = interview({ id, company: `Company ${i}`, interviewAt: new Date(Date.parse('2026-11-17T19:00:00.000Z') + i * 3_600_000).toISOString() });
  }
  return items;
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('store: O(1) writes per save', () => {
  async function writesForOneSave(n: number) {
    await seed(many(n));
    const area = new CountingArea(local());
    const store = new Store(area, clock.now);
    await store.open();
    area.reset();
    await store.update('iv-3', (cur) => ({ ...cur!, notes: 'Follow up about the portfolio.' }));
    return { calls: area.sets.length, removes: area.removes.length, keys: area.keysWritten, bytes: area.bytesWritten, loaded: store.interviews().length };
  }

  it('writes one key, with the same bytes, at N = 10 and N = 5,000', async () => {
    const small = await writesForOneSave(10);
    fakeBrowser.reset();
    const large = await writesForOneSave(5_000);
    expect(small.loaded).toBe(10);
    expect(large.loaded).toBe(5_000);
    expect(small).toMatchObject({ calls: 1, removes: 0, keys: 1 });
    expect(large).toMatchObject({ calls: 1, removes: 0, keys: 1 });
    expect(large.bytes).toBe(small.bytes);
    expect(large.bytes).toBeLessThan(1_000);
  });

  it('a new interview and a deletion each touch only their own key', async () => {
    await seed(many(50));
    const area = new CountingArea(local());
    const store = new Store(area, clock.now);
    await store.open();
    area.reset();
    await store.update('new-one', () => interview({ id: 'new-one' }));
    await store.remove('iv-1');
    expect(area.sets.map((s) => Object.keys(s))).toEqual([['interview:new-one']]);
    expect(area.removes).toEqual([['interview:iv-1']]);
  });
});

describe('store: reading and corrupt records', () => {
  it('sets a corrupt record aside under corrupt:<key>, keeps it whole, and loads the rest', async () => {
    const broken = { id: 'bad', company: '', role: 'X', interviewAt: 'yesterday-ish', history: [] };
    await seed({ schemaVersion: 1, 'interview:good': interview({ id: 'good' }), 'interview:bad': broken, 'interview:wrong-key': interview({ id: 'other' }), settings: NY });
    const store = new Store(local(), clock.now);
    const report = await store.open();
    expect(store.interviews().map((i) => i.id)).toEqual(['good']);
    expect(report.setAside.sort()).toEqual(['interview:bad', 'interview:wrong-key']);
    const all = await fakeBrowser.storage.local.get(null);
    expect(all['interview:bad']).toBeUndefined();
    const record = all['corrupt:interview:bad'] as { key: string; reason: string; raw: string };
    expect(record.key).toBe('interview:bad');
    expect(record.reason).toMatch(/Company is missing|interviewAt/);
    expect(JSON.parse(record.raw)).toEqual(broken);
    // The pages see the warning.
    expect(parseState(all).corrupt.map((c) => c.key).sort()).toEqual(['interview:bad', 'interview:wrong-key']);
    expect(store.corrupt()).toHaveLength(2);

    await store.dismissCorrupt('interview:bad');
    expect((await fakeBrowser.storage.local.get(null))['corrupt:interview:bad']).toBeUndefined();
  });

  it('unreadable settings fall back to defaults and are set aside', async () => {
    await seed({ schemaVersion: 1, settings: { timeZone: 'Mars/Olympus', workWeek: [] } });
    const store = new Store(local(), clock.now);
    await store.open();
    expect(store.settings().dayStart).toBe('08:00');
    expect(store.corrupt().map((c) => c.key)).toEqual(['settings']);
  });

  it('refuses an invalid write and changes nothing', async () => {
    await seed({ schemaVersion: 1, 'interview:a': interview({ id: 'a' }) });
    const area = new CountingArea(local());
    const store = new Store(area, clock.now);
    await store.open();
    area.reset();
    await expect(store.update('a', (cur) => ({ ...cur!, company: '   ' }))).rejects.toBeInstanceOf(StoreError);
    expect(area.sets).toHaveLength(0);
    expect(store.interview('a')!.company).toBe('Acme');
  });

  it('a failed load is retried by the next caller', async () => {
    await seed({ schemaVersion: 1, 'interview:a': interview({ id: 'a' }) });
    let fail = true;
    const area: StorageArea = {
      get: (k) => (fail ? Promise.reject(new Error('storage unavailable')) : local().get(k)),
      set: (i) => local().set(i),
      remove: (k) => local().remove(k),
    };
    const store = new Store(area, clock.now);
    await expect(store.open()).rejects.toThrow('storage unavailable');
    fail = false;
    await store.open();
    expect(store.interviews().map((i) => i.id)).toEqual(['a']);
  });

  it('stamps createdAt once and updatedAt on every write', async () => {
    const store = new Store(local(), clock.now);
    await store.open();
    const a = await store.update('x', () => interview({ id: 'x' }));
    clock.advance(60_000);
    const b = await store.update('x', (cur) => ({ ...cur!, notes: 'n' }));
    expect(b!.createdAt).toBe(a!.createdAt);
    expect(Date.parse(b!.updatedAt!) - Date.parse(a!.updatedAt!)).toBe(60_000);
  });
});

describe('store: per-key queue', () => {
  it('200 concurrent edits of one interview keep every one, even when writes land slowly', async () => {
    await seed({ schemaVersion: 1, 'interview:a': interview({ id: 'a' }) });
    const area = new CountingArea(local());
    let i = 0;
    area.delay = () => (i++ % 3) * 2; // uneven write latency
    const store = new Store(area, clock.now);
    await store.open();
    await Promise.all(
      Array.from({ length: 200 }, (_, n) =>
        store.update('a', (cur) => ({ ...cur!, history: [...cur!.history, { type: 'dismissed' as const, step: 'move-on' as const, at: new Date(Date.UTC(2026, 10, 18, 0, 0, n)).toISOString() }] })),
      ),
    );
    const stored = (await fakeBrowser.storage.local.get('interview:a'))['interview:a'] as { history: unknown[] };
    expect(stored.history).toHaveLength(200);
    expect(store.interview('a')!.history).toHaveLength(200);
  });

  it('without the queue the same edits would lose updates (the test can fail)', async () => {
    // The naive read-modify-write the queue prevents, on the same slow storage.
    await seed({ 'interview:a': interview({ id: 'a' }) });
    const area = new CountingArea(local());
    area.delay = () => 1;
    await Promise.all(
      Array.from({ length: 20 }, async (_, n) => {
        const cur = (await area.get('interview:a'))['interview:a'] as { history: unknown[] };
        await area.set({ 'interview:a': { ...cur, history: [...cur.history, n] } });
      }),
    );
    const stored = (await area.get('interview:a'))['interview:a'] as { history: unknown[] };
    expect(stored.history.length).toBeLessThan(20);
  });

  it('runs same-key operations in order, other keys in parallel, exclusive ones alone', async () => {
    const q = new KeyedQueue();
    const log: string[] = [];
    const step = (name: string, ms: number) => async () => {
      log.push(`${name}:start`);
      await new Promise((r) => setTimeout(r, ms));
      log.push(`${name}:end`);
    };
    const a1 = q.run(['a'], step('a1', 20));
    const b1 = q.run(['b'], step('b1', 1));
    const a2 = q.run(['a'], step('a2', 1));
    const x = q.exclusive(step('x', 1));
    const b2 = q.run(['b'], step('b2', 1));
    await Promise.all([a1, b1, a2, x, b2]);
    expect(log.indexOf('b1:end')).toBeLessThan(log.indexOf('a1:end')); // b doesn't wait for a
    expect(log.indexOf('a2:start')).toBeGreaterThan(log.indexOf('a1:end'));
    expect(log.indexOf('x:start')).toBeGreaterThan(log.indexOf('a2:end'));
    expect(log.indexOf('x:start')).toBeGreaterThan(log.indexOf('b1:end'));
    expect(log.indexOf('b2:start')).toBeGreaterThan(log.indexOf('x:end'));
  });

  it('a failing operation does not block the ones after it', async () => {
    const q = new KeyedQueue();
    const bad = q.run(['k'], () => Promise.reject(new Error('boom')));
    const good = q.run(['k'], () => 42);
    await expect(bad).rejects.toThrow('boom');
    await expect(good).resolves.toBe(42);
  });
});

describe('store: migrations', () => {
  const v0 = JSON.parse(readFileSync('test/fixtures/storage-v0.json', 'utf8')) as Record<string, unknown>;

  it('reads the prototype layout as version 0 and an empty store as current', () => {
    expect(storedVersion(v0)).toBe(0);
    expect(storedVersion({})).toBe(SCHEMA_VERSION);
    expect(storedVersion({ schemaVersion: 1, 'interview:a': {} })).toBe(1);
  });

  it('migrates the v0 fixture with nothing lost', async () => {
    await seed(v0);
    const store = new Store(local(), clock.now);
    const report = await store.open();
    expect(report.migratedFrom).toBe(0);
    expect(report.setAside).toEqual([]);
    const all = await fakeBrowser.storage.local.get(null);
    expect(all.schemaVersion).toBe(SCHEMA_VERSION);
    expect(all.interviews).toBeUndefined();
    expect(Object.keys(all).filter((k) => k.startsWith('interview:')).sort()).toEqual(['interview:legacy-3', 'interview:v0-acme', 'interview:v0-globex']);

    const acme = store.interview('v0-acme')!;
    expect(acme).toMatchObject({
      company: 'Acme',
      role: 'Product Designer',
      interviewAt: '2026-11-17T19:00:00.000Z',
      durationMinutes: 45,
      decisionExpectedBy: '2026-11-20',
      hasOtherOffers: true,
      topic: 'the onboarding redesign',
      notes: 'Bring the portfolio PDF next time.',
      createdAt: '2026-11-17T21:00:00.000Z',
      contacts: [
        { name: 'Dana Lee', email: 'dana.lee@acme.example', title: 'Design Lead' },
        { name: 'Sam Ortiz', email: 'sam@acme.example' },
      ],
      history: [{ type: 'sent', step: 'thank-you', at: '2026-11-17T22:10:00.000Z' }],
    });
    const globex = store.interview('v0-globex')!;
    expect(globex.invitedToCall).toBe(true);
    expect(globex.history).toEqual([
      { type: 'sent', step: 'thank-you', at: '2026-11-02T18:00:00.000Z' },
      { type: 'sent', step: 'status-inquiry', at: '2026-11-10T15:05:00.000Z' },
      { type: 'reply', at: '2026-11-11T09:00:00.000Z', newDecisionDate: '2026-11-25' },
    ]);
    // A field the new layout has no place for is kept in the notes.
    expect(globex.notes).toContain('"recruiterPhone":"+1 555 0100"');
    const initech = store.interview('legacy-3')!;
    expect(initech.contacts).toEqual([{ name: 'Bill Lumbergh' }]);
    expect(initech.history).toEqual([{ type: 'outcome', outcome: 'rejected', at: '2026-10-20T12:00:00.000Z' }]);

    expect(store.settings()).toEqual({ timeZone: 'America/New_York', workWeek: [1, 2, 3, 4, 5], holidays: ['2026-11-26'], dayStart: '08:00', dayEnd: '20:00', preferredTime: '10:00' });
    expect(store.profile()).toEqual({ name: 'Alex Morgan', signature: 'Alex Morgan\n555-0199', webmail: 'outlook' });
  });

  it('is idempotent: a migration cut short and run again gives the same data', async () => {
    const full = migrate(v0);
    // Killed after the new keys were written, before the old array was removed.
    const partial = { ...v0, ...full.set };
    delete partial.schemaVersion;
    await seed(partial);
    const store = new Store(local(), clock.now);
    await store.open();
    const after = await fakeBrowser.storage.local.get(null);
    const expected = { ...v0, ...full.set };
    delete expected.interviews;
    expect(after).toEqual(expected);
  });

  it('leaves no old key behind when killed at any step, and stamps the version only when done', async () => {
    const full = migrate(v0);
    const expected = { ...v0, ...full.set };
    delete expected.interviews;
    // Each kill point: after the new keys; after the old keys were removed too.
    const { schemaVersion: _v, ...newKeys } = full.set;
    const cutShort = [{ ...v0, ...newKeys }, Object.fromEntries(Object.entries({ ...v0, ...newKeys }).filter(([k]) => k !== 'interviews'))];
    for (const partial of cutShort) {
      fakeBrowser.reset();
      await seed(partial);
      await new Store(local(), clock.now).open();
      expect(await fakeBrowser.storage.local.get(null)).toEqual(expected);
    }
    // The version is written after the removal.
    fakeBrowser.reset();
    await seed(v0);
    const area = new CountingArea(local());
    const order: string[] = [];
    const set = area.set.bind(area);
    const remove = area.remove.bind(area);
    area.set = async (items) => (order.push(Object.keys(items).includes('schemaVersion') ? 'version' : 'keys'), set(items));
    area.remove = async (keys) => (order.push('remove'), remove(keys));
    await new Store(area, clock.now).open();
    // The records move with the list shortened in the same write (F9), then the list goes, then the settings, the version last.
    expect(order).toEqual(['keys', 'remove', 'keys', 'version']);
  });

  it('leaves data from a newer version alone', async () => {
    await seed({ schemaVersion: SCHEMA_VERSION + 1, 'interview:a': interview({ id: 'a' }) });
    const area = new CountingArea(local());
    const store = new Store(area, clock.now);
    await store.open();
    expect(area.sets).toHaveLength(0);
    expect(store.interviews()).toHaveLength(1);
  });

  it('marks a fresh install with the current version', async () => {
    const store = new Store(local(), clock.now);
    await store.open();
    expect((await fakeBrowser.storage.local.get('schemaVersion')).schemaVersion).toBe(SCHEMA_VERSION);
  });
});

/**
 * Migrations at the edges (issue 16, F8 and F9): ids stay unique across a v0 migration, and a
 * v0 store too big to copy whole migrates in atomic chunks, or stays visible while it waits.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import { createBackground } from '../../src/background/app';
import { migrate, normalizeV0Ids, SCHEMA_VERSION } from '../../src/background/migrations';
import { Store, type StorageArea } from '../../src/background/store';
import { parseState } from '../../src/shared/state';
import { Clock, fakePlatform, pageSender, QuotaArea, seed } from './background-fakes';

const local = () => fakeBrowser.storage.local as unknown as StorageArea;
const clock = new Clock(Date.parse('2026-11-17T12:00:00.000Z'));
/** Chrome's storage.local quota (QUOTA_BYTES). */
const TEN_MB = 10 * 1024 * 1024;

beforeEach(() => {
  fakeBrowser.reset();
});

function v0Record(i: number, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: `v0-${i}`,
    company: `Company ${i}`,
    position: 'Product Designer',
    date: new Date(Date.parse('2026-09-01T15:00:00.000Z') + i * 3_600_000).toISOString(),
    interviewer: { name: 'Dana Lee', email: `dana${i}@example.com` },
    thankYouSentAt: new Date(Date.parse('2026-09-01T18:00:00.000Z') + i * 3_600_000).toISOString(),
    ...over,
  };
}

/** About `bytes` of v0 data: `count` records padded with notes. */
function bigV0(count: number, bytes: number): Record<string, unknown> {
  const pad = Math.max(0, Math.floor(bytes / count) - 200);
  const interviews = Array.from({ length: count }, (_, i) => v0Record(i, { notes: `Notes ${i} `.padEnd(pad, 'x') }));
  return { interviews, settings: { timeZone: 'America/New_York', workDays: [1, 2, 3, 4, 5], dayStart: '08:00', dayEnd: '20:00', inquiryTime: '10:00' } };
}

const interviewKeys = (all: Record<string, unknown>) => Object.keys(all).filter((k) => k.startsWith('interview:'));

describe('F8: ids are unique across a v0 migration', () => {
  const list = [
    v0Record(1, { id: 'dup', company: 'Acme' }),
    v0Record(2, { id: 'dup', company: 'Globex' }),
    v0Record(3, { id: undefined, company: 'Initech' }), // would be given legacy-3
    v0Record(4, { id: 'legacy-3', company: 'Umbrella' }),
    v0Record(5, { id: 'dup-2', company: 'Hooli' }), // the suffix a duplicate would take
  ];

  it('F8 two v0 records with one id, and a generated id that collides, each keep their interview', async () => {
    await seed({ interviews: list });
    const store = new Store(local(), clock.now);
    await store.open();
    expect(store.interviews().map((i) => i.company).sort()).toEqual(['Acme', 'Globex', 'Hooli', 'Initech', 'Umbrella']);
    const all = await fakeBrowser.storage.local.get(null);
    expect(interviewKeys(all)).toHaveLength(5);
    expect(all.interviews).toBeUndefined();
    // The first record keeps its id; the explicit ids keep theirs.
    expect(store.interview('dup')!.company).toBe('Acme');
    expect(store.interview('legacy-3')!.company).toBe('Umbrella');
    expect(store.interview('dup-2')!.company).toBe('Hooli');
  });

  it('F8 normalizeV0Ids is deterministic, so a migration cut short and run again gives the same ids', () => {
    const a = normalizeV0Ids(list);
    const b = normalizeV0Ids(list);
    expect(a).toEqual(b);
    const ids = a.list.map((x) => (x as { id: string }).id);
    expect(new Set(ids).size).toBe(list.length);
    expect(a.changed).toBe(true);
    // Already unique: nothing to rewrite.
    expect(normalizeV0Ids(a.list).changed).toBe(false);
    // The pure migration (what pages read) gives every record its own key too.
    expect(Object.keys(migrate({ interviews: list }).set).filter((k) => k.startsWith('interview:'))).toHaveLength(5);
  });
});

describe('F9: a v0 store too big to copy whole', () => {
  it('F9 a 6 MB v0 store migrates under the 10 MB quota with all 3,000 interviews', { timeout: 60_000 }, async () => {
    await seed(bigV0(3_000, 6 * 1024 * 1024));
    const area = await new QuotaArea(local(), TEN_MB).sync();
    expect(area.bytesInUse).toBeGreaterThan(6 * 1024 * 1024);
    const store = new Store(area, clock.now);
    const report = await store.open();
    expect(report.migratedFrom).toBe(0);
    expect(store.interviews()).toHaveLength(3_000);
    const all = await fakeBrowser.storage.local.get(null);
    expect(interviewKeys(all)).toHaveLength(3_000);
    expect(all.interviews).toBeUndefined();
    expect(all.schemaVersion).toBe(SCHEMA_VERSION);
    expect(area.bytesInUse).toBeLessThanOrEqual(TEN_MB);
  });

  it('F9 with no room at all, nothing is hidden: the store, export and the pages all see every interview', { timeout: 60_000 }, async () => {
    const v0 = bigV0(600, 1200 * 1024);
    await seed({ ...v0, profile: { name: 'Alex Morgan', webmail: 'gmail' } });
    const area = await new QuotaArea(local(), 0).sync();
    area.quota = area.bytesInUse + 16; // not even one record fits
    const platform = { ...fakePlatform(clock), local: area } as unknown as ReturnType<typeof fakePlatform>;
    const bg = createBackground(platform);
    await bg.start();
    expect(bg.store.interviews()).toHaveLength(600);
    const backup = (await bg.onMessage({ type: 'exportBackup' }, pageSender())) as { ok: boolean; backup: { interviews: unknown[] } };
    expect(backup.ok).toBe(true);
    expect(backup.backup.interviews).toHaveLength(600);

    // What the popup reads: the interviews (never the empty state), and why they wait.
    const all = await fakeBrowser.storage.local.get(null);
    const state = parseState(all);
    expect(state.interviews).toHaveLength(600);
    expect(state.health.unmigrated).toEqual({ from: 0, count: 600 });

    // Room made by deleting interviews lets the migration go on, a chunk at a time.
    for (let i = 0; i < 10; i++) expect(await bg.onMessage({ type: 'deleteInterview', id: `v0-${i}` }, pageSender())).toMatchObject({ ok: true });
    await bg.store.idle();
    const after = await fakeBrowser.storage.local.get(null);
    expect(interviewKeys(after).length).toBeGreaterThan(0);
    expect(parseState(after).interviews).toHaveLength(600 - 10);
    expect(bg.store.interviews()).toHaveLength(600 - 10);
    expect(area.bytesInUse).toBeLessThanOrEqual(area.quota);
  });

  it('F9 each chunk is one atomic write: new keys and the shortened old list land together', { timeout: 60_000 }, async () => {
    await seed(bigV0(400, 3 * 1024 * 1024));
    const area = await new QuotaArea(local(), TEN_MB).sync();
    const writes: string[][] = [];
    const set = area.set.bind(area);
    area.set = async (items) => {
      writes.push(Object.keys(items));
      return set(items);
    };
    await new Store(area, clock.now).open();
    const chunks = writes.filter((keys) => keys.some((k) => k.startsWith('interview:')));
    expect(chunks.length).toBeGreaterThan(1);
    for (const keys of chunks) expect(keys).toContain('interviews');
    expect(chunks.flat().filter((k) => k.startsWith('interview:'))).toHaveLength(400);
  });
});

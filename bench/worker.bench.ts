/**
 * The background's start-up with 5,000 stored interviews: from a cold start
 * (read everything, migrate check, validate every record, catch-up, plan every
 * interview) to the one alarm being armed. It runs the real store + scheduler
 * code in Node over an in-memory storage area that copies values like
 * storage.local does (structured clone), not in a browser, so the browser's own
 * storage latency is not included.
 */
import { it } from 'vitest';
import { createBackground, type BackgroundPlatform } from '../src/background/app';
import type { StorageArea } from '../src/background/store';
import { resetCalendarCache } from '../src/domain/calendar';
import { record } from './record';

class MemoryArea implements StorageArea {
  data = new Map<string, unknown>();
  writes = 0;
  keysWritten = 0;
  async get(keys?: null | string | string[]): Promise<Record<string, unknown>> {
    const out: Record<string, unknown> = {};
    const list = keys == null ? [...this.data.keys()] : Array.isArray(keys) ? keys : [keys];
    for (const k of list) if (this.data.has(k)) out[k] = structuredClone(this.data.get(k));
    return out;
  }
  async set(items: Record<string, unknown>): Promise<void> {
    this.writes++;
    for (const [k, v] of Object.entries(items)) {
      this.keysWritten++;
      this.data.set(k, structuredClone(v));
    }
  }
  async remove(keys: string | string[]): Promise<void> {
    for (const k of Array.isArray(keys) ? keys : [keys]) this.data.delete(k);
  }
}

const N = 5_000;
const NOW = Date.parse('2026-11-22T12:00:00.000Z');
const SETTINGS = { timeZone: 'America/New_York', workWeek: [1, 2, 3, 4, 5], holidays: ['2026-11-26', '2026-12-25'], dayStart: '08:00', dayEnd: '20:00', preferredTime: '10:00' };

function seeded(): MemoryArea {
  const area = new MemoryArea();
  area.data.set('schemaVersion', 1);
  area.data.set('settings', SETTINGS);
  area.data.set('profile', { name: 'Alex Morgan', webmail: 'gmail' });
  for (let i = 0; i < N; i++) {
    const at = NOW - 60 * 86_400_000 + i * 3 * 3_600_000; // spread over ~2 years around now
    const history = at < NOW - 86_400_000 ? [{ type: 'sent', step: 'thank-you', at: new Date(at + 7_200_000).toISOString() }] : [];
    area.data.set(`interview:iv-${i}`, {
      id: `iv-${i}`,
      company: `Company ${i}`,
      role: 'Product Designer',
      interviewAt: new Date(at).toISOString(),
      contacts: [{ name: 'Dana Lee', email: `dana${i}@example.com` }],
      decisionExpectedBy: i % 3 === 0 ? new Date(at + 5 * 86_400_000).toISOString().slice(0, 10) : undefined,
      history,
      createdAt: new Date(at).toISOString(),
    });
  }
  // Drop undefined fields as storage would.
  for (const [k, v] of area.data) area.data.set(k, JSON.parse(JSON.stringify(v)));
  return area;
}

function platformOver(local: MemoryArea): BackgroundPlatform {
  let alarm: { name: string; scheduledTime: number } | undefined;
  return {
    local,
    session: new MemoryArea(),
    alarms: {
      create: (name, info) => void (alarm = { name, scheduledTime: info.when }),
      clear: async () => ((alarm = undefined), true),
      getAll: async () => (alarm ? [alarm] : []),
    },
    notifications: { create: async (id) => id, clear: async () => true },
    badge: { setText: () => undefined },
    openTab: async () => undefined,
    runtimeId: 'bench',
    extensionUrl: (p) => `chrome-extension://bench/${p}`,
    buttons: true,
    now: () => NOW,
  };
}

async function medianAsync(fn: () => Promise<void>, runs = 7, warmup = 1): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return Number(times[Math.floor(times.length / 2)]!.toFixed(1));
}

it('measures the worker start-to-armed time with 5,000 interviews', async () => {
  const template = seeded();
  let caughtUp = 0;
  const cold = await medianAsync(async () => {
    const local = new MemoryArea();
    local.data = new Map(template.data);
    resetCalendarCache();
    const bg = createBackground(platformOver(local));
    const r = await bg.start();
    if (!r?.armedAt) throw new Error('not armed');
    caughtUp = r.notified.length;
  });

  // The usual start: everything already notified, nothing to catch up.
  const settled = new MemoryArea();
  settled.data = new Map(template.data);
  await createBackground(platformOver(settled)).start();
  const warm = await medianAsync(async () => {
    const local = new MemoryArea();
    local.data = new Map(settled.data);
    resetCalendarCache();
    const r = await createBackground(platformOver(local)).start();
    if (!r?.armedAt || r.notified.length > 0) throw new Error('unexpected start');
  });

  // Steady state: one edit with 5,000 stored (validate, write one key, re-plan, re-arm).
  const local = new MemoryArea();
  local.data = new Map(template.data);
  const bg = createBackground(platformOver(local));
  await bg.start();
  const sender = { id: 'bench', url: 'chrome-extension://bench/src/popup/index.html' };
  let i = 0;
  let keysPerSave = 0;
  const save = await medianAsync(async () => {
    const before = local.keysWritten;
    const r = (await bg.onMessage({ type: 'recordEvent', id: `iv-${N - 1 - (i++ % 50)}`, event: { type: 'dismissed', step: 'move-on' } }, sender)) as { ok: boolean };
    if (!r.ok) throw new Error('save failed');
    keysPerSave = local.keysWritten - before;
  });
  const rearm = await medianAsync(async () => void (await bg.scheduler.reconcile()));

  // The first start after a long absence: every interview has a step due (issue 16, F12).
  const allDue = new MemoryArea();
  for (const [k, v] of template.data) {
    if (!k.startsWith('interview:')) allDue.data.set(k, v);
    else allDue.data.set(k, { ...(v as object), interviewAt: new Date(NOW - 90 * 86_400_000 + (Number(k.slice(13)) % 500) * 60_000).toISOString(), history: [] });
  }
  const bytesOf = (area: MemoryArea) => [...area.data].reduce((n, [k, v]) => n + k.length + JSON.stringify(v).length, 0);
  const { firstAnswer, catchUp, dueSteps, markWrites, growth } = await (async () => {
    const local = new MemoryArea();
    local.data = new Map(allDue.data);
    const before = bytesOf(local);
    resetCalendarCache();
    const bgAll = createBackground(platformOver(local));
    const t0 = performance.now();
    const started = bgAll.start();
    await bgAll.onMessage({ type: 'exportBackup' }, sender);
    const answered = performance.now() - t0;
    const r = await started;
    return {
      firstAnswer: answered,
      catchUp: performance.now() - t0,
      dueSteps: r?.notified.length ?? 0,
      markWrites: bgAll.scheduler.stats.markWrites,
      growth: bytesOf(local) / before,
    };
  })();

  // One interview with 100,000 events in a backup: compacted ("notified" repeats) or refused.
  const importBg = createBackground(platformOver(new MemoryArea()));
  await importBg.start();
  const events = (type: string) =>
    Array.from({ length: 100_000 }, (_, n) => ({ type, step: 'thank-you', round: 1, at: new Date(NOW - 100_000_000 + n * 1000).toISOString() }));
  const backupWith = (id: string, history: unknown[]) => ({
    format: 'followup-backup',
    version: 1,
    exportedAt: new Date(NOW).toISOString(),
    settings: SETTINGS,
    profile: { name: 'Alex Morgan', webmail: 'gmail' },
    interviews: [{ id, company: 'Acme', role: 'Designer', interviewAt: new Date(NOW - 86_400_000).toISOString(), contacts: [], history }],
  });
  const noisy = backupWith('noisy', events('notified'));
  const flood = backupWith('flood', events('dismissed'));
  const importNoisy = await medianAsync(async () => void (await importBg.onMessage({ type: 'applyImport', backup: noisy }, sender)), 3, 1);
  const importFlood = await medianAsync(async () => void (await importBg.onMessage({ type: 'applyImport', backup: flood }, sender)), 3, 1);
  const editAfter = await medianAsync(async () => void (await importBg.onMessage({ type: 'recordEvent', id: 'noisy', event: { type: 'dismissed', step: 'move-on' } }, sender)), 5, 1);

  record('Background worker (Node, in-memory storage, 5,000 interviews)', [
    { metric: 'start → one alarm armed (read, validate, plan all; nothing due)', value: warm, unit: 'ms', goal: '< 1,000 ms' },
    { metric: `start → armed after a long absence (catch-up: ${caughtUp} steps marked, one summary)`, value: cold, unit: 'ms' },
    { metric: 'one edit → answered, alarm re-armed', value: save, unit: 'ms' },
    { metric: 're-arm alone (plan all, one alarm)', value: rearm, unit: 'ms' },
    { metric: 'storage keys written per edit', value: keysPerSave, unit: 'keys', goal: '1' },
    { metric: `long absence, all 5,000 due: first message answered (catch-up of ${dueSteps} steps runs alongside)`, value: Number(firstAnswer.toFixed(1)), unit: 'ms', goal: 'load time only' },
    { metric: 'long absence, all 5,000 due: start → every step marked, one summary', value: Number(catchUp.toFixed(1)), unit: 'ms' },
    { metric: 'long absence: storage writes for the marks', value: markWrites, unit: 'writes', goal: '≤ 20 (250 interviews each)' },
    { metric: 'long absence: storage after / before the marks (one ~80-byte event per step)', value: Number(growth.toFixed(2)), unit: '×', goal: '< 2 (never doubled)' },
    { metric: 'import of one interview with 100,000 "notified" events (compacted to 1)', value: importNoisy, unit: 'ms' },
    { metric: 'import of one interview with 100,000 other events (refused: 1,000 at most)', value: importFlood, unit: 'ms' },
    { metric: 'one edit of that imported interview', value: editAfter, unit: 'ms' },
  ]);
});

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

  record('Background worker (Node, in-memory storage, 5,000 interviews)', [
    { metric: 'start → one alarm armed (read, validate, plan all; nothing due)', value: warm, unit: 'ms', goal: '< 1,000 ms' },
    { metric: `start → armed after a long absence (catch-up: ${caughtUp} steps marked, one summary)`, value: cold, unit: 'ms' },
    { metric: 'one edit → answered, alarm re-armed', value: save, unit: 'ms' },
    { metric: 're-arm alone (plan all, one alarm)', value: rearm, unit: 'ms' },
    { metric: 'storage keys written per edit', value: keysPerSave, unit: 'keys', goal: '1' },
  ]);
});

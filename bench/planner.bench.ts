// Planning 10,000 interviews and finding the next reminder (goal ≤ 50 ms). Prints and records
// figures; never asserts times. The headline is the median in a running worker; the other rows
// show what a freshly started worker pays (memoised zone conversions empty, code unoptimised).
import { expect, it } from 'vitest';
import { resetCalendarCache } from '../src/domain/calendar';
import { defaultSettings } from '../src/domain/model';
import { countDue, nextDue, planFollowUps } from '../src/domain/plan';
import type { Interview, InterviewEvent, Settings } from '../src/domain/types';
import { medianMs, record } from './record';

const COUNT = 10_000;
const NOW = Date.parse('2026-11-20T15:00:00.000Z');
const DAY = 86_400_000;

/** Deterministic pseudo-random numbers (mulberry32), so every run plans the same interviews. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generate(count: number): Interview[] {
  const rnd = random(42);
  const out: Interview[] = [];
  for (let i = 0; i < count; i++) {
    // Interviews over the 120 days before now and 20 after, on the quarter hour.
    const start = Math.floor((NOW - 120 * DAY + rnd() * 140 * DAY) / 900_000) * 900_000;
    const history: InterviewEvent[] = [];
    const r = rnd();
    if (r > 0.3) history.push({ type: 'sent', step: 'thank-you', at: new Date(start + 3 * 3_600_000).toISOString() });
    if (r > 0.5) history.push({ type: 'sent', step: 'status-inquiry', at: new Date(start + 8 * DAY).toISOString() });
    if (r > 0.8) history.push({ type: 'reply', at: new Date(start + 10 * DAY).toISOString(), newDecisionDate: new Date(start + 14 * DAY).toISOString().slice(0, 10) });
    if (r > 0.95) history.push({ type: 'outcome', at: new Date(start + 20 * DAY).toISOString(), outcome: 'rejected' });
    out.push({
      id: `iv-${i}`,
      company: `Company ${i}`,
      role: 'Engineer',
      interviewAt: new Date(start).toISOString(),
      contacts: [{ name: 'Dana Levi', email: 'dana@example.com' }],
      decisionExpectedBy: rnd() < 0.4 ? new Date(start + Math.floor(rnd() * 10) * DAY).toISOString().slice(0, 10) : undefined,
      invitedToCall: rnd() < 0.1,
      history,
    });
  }
  return out;
}

it('plans 10,000 interviews and finds the next reminder', () => {
  const interviews = generate(COUNT);
  const settings: Settings = { ...defaultSettings('America/New_York'), holidays: ['2026-11-26', '2026-12-25', '2027-01-01'] };
  const now = new Date(NOW);

  // First run in this process: code not yet optimised and no zone conversion memoised.
  resetCalendarCache();
  const t0 = performance.now();
  const coldNext = nextDue(interviews, settings, now);
  const firstRun = Number((performance.now() - t0).toFixed(3));

  const warm = medianMs(() => {
    nextDue(interviews, settings, now);
  });
  // Optimised code, but every zone conversion recomputed through TZDate.
  const cacheCold = medianMs(() => {
    resetCalendarCache();
    nextDue(interviews, settings, now);
  });
  const planAll = medianMs(() => {
    for (const iv of interviews) planFollowUps(iv, settings);
  });
  const badge = medianMs(() => {
    countDue(interviews, settings, now);
  });

  expect(coldNext).toBeDefined(); // the figures mean nothing if nothing was planned
  record('Planner', [
    { metric: 'plan 10,000 interviews + nextDue', value: warm, unit: 'ms', goal: '≤ 50 ms' },
    { metric: 'plan 10,000 interviews + nextDue, zone conversions not memoised yet', value: cacheCold, unit: 'ms', goal: '≤ 50 ms' },
    { metric: 'plan 10,000 interviews + nextDue, first run in a fresh process (unoptimised code)', value: firstRun, unit: 'ms' },
    { metric: 'planFollowUps × 10,000 (ISO steps for each)', value: planAll, unit: 'ms' },
    { metric: 'countDue over 10,000 (toolbar badge)', value: badge, unit: 'ms' },
  ]);
});

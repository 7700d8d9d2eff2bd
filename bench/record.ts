/**
 * Benchmarks call `record(section, rows)`; `npm run bench` (scripts/bench.mjs)
 * gathers every section into BENCHMARKS.md. Figures are printed too.
 */
import { mkdirSync, writeFileSync } from 'node:fs';

export type BenchRow = { metric: string; value: number; unit: string; goal?: string };

export function record(section: string, rows: BenchRow[]): void {
  mkdirSync('artifacts/bench', { recursive: true });
  const file = `artifacts/bench/${section.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.json`;
  writeFileSync(file, JSON.stringify({ section, rows }, null, 2));
  for (const r of rows) console.log(`[bench] ${section}: ${r.metric} = ${r.value} ${r.unit}${r.goal ? ` (goal ${r.goal})` : ''}`);
}

/** Median of `runs` timings of `fn`, in milliseconds, after `warmup` untimed runs. */
export function medianMs(fn: () => void, runs = 15, warmup = 3): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return Number(times[Math.floor(times.length / 2)]!.toFixed(3));
}

/**
 * The pressing-words check (issue 4): throughput, one check of a 2,000-character email, bundle size
 * of tone.ts + tone-rules.ts, and the corpus scores. Figures are recorded, never asserted.
 */
import { it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { medianMs, record, type BenchRow } from './record';
import { checkTone } from '../src/domain/tone';
import { draftEmail } from '../src/domain/drafts';
import { CORPUS } from '../test/fixtures/tone-corpus';
import type { Interview } from '../src/domain/types';

const interview: Interview = {
  id: 'b',
  company: 'Acme Corp',
  role: 'Data Analyst',
  interviewAt: '2026-11-17T19:00:00.000Z',
  contacts: [{ name: 'Jane Smith', email: 'jane@acme.example' }],
  decisionExpectedBy: '2026-11-20',
  hasOtherOffers: true,
  topic: 'the forecasting pipeline',
  history: [],
};

/** A realistic email of exactly 2,000 characters: a drafted inquiry, the user's edits, a quoted reply. */
function email2000(): string {
  const draft = draftEmail('status-inquiry', interview, { name: 'Sam Lee' }, { now: '2026-11-25T15:00:00Z', timeZone: 'America/New_York' });
  const edits = CORPUS.filter((_, i) => i % 7 === 0).map((e) => e.text).join(' ');
  const quoted = '\n\nOn Tue, Nov 17, 2026 at 2:00 PM Jane Smith <jane@acme.example> wrote:\n> Thanks for coming in today!\n> We will be in touch.';
  const body = `${draft.body}\n\n${edits}`;
  return (body.slice(0, 2000 - quoted.length) + quoted).padEnd(2000, ' ');
}

/** About 1 MB of mixed text: every corpus sentence, drafts, quotes, shouting, plain prose. */
function mixed(bytes: number): string {
  const parts: string[] = [];
  let n = 0;
  for (let i = 0; n < bytes; i++) {
    const c = CORPUS[i % CORPUS.length]!.text;
    const extra = i % 11 === 0 ? '\n> quoted line from an earlier message\n' : i % 13 === 0 ? ' PLEASE READ THIS NOW!! ' : ' ';
    parts.push(c + extra);
    n += c.length + extra.length;
  }
  return parts.join('');
}

async function gzipOf(entrySource: string): Promise<{ raw: number; gzip: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'tone-size-'));
  try {
    const entry = join(dir, 'entry.ts');
    writeFileSync(entry, entrySource.replaceAll('@tone', resolve('src/domain/tone.ts')));
    await build({
      configFile: false,
      logLevel: 'silent',
      publicDir: false,
      root: dir,
      build: {
        outDir: join(dir, 'out'),
        emptyOutDir: true,
        target: 'chrome120',
        minify: true,
        rolldownOptions: { output: { minify: true } },
        lib: { entry, formats: ['es'], fileName: 'tone' },
      },
    });
    const js = readdirSync(join(dir, 'out')).filter((f) => /\.m?js$/.test(f));
    const code = Buffer.concat(js.map((f) => readFileSync(join(dir, 'out', f))));
    return { raw: code.length, gzip: gzipSync(code, { level: 9 }).length };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

it('measures the pressing-words check', async () => {
  const rows: BenchRow[] = [];

  const big = mixed(1_000_000);
  checkTone(big); // warm up
  const ms = medianMs(() => checkTone(big), 7, 2);
  rows.push({ metric: 'throughput on ~1 MB of mixed text', value: Number((big.length / 1e6 / (ms / 1000)).toFixed(1)), unit: 'MB/s' });

  const mail = email2000();
  const batch = 200;
  const per = medianMs(() => {
    for (let i = 0; i < batch; i++) checkTone(mail);
  }, 15, 3) / batch;
  rows.push({ metric: 'one check of a 2,000-character email', value: Number(per.toFixed(4)), unit: 'ms', goal: 'well under 1 ms' });

  // Worst case we know of: long near-misses of the gap token ("you told me i should …" repeated).
  const trap = 'you told me i should '.repeat(50_000);
  const trapMs = medianMs(() => checkTone(trap), 5, 1);
  rows.push({ metric: 'throughput on an adversarial near-miss text (~1 MB)', value: Number((trap.length / 1e6 / (trapMs / 1000)).toFixed(2)), unit: 'MB/s' });

  const full = await gzipOf("export { checkTone, applySuggestion, quotedRanges } from '@tone';");
  const engine = await gzipOf("export { toneChecker, applySuggestion, quotedRanges } from '@tone';");
  rows.push({ metric: 'tone.ts + tone-rules.ts bundled (checkTone), minified', value: full.gzip, unit: `B gzip (${full.raw} B raw)`, goal: '≤ 4 KB target' });
  rows.push({ metric: 'engine only (toneChecker, rules passed as data), minified', value: engine.gzip, unit: `B gzip (${engine.raw} B raw)` });

  // Corpus scores (the unit test asserts them; recorded here for BENCHMARKS.md).
  for (const set of ['all', 'blind4'] as const) {
    const entries = set === 'all' ? CORPUS : CORPUS.filter((e) => e.set === set);
    let tp = 0;
    let fn = 0;
    let fp = 0;
    let tn = 0;
    for (const e of entries) {
      const hit = checkTone(e.text).length > 0;
      if (e.label === 'calm') {
        if (hit) fp++;
        else tn++;
      } else if (hit) tp++;
      else fn++;
    }
    const label = set === 'all' ? `corpus (${entries.length} sentences)` : `blind set 4 (${entries.length}, never used for tuning)`;
    rows.push({ metric: `${label}: recall`, value: Number((tp / (tp + fn)).toFixed(3)), unit: `(${tp}/${tp + fn})`, goal: set === 'all' ? '≥ 0.9' : undefined });
    rows.push({ metric: `${label}: precision`, value: Number((tp / Math.max(1, tp + fp)).toFixed(3)), unit: `(${tp}/${tp + fp})` });
    rows.push({ metric: `${label}: false-alarm rate`, value: Number((fp / (fp + tn)).toFixed(3)), unit: `(${fp}/${fp + tn})`, goal: set === 'all' ? '≤ 0.05' : undefined });
  }
  record('Pressing-words check', rows);
});

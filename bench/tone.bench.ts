/**
 * The pressing-words check (issues 4 and 13): scores by kind on the dev split and, when the lead has
 * added it, on the ninth author's blind set (test/fixtures/tone/blind6.jsonl); the time of a check
 * of a 2,000-character email (phrase rules alone, and with the sentence layer, cold and warm); sizes
 * of the engine, the model and the NLP library. Figures are recorded, never asserted.
 *
 * A pressing sentence counts as caught when the check reports any finding in it; a calm one as a
 * false alarm when it reports any.
 */
import { it } from 'vitest';
import { cpus, loadavg, tmpdir } from 'node:os';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { medianMs, record, type BenchRow } from './record';
import { checkPhrases, checkTone } from '../src/domain/tone';
import { blindSet, type Example } from '../test/fixtures/tone/corpus';
import { dedupe } from '../scripts/train-tone';
import { corpus, email2000 } from './tone-texts';

/** About 1 MB of mixed text: corpus sentences, quotes, shouting, plain prose. */
function mixed(bytes: number): string {
  const parts: string[] = [];
  let n = 0;
  for (let i = 0; n < bytes; i++) {
    const c = corpus[i % corpus.length]!.text;
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

type Tally = { n: number; hit: number };
const ratio = (t: Tally) => (t.n ? t.hit / t.n : 0);
const fmt = (t: Tally) => `(${t.hit}/${t.n})`;

/** Recall by kind, overall recall and the false-alarm rate of `check` on `examples`. */
function score(examples: readonly Example[], check: (text: string) => unknown[]): { kinds: Map<string, Tally>; recall: Tally; falseAlarms: Tally } {
  const kinds = new Map<string, Tally>();
  const recall = { n: 0, hit: 0 };
  const falseAlarms = { n: 0, hit: 0 };
  for (const e of examples) {
    const hit = check(e.text).length > 0;
    const t = e.kind === 'calm' ? falseAlarms : recall;
    t.n++;
    if (hit) t.hit++;
    if (e.kind === 'calm') continue;
    const k = kinds.get(e.kind) ?? { n: 0, hit: 0 };
    k.n++;
    if (hit) k.hit++;
    kinds.set(e.kind, k);
  }
  return { kinds, recall, falseAlarms };
}

function scoreRows(name: string, examples: readonly Example[], goals: boolean): BenchRow[] {
  const both = score(examples, (t) => checkTone(t));
  const phrases = score(examples, (t) => checkPhrases(t));
  const rows: BenchRow[] = [
    { metric: `${name}: recall, both layers`, value: Number(ratio(both.recall).toFixed(3)), unit: fmt(both.recall), goal: goals ? '≥ 0.85' : undefined },
    { metric: `${name}: false-alarm rate, both layers`, value: Number(ratio(both.falseAlarms).toFixed(3)), unit: fmt(both.falseAlarms), goal: goals ? '≤ 0.05' : undefined },
    { metric: `${name}: recall, phrase rules alone (before issue 13)`, value: Number(ratio(phrases.recall).toFixed(3)), unit: fmt(phrases.recall) },
    { metric: `${name}: false-alarm rate, phrase rules alone`, value: Number(ratio(phrases.falseAlarms).toFixed(3)), unit: fmt(phrases.falseAlarms) },
  ];
  for (const [kind, t] of [...both.kinds].sort(([a], [b]) => (a < b ? -1 : 1)))
    rows.push({ metric: `${name}: recall of ${kind} (phrase rules alone ${ratio(phrases.kinds.get(kind)!).toFixed(2)})`, value: Number(ratio(t).toFixed(3)), unit: fmt(t) });
  return rows;
}

it('scores the check by kind: dev split, and the blind set when present', () => {
  const dev = dedupe(corpus.filter((e) => e.split === 'dev' && e.source !== 'drafts'));
  const sources = [...new Set(dev.map((e) => e.source))].sort();
  const rows: BenchRow[] = [{ metric: `dev split: 1 in 5 sentences of each source (${sources.join(', ')}) and all of blind4; the drafts are counted below`, value: dev.length, unit: 'sentences' }];
  rows.push(...scoreRows('dev', dev, false));
  for (const source of sources) {
    const part = dev.filter((e) => e.source === source);
    const s = score(part, (t) => checkTone(t));
    rows.push({ metric: `dev split, ${source} only: recall / false alarms`, value: Number(ratio(s.recall).toFixed(3)), unit: `${fmt(s.recall)} / ${ratio(s.falseAlarms).toFixed(3)} ${fmt(s.falseAlarms)}` });
  }
  const drafts = corpus.filter((e) => e.source === 'drafts');
  rows.push({ metric: 'the product’s own wording (drafts, call scripts, suggestions) flagged', value: drafts.filter((e) => checkTone(e.text).length > 0).length, unit: `of ${drafts.length} sentences`, goal: '0' });
  record('Pressing words: dev split by kind', rows);

  const blind = blindSet();
  record(
    'Pressing words: blind set 6 by kind',
    blind
      ? [{ metric: 'blind6: a ninth author, written before any training on the new data, never used for training or tuning', value: blind.length, unit: 'sentences' }, ...scoreRows('blind6', blind, true)]
      : [{ metric: 'test/fixtures/tone/blind6.jsonl is not in the repository yet', value: 0, unit: 'sentences' }],
  );
});

it('measures the check’s speed and size', async () => {
  // Other work on the machine slows every figure here; the load says how much there was.
  const rows: BenchRow[] = [{ metric: 'machine load average (1 min) when this ran, on this many cores', value: Number(loadavg()[0]!.toFixed(2)), unit: `(${cpus().length} cores)` }];

  // The phrase rules alone (what the content script runs today).
  const big = mixed(1_000_000);
  checkPhrases(big);
  const ms = medianMs(() => checkPhrases(big), 7, 2);
  rows.push({ metric: 'phrase rules alone: throughput on ~1 MB of mixed text', value: Number((big.length / 1e6 / (ms / 1000)).toFixed(1)), unit: 'MB/s' });
  const mail = email2000();
  const batch = 200;
  const per = medianMs(() => {
    for (let i = 0; i < batch; i++) checkPhrases(mail);
  }, 15, 3) / batch;
  rows.push({ metric: 'phrase rules alone: one check of a 2,000-character email', value: Number(per.toFixed(4)), unit: 'ms' });

  // Both layers. Cold: every email is new (no sentence seen before), as when a draft is pasted.
  // Warm: the same email again, as when one sentence changes between two keystrokes.
  const emails = Array.from({ length: 41 }, (_, i) => email2000(i, 11));
  checkTone(emails[40]!); // builds the model once
  const cold: number[] = [];
  for (const e of emails.slice(0, 40)) {
    const t0 = performance.now();
    checkTone(e);
    cold.push(performance.now() - t0);
  }
  cold.sort((a, b) => a - b);
  rows.push({ metric: 'both layers: one check of a new 2,000-character email (median of 40 different emails)', value: Number(cold[20]!.toFixed(2)), unit: 'ms', goal: '≤ 10 ms' });
  rows.push({ metric: 'both layers: the same, slowest of 40', value: Number(cold[39]!.toFixed(2)), unit: 'ms' });
  const edited = email2000(3, 11);
  checkTone(edited);
  rows.push({ metric: 'both layers: a 2,000-character email again after an edit (sentences cached)', value: medianMs(() => checkTone(edited.replace('Acme', 'Acme ')), 31, 3), unit: 'ms' });

  const full = await gzipOf("export { checkTone, applySuggestion, quotedRanges } from '@tone';");
  const engine = await gzipOf("export { toneChecker, applySuggestion, quotedRanges } from '@tone';");
  rows.push({ metric: 'checkTone bundled (phrase rules, wink-nlp and its model, classifier), minified', value: full.gzip, unit: `B gzip (${full.raw} B raw)` });
  rows.push({ metric: 'phrase engine only (toneChecker, rules passed as data), minified', value: engine.gzip, unit: `B gzip (${engine.raw} B raw)` });
  const model = readFileSync('src/domain/nlp/tone-model.json');
  rows.push({ metric: 'classifier model (src/domain/nlp/tone-model.json)', value: model.length, unit: `B (${gzipSync(model, { level: 9 }).length} B gzip)`, goal: '≤ 300 KB' });
  const dir = (p: string): number => (statSync(p).isDirectory() ? readdirSync(p).reduce((n, f) => n + dir(join(p, f)), 0) : statSync(p).size);
  rows.push({ metric: 'wink-nlp + wink-eng-lite-web-model in node_modules', value: dir('node_modules/wink-nlp') + dir('node_modules/wink-eng-lite-web-model'), unit: 'B' });
  record('Pressing words: speed and size', rows);
});

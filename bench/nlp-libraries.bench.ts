/**
 * Which NLP library for the sentence-level tone layer (issue 13): compromise (a devDependency, for
 * this measurement only) against wink-nlp with wink-eng-lite-web-model (the one shipped). For each:
 * the minified bundle, the time a fresh process takes to load it and to tag a first email, and the
 * time to tag a 2,000-character email once loaded. Each runs in its own Node process, so one
 * library's warm caches never help the other.
 */
import { it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { record, type BenchRow } from './record';
import { email2000 } from './tone-texts';

type Candidate = {
  name: string;
  /** Module source: sets globalThis.__init (returns the tagger) and globalThis.__tag(tagger, text). */
  entry: string;
  features: string;
};

const CANDIDATES: Candidate[] = [
  {
    name: 'compromise 14.17.0',
    entry: `import nlp from 'compromise';
globalThis.__init = () => nlp;
globalThis.__tag = (n, text) => n(text).json({ terms: { tags: true, offset: true } });`,
    features: 'sentences, terms with offsets, tags (Imperative, Negative, Pronoun, PastTense…), match patterns over tags, verb conjugation; dates and durations need the compromise-dates plugin',
  },
  {
    name: 'wink-nlp 2.4.0 + wink-eng-lite-web-model 1.8.1',
    entry: `import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
globalThis.__init = () => winkNLP(model, ['sbd', 'negation', 'pos']);
globalThis.__tag = (n, text) => { const t = n.readDoc(text).tokens(); return [t.out(n.its.pos), t.out(n.its.lemma), t.out(n.its.negationFlag)]; };`,
    features: 'sentences, tokens (offsets by search), universal POS tags, lemmas, negation scope; with the ner pipe: DATE, DURATION, CARDINAL… entities; sentiment',
  },
];

const CHILD = `
const t0 = performance.now();
await import(process.argv[2]);
const t1 = performance.now();
const tagger = globalThis.__init();
const t2 = performance.now();
const texts = JSON.parse((await import('node:fs')).readFileSync(process.argv[3], 'utf8'));
globalThis.__tag(tagger, texts[0]);
const t3 = performance.now();
const times = [];
for (const text of texts.slice(1)) { const a = performance.now(); globalThis.__tag(tagger, text); times.push(performance.now() - a); }
times.sort((a, b) => a - b);
console.log(JSON.stringify({ load: t1 - t0, init: t2 - t1, first: t3 - t2, median: times[times.length >> 1] }));
`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

it('compares the NLP libraries', async () => {
  // Inside node_modules so the entry resolves the libraries; removed afterwards.
  mkdirSync('node_modules/.cache', { recursive: true });
  const dir = mkdtempSync(join(process.cwd(), 'node_modules/.cache/nlp-libs-'));
  try {
    const texts = Array.from({ length: 31 }, (_, i) => email2000(200 + i, 11));
    writeFileSync(join(dir, 'texts.json'), JSON.stringify(texts));
    writeFileSync(join(dir, 'child.mjs'), CHILD);
    const rows: BenchRow[] = [];
    for (const c of CANDIDATES) {
      const entry = join(dir, 'entry.mjs');
      writeFileSync(entry, c.entry);
      await build({
        configFile: false,
        logLevel: 'silent',
        publicDir: false,
        root: process.cwd(),
        build: { outDir: join(dir, 'out'), emptyOutDir: true, target: 'chrome120', minify: true, lib: { entry, formats: ['es'], fileName: 'lib' } },
      });
      const bundle = join(dir, 'out', 'lib.js');
      const code = readFileSync(bundle);
      const runs = Array.from({ length: 5 }, () => JSON.parse(execFileSync(process.execPath, [join(dir, 'child.mjs'), bundle, join(dir, 'texts.json')], { encoding: 'utf8' })) as Record<'load' | 'init' | 'first' | 'median', number>);
      const m = (k: 'load' | 'init' | 'first' | 'median') => Number(median(runs.map((r) => r[k])).toFixed(1));
      rows.push({ metric: `${c.name}: bundle, minified`, value: gzipSync(code, { level: 9 }).length, unit: `B gzip (${code.length} B raw)` });
      rows.push({ metric: `${c.name}: fresh process → loaded / tagger built / first email tagged (medians of 5)`, value: m('load'), unit: `ms / ${m('init')} ms / ${m('first')} ms` });
      rows.push({ metric: `${c.name}: tagging a 2,000-character email once loaded (median of 30 emails, median of 5 processes)`, value: m('median'), unit: 'ms', goal: '≤ 10 ms for the whole check' });
      rows.push({ metric: `${c.name}: what it gives: ${c.features}`, value: 0, unit: '' });
    }
    rows.push({ metric: 'chosen: wink-nlp (meets the 10 ms check budget; compromise’s tagger alone takes several times that)', value: 0, unit: '' });
    record('Sentence analysis library: compromise vs wink-nlp', rows);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

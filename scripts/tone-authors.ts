/**
 * How the tone classifier generalises to an author it has never read (issue 13):
 * `npm run train:tone -- scripts/tone-authors.ts`.
 *
 * For each author of the training corpus (one JSON Lines file, or the repo's own corpus), a model
 * is trained on every other source and scored on that author's sentences, at the threshold that
 * gives a false-alarm rate of FA_TARGET on that author's calm sentences (so configurations are
 * compared at one operating point). This is the view of a blind set the corpus gives without
 * spending one; the blind set itself is never read here.
 *
 * TONE_OPTIONS='{"epochs":20}' overrides training options for a comparison; SHOW_MISSES=sarcasm
 * prints the sentences of that kind it missed.
 */
import { classifier } from '../src/domain/nlp/classifier';
import { toneCorpus } from '../test/fixtures/tone/corpus';
import { chooseThreshold, dedupe, score, train, type TrainOptions } from './train-tone';

const FA_TARGET = 0.035;

export function main(): void {
  const options = JSON.parse(process.env.TONE_OPTIONS ?? '{}') as Partial<TrainOptions>;
  const all = dedupe(toneCorpus().filter((e) => e.split !== 'blind'));
  const authors = [...new Set(all.map((e) => e.source))].filter((s) => s !== 'drafts').sort();
  const byKind = new Map<string, { n: number; hit: number }>();
  let n = 0;
  let hit = 0;
  for (const author of authors) {
    const held = all.filter((e) => e.source === author);
    // folds: 1 — the threshold is set on the held-out author below, the same way for every option.
    const c = classifier(train(all.filter((e) => e.source !== author), { ...options, folds: 1 }));
    const scored = held.map((e) => ({ e, s: score(e.text, c) }));
    const t = chooseThreshold(scored.filter((x) => x.e.label === 'calm').map((x) => x.s), FA_TARGET);
    let an = 0;
    let ah = 0;
    for (const { e, s } of scored) {
      if (e.label === 'calm') continue;
      const caught = s.phrase || s.calm < t;
      if (!caught && process.env.SHOW_MISSES === e.kind) console.log(`  missed (${s.calm.toFixed(3)}): ${e.text}`);
      an++;
      if (caught) ah++;
      const k = byKind.get(e.kind) ?? { n: 0, hit: 0 };
      k.n++;
      if (caught) k.hit++;
      byKind.set(e.kind, k);
    }
    n += an;
    hit += ah;
    console.log(`${author.padEnd(10)} recall ${(ah / an).toFixed(3)} (${ah}/${an}) at false alarms ${FA_TARGET}`);
  }
  for (const [k, r] of [...byKind].sort()) console.log(`  ${k.padEnd(20)} ${(r.hit / r.n).toFixed(3)} (${r.hit}/${r.n})`);
  console.log(`all authors: recall ${(hit / n).toFixed(3)} (${hit}/${n}); options ${JSON.stringify(options)}`);
}

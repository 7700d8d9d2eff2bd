/**
 * Precision, recall and false-alarm rate of the pressing-words check on the labelled corpus
 * (test/fixtures/tone-corpus.ts). A pushy sentence counts as caught when the check reports any
 * finding in it; a calm one as a false alarm when it reports any.
 */
import { describe, expect, it } from 'vitest';
import { checkTone } from '../../src/domain/tone';
import { CORPUS, type CorpusEntry } from '../fixtures/tone-corpus';

type Score = { n: number; tp: number; fn: number; fp: number; tn: number; sameCategory: number; recall: number; precision: number; falseAlarm: number };

function score(entries: CorpusEntry[]): Score {
  let tp = 0;
  let fn = 0;
  let fp = 0;
  let tn = 0;
  let sameCategory = 0;
  for (const e of entries) {
    const found = checkTone(e.text);
    if (e.label === 'calm') {
      if (found.length) fp++;
      else tn++;
    } else if (found.length) {
      tp++;
      if (found.some((f) => f.category === e.label)) sameCategory++;
    } else fn++;
  }
  const ratio = (a: number, b: number) => (b ? a / b : 1);
  return { n: entries.length, tp, fn, fp, tn, sameCategory, recall: ratio(tp, tp + fn), precision: ratio(tp, tp + fp), falseAlarm: ratio(fp, fp + tn) };
}

const sets = ['seed', 'dev', 'blind1', 'blind2', 'dev2', 'blind4'] as const;
const bySet = Object.fromEntries(sets.map((s) => [s, score(CORPUS.filter((e) => e.set === s))]));
const all = score(CORPUS);

describe('the labelled corpus', () => {
  it('has at least 200 distinct sentences, pushy ones in every category and calm look-alikes', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(200);
    expect(new Set(CORPUS.map((e) => e.text)).size).toBe(CORPUS.length);
    for (const c of ['impatience', 'blame', 'urgency', 'desperation', 'ultimatum', 'hard-sell'] as const)
      expect(CORPUS.filter((e) => e.label === c).length, c).toBeGreaterThanOrEqual(20);
    expect(CORPUS.some((e) => e.label === 'length')).toBe(true);
    expect(CORPUS.filter((e) => e.label === 'calm').length).toBeGreaterThanOrEqual(100);
  });

  it('includes the seed examples', () => {
    const texts = CORPUS.map((e) => e.text.toLowerCase());
    for (const s of ["i've been waiting to hear back", "you told me i should've known two days ago", 'i understand you have a lot on your plate', 'is still my top choice'])
      expect(texts.some((t) => t.includes(s)), s).toBe(true);
  });

  it('prints the scores', () => {
    const row = (name: string, s: Score) =>
      `${name.padEnd(8)} n=${String(s.n).padStart(3)}  recall ${s.recall.toFixed(3)} (${s.tp}/${s.tp + s.fn})  precision ${s.precision.toFixed(3)}  false alarms ${s.falseAlarm.toFixed(3)} (${s.fp}/${s.fp + s.tn})  same category ${(s.sameCategory / Math.max(1, s.tp)).toFixed(3)}`;
    console.log([...sets.map((s) => row(s, bySet[s]!)), row('all', all)].join('\n'));
  });

  it('catches at least 90% of the pushy sentences with at most 5% false alarms', () => {
    expect(all.recall).toBeGreaterThanOrEqual(0.9);
    expect(all.falseAlarm).toBeLessThanOrEqual(0.05);
    for (const s of sets) expect(bySet[s]!.falseAlarm, s).toBeLessThanOrEqual(0.05);
  });

  it('catches every seed and issue example in its category, and passes every calm one', () => {
    const seed = bySet.seed!;
    expect(seed.recall).toBe(1);
    expect(seed.falseAlarm).toBe(0);
    expect(seed.sameCategory).toBe(seed.tp);
  });

  it('names the right category for nearly every sentence it catches', () => {
    expect(all.sameCategory / all.tp).toBeGreaterThanOrEqual(0.9);
  });
});

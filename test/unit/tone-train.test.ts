/**
 * The tone classifier's training (scripts/train-tone.ts) is deterministic, and the committed model
 * is exactly what the script makes from the committed corpus.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { chooseThreshold, dedupe, MODEL_PATH, rng, serialise, train } from '../../scripts/train-tone';
import { classifier } from '../../src/domain/nlp/classifier';
import { features } from '../../src/domain/nlp/features';
import { tag } from '../../src/domain/nlp/tokens';
import { isDev, toneCorpus } from '../fixtures/tone/corpus';

const small = { buckets: 1 << 10, knownBits: 1 << 12, epochs: 3, folds: 1 };

describe('training', () => {
  const corpus = toneCorpus();
  const sample = corpus.filter((e) => e.split === 'train').filter((_, i) => i % 20 === 0);

  it('the seeded generator repeats its sequence', () => {
    const a = rng(7);
    const b = rng(7);
    const xs = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(rng(8)()).not.toBe(xs[0]);
  });

  it('gives byte-identical models on re-runs and whatever the input order; the seed matters', { timeout: 60_000 }, () => {
    const a = serialise(train(sample, small));
    expect(serialise(train([...sample].reverse(), small))).toBe(a);
    expect(serialise(train(sample, { ...small, seed: 14 }))).not.toBe(a);
  });

  it('a model it makes classifies: its own training sentences mostly get their label', () => {
    const m = train(sample, { ...small, epochs: 10 });
    const c = classifier(m);
    const right = dedupe(sample).filter((e) => m.labels[argmax(c, e.text)] === e.label);
    expect(right.length / dedupe(sample).length).toBeGreaterThan(0.8);
  });

  it('the threshold lets at most the target share of calm sentences fire', () => {
    const calm = Array.from({ length: 100 }, (_, i) => ({ phrase: i < 1, calm: (i + 1) / 100 }));
    const t = chooseThreshold(calm, 0.05);
    expect(calm.filter((s) => s.phrase || s.calm < t).length).toBe(5);
    expect(chooseThreshold(calm, 0)).toBe(0);
  });

  it('splits by the text, one in five to dev, and never trains on dev or blind data', () => {
    expect(corpus.every((e) => e.split === (e.group === 'blind4' || isDev(e.text) ? 'dev' : 'train'))).toBe(true);
    const dev = corpus.filter((e) => e.split === 'dev' && e.group !== 'blind4').length;
    expect(dev / corpus.length).toBeGreaterThan(0.15);
    expect(dev / corpus.length).toBeLessThan(0.25);
    expect(new Set(corpus.map((e) => e.source))).toEqual(new Set(['repo', 'drafts', 'train-a', 'train-b', 'train-c', 'train-d', 'train-e', 'train-f', 'train-g', 'train-h']));
  });

  it('the committed model is the one the script makes from the committed corpus', { timeout: 600_000 }, () => {
    expect(serialise(train(corpus.filter((e) => e.split === 'train')))).toBe(readFileSync(MODEL_PATH, 'utf8'));
  });
});

function argmax(c: ReturnType<typeof classifier>, text: string): number {
  const p = c.probabilities(features(tag(text)));
  return p.indexOf(Math.max(...p));
}

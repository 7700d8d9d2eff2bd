/**
 * The learned part of the sentence-level tone layer (issue 13): a multinomial logistic regression
 * over hashed features (features.ts). Trained by scripts/train-tone.ts, which writes the model
 * as data (tone-model.json): weights quantised to one signed byte each, base64-encoded.
 *
 * Prediction is a sum of one weight per feature and label, then a softmax: microseconds a sentence.
 */

export type ToneModel = {
  /** Format version of this file. */
  version: 1;
  /** Number of hash buckets (a power of two). */
  buckets: number;
  /** The labels, 'calm' first. */
  labels: string[];
  /** Weight = byte × scale. */
  scale: number;
  bias: number[];
  /** buckets × labels signed bytes, bucket-major, base64. */
  weights: string;
  /**
   * The features seen often enough in training, as a bit set of `knownBits` bits (base64) indexed
   * by `knownHash`. Any other feature (an unseen word, a name) is ignored instead of landing on
   * the weights of whatever known feature shares its bucket.
   */
  known: string;
  knownBits: number;
  /** A sentence is pressing when P(calm) is below this. */
  calmBelow: number;
  /** How the model was made (corpus sizes, seed, epochs…), for the record. */
  about: Record<string, string | number>;
};

/** 32-bit FNV-1a of a string's UTF-16 code units. */
export function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The second hash, for the set of known features. */
export const knownHash = (f: string): number => hash(`\u0002${f}`);

/** Whether bit `i` of a bit set is set. */
export const hasBit = (bits: Uint8Array, i: number): boolean => (bits[i >>> 3]! & (1 << (i & 7))) !== 0;

/** Bucket ids of the known `features`, each once (a repeated feature counts once), sorted. */
export function bucketsOf(features: readonly string[], buckets: number, known?: { bits: Uint8Array; size: number }): number[] {
  const seen = new Set<number>();
  for (const f of features) if (!known || hasBit(known.bits, knownHash(f) & (known.size - 1))) seen.add(hash(f) & (buckets - 1));
  return [...seen].sort((a, b) => a - b);
}

export function softmax(z: number[]): number[] {
  const m = Math.max(...z);
  const e = z.map((x) => Math.exp(x - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / s);
}

export function decode(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function encode(bytes: Int8Array | Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i++) bin += String.fromCharCode(bytes[i]! & 0xff);
  return btoa(bin);
}

export type Classifier = {
  model: ToneModel;
  /** Probability of each label (model.labels order) for a sentence's features. */
  probabilities(features: readonly string[]): number[];
};

/** A classifier over `model`; the weights are decoded once, here. */
export function classifier(model: ToneModel): Classifier {
  const w = new Int8Array(decode(model.weights).buffer);
  const known = { bits: decode(model.known), size: model.knownBits };
  const k = model.labels.length;
  if (w.length !== model.buckets * k || known.bits.length * 8 !== known.size) throw new Error('The tone model is damaged: its data does not match its size');
  return {
    model,
    probabilities(features) {
      const z = model.bias.slice();
      for (const b of bucketsOf(features, model.buckets, known)) for (let j = 0; j < k; j++) z[j]! += w[b * k + j]! * model.scale;
      return softmax(z);
    },
  };
}

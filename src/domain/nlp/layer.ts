/**
 * The sentence-level tone layer (issue 13): each sentence the phrase rules left alone is tagged
 * (tokens.ts), described (features.ts) and classified (classifier.ts). A sentence the
 * classifier finds pressing becomes one finding spanning the sentence, with the reason of its
 * category and a calm sentence to put instead, built from the interview's facts when they are known.
 */
import { format, parseISO, isValid } from 'date-fns';
import { tag } from './tokens';
import { sentenceSpans } from './sentences';
import { features, hasPressureCue } from './features';
import { classifier, type Classifier, type ToneModel } from './classifier';
import type { ToneCategory } from '../tone-rules';
import MODEL from './tone-model.json';

/** What is known about the interview the email is about; every field is optional. */
export type ToneContext = {
  company?: string;
  role?: string;
  /** The interviewer's name as logged ("Jane Smith"); the first name is used. */
  contactName?: string;
  /** The decision date they gave, YYYY-MM-DD. */
  decisionDate?: string;
};

/** The fifteen kinds of pressure of the corpus (test/fixtures/tone/KINDS.md) and the category each is shown as. */
export const KIND_CATEGORY = {
  impatience: 'impatience',
  'elapsed-time': 'impatience',
  shouting: 'impatience',
  blame: 'blame',
  'passive-aggressive': 'blame',
  demand: 'demand',
  urgency: 'urgency',
  ultimatum: 'ultimatum',
  'offer-leverage': 'ultimatum',
  escalation: 'escalation',
  desperation: 'desperation',
  guilt: 'guilt',
  sarcasm: 'sarcasm',
  entitlement: 'entitlement',
  'hard-sell': 'hard-sell',
} as const satisfies Record<string, ToneCategory>;
export type ToneKind = keyof typeof KIND_CATEGORY;

/** A sentence as the classifier sees it. */
export type SentenceVerdict = { start: number; end: number; calm: number; category: ToneCategory; probability: number };

let built: Classifier | undefined;
const model = (): Classifier => (built ??= classifier(MODEL as ToneModel));

type Verdict = { calm: number; category: ToneCategory; probability: number };
const caches = new WeakMap<Classifier, Map<string, Verdict>>();
const CACHE_LIMIT = 1000;

/**
 * The classifier's verdict on one sentence: P(calm), and the most likely pressing category with its
 * probability. Cached by the sentence's text, since typing changes one sentence at a time.
 */
export function judgeSentence(sentence: string, c: Classifier = model()): Verdict {
  let cache = caches.get(c);
  if (!cache) caches.set(c, (cache = new Map()));
  const hit = cache.get(sentence);
  if (hit) return hit;
  const tokens = tag(sentence);
  // A fragment with no verb and no cue of pressure is left alone whatever its words (see hasPressureCue).
  const p = hasPressureCue(tokens) ? c.probabilities(features(tokens)) : [1, ...c.model.labels.slice(1).map(() => 0)];
  let best = 1;
  for (let j = 2; j < p.length; j++) if (p[j]! > p[best]!) best = j;
  const verdict: Verdict = { calm: p[0]!, category: c.model.labels[best] as ToneCategory, probability: p[best]! };
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(sentence, verdict);
  return verdict;
}

/** Words in a sentence past which it is a list or pasted text, not something said to the reader. */
export const SENTENCE_WORD_LIMIT = 120;

/**
 * Whether the sentence layer judges `sentence`: the model knows English, so a sentence mostly in
 * another script is left alone, as is a run-on longer than SENTENCE_WORD_LIMIT words.
 */
export function judged(sentence: string): boolean {
  const letters = sentence.match(/\p{L}/gu)?.length ?? 0;
  const latin = sentence.match(/[A-Za-z\u00C0-\u024F]/g)?.length ?? 0;
  return latin * 2 > letters && sentence.split(/\s+/).length <= SENTENCE_WORD_LIMIT;
}

/**
 * Verdicts on the sentences of `masked` (the email with quoted text masked, see tone.ts) that lie
 * in [from, to) and overlap none of `taken` ([start, end) spans already dealt with).
 */
export function judgeSentences(
  masked: string,
  from: number,
  to: number,
  taken: readonly { start: number; end: number }[],
  c: Classifier = model(),
): SentenceVerdict[] {
  const out: SentenceVerdict[] = [];
  for (const s of sentenceSpans(masked)) {
    if (s.start < from || s.end > to) continue;
    if (taken.some((f) => f.start < s.end && f.end > s.start)) continue;
    const text = masked.slice(s.start, s.end);
    if (!judged(text)) continue;
    out.push({ ...s, ...judgeSentence(text, c) });
  }
  return out;
}

/** Whether a verdict counts as pressure. */
export const pressing = (v: { calm: number }, c: Classifier = model()): boolean => v.calm < c.model.calmBelow;

const first = (name?: string) => name?.trim().split(/\s+/)[0] || '';
function day(iso?: string): string {
  if (!iso) return '';
  const d = parseISO(iso);
  return isValid(d) ? format(d, 'EEEE, MMMM d') : '';
}

/** A calm sentence to put in place of a pressing one of `category`, using what is known. */
export function calmAlternative(category: ToneCategory, context: ToneContext = {}): string {
  const company = context.company?.trim() ?? '';
  const role = context.role?.trim() ?? '';
  const name = first(context.contactName);
  const theRole = role ? `the ${role} role` : 'the role';
  const atCompany = company ? ` at ${company}` : '';
  const when = day(context.decisionDate);
  const update = when
    ? `You mentioned a decision around ${when}; I'd be glad to hear any update when you have one.`
    : `I'd be glad to hear any update on ${theRole}${atCompany} when you have one.`;
  switch (category) {
    case 'impatience':
    case 'urgency':
      return `I wanted to follow up on ${theRole}${atCompany}. ${update}`;
    case 'demand':
      return `Could you let me know where things stand with ${theRole} when you have a moment?`;
    case 'blame':
      return `I understand timelines can shift${name ? `, ${name}` : ''}. ${update}`;
    case 'escalation':
      return `I understand these decisions take time${name ? `, ${name}` : ''}. ${update}`;
    case 'ultimatum':
      return `While I have other opportunities, ${company || 'your team'} is still my top choice.`;
    case 'sarcasm':
      return `I understand these decisions take time. ${update}`;
    case 'guilt':
      return `I enjoyed preparing for our conversation and remain very interested in ${theRole}.`;
    case 'entitlement':
    case 'hard-sell':
      return `I believe I would be a strong fit for ${theRole}${atCompany}, and I hope you will consider me.`;
    case 'desperation':
      return `I remain very interested in ${theRole}${atCompany} and look forward to hearing from you.`;
    case 'length':
      return '';
  }
}

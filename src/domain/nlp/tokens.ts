/**
 * Part-of-speech tagging for the sentence-level tone layer (issue 13), over wink-nlp and its
 * English web model. Chosen over compromise by measurement (BENCHMARKS.md, "Sentence analysis
 * library"): a 2,000-character email tags in a few milliseconds, where compromise's tagger needed
 * about 40 ms. Pure JavaScript with no browser API, so it runs in the background and in Node alike.
 *
 * The library and its model (about 3 MB) are loaded and built on the first sentence tagged, not
 * when the background starts (wink-load.cjs).
 */
import type winkNLP from 'wink-nlp';
import type { ItsFunction, PartOfSpeech } from 'wink-nlp';
import loadWink from './wink-load.cjs';

export type Pos = PartOfSpeech;

/** One word or mark, with its offsets in the text it came from. */
export type Token = {
  start: number;
  end: number;
  /** As typed. */
  text: string;
  /** Lower case, curly apostrophes made straight, common texting spellings expanded ("u" → "you"). */
  norm: string;
  /** Dictionary form ("waited" → "wait", "n't" → "not"). */
  lemma: string;
  pos: Pos;
  /** Inside the scope of a negation ("I have not heard back": heard, back). */
  negated: boolean;
};

type Nlp = ReturnType<typeof winkNLP>;
let nlp: Nlp | undefined;
// Sentence boundaries are ours (sentences.ts); wink tags, lemmatises and marks negation.
const tagger = (): Nlp => {
  if (!nlp) {
    const { winkNLP, model } = loadWink();
    nlp = winkNLP(model, ['sbd', 'negation', 'pos']);
  }
  return nlp;
};

/** Spellings wink reads as other words, written the way casual and texting English writes them. */
const TEXTING: Record<string, string> = {
  u: 'you',
  ur: 'your',
  r: 'are',
  pls: 'please',
  plz: 'please',
  plse: 'please',
  thx: 'thanks',
  thnx: 'thanks',
  ty: 'thanks',
  im: "i'm",
  ive: "i've",
  dont: "don't",
  cant: "can't",
  wont: "won't",
  didnt: "didn't",
  havent: "haven't",
  hasnt: "hasn't",
  isnt: "isn't",
  wasnt: "wasn't",
  ppl: 'people',
  bc: 'because',
  cuz: 'because',
  coz: 'because',
  abt: 'about',
  msg: 'message',
  msgs: 'messages',
  rn: 'now',
  asap: 'asap',
};

/** The second half of a contraction, as wink tags it. */
const CLITIC: Record<string, { lemma: string; pos: Pos }> = {
  "'m": { lemma: 'be', pos: 'AUX' },
  "'re": { lemma: 'be', pos: 'AUX' },
  "'s": { lemma: 'be', pos: 'AUX' },
  "'ve": { lemma: 'have', pos: 'AUX' },
  "'ll": { lemma: 'will', pos: 'AUX' },
  "'d": { lemma: 'would', pos: 'AUX' },
  "n't": { lemma: 'not', pos: 'PART' },
};

/**
 * A contraction typed without its apostrophe ("im", "dont"), as the two tokens wink makes of the
 * spelled one ("i" + "'m", "do" + "n't"), each over its own letters.
 */
function splitContraction(typed: string, norm: string, start: number, out: Token[]): boolean {
  const m = /^(.+?)(n't|'[a-z]+)$/.exec(norm);
  const clitic = m && CLITIC[m[2]!];
  if (!m || !clitic) return false;
  const tailLength = m[2]!.replace("'", '').length;
  const cut = typed.length - tailLength;
  if (cut <= 0) return false;
  const head = m[1] === 'ca' || m[1] === 'wo' ? (m[1] === 'ca' ? 'can' : 'will') : m[1]!;
  out.push({ start, end: start + cut, text: typed.slice(0, cut), norm: head, lemma: head, pos: head === 'i' ? 'PRON' : 'AUX', negated: false });
  out.push({ start: start + cut, end: start + typed.length, text: typed.slice(cut), norm: m[2]!, lemma: clitic.lemma, pos: clitic.pos, negated: false });
  return true;
}

/** Tags `text` (one sentence); offsets are shifted by `offset` so they point into the whole email. */
export function tag(text: string, offset = 0): Token[] {
  const its = tagger().its;
  // Curly apostrophes become straight ones (same length, so offsets hold): wink splits "I'm" but not "I’m".
  const straight = text.replace(/’/g, "'");
  const doc = tagger().readDoc(straight);
  const tokens = doc.tokens();
  const values = tokens.out(its.value) as string[];
  const pos = tokens.out(its.pos) as Pos[];
  // wink's typings give its.lemma the model-level signature; at run time it is an ordinary token function.
  const lemma = tokens.out(its.lemma as unknown as ItsFunction<string>) as string[];
  const negated = tokens.out(its.negationFlag) as unknown as boolean[];
  const out: Token[] = [];
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (pos[i] === 'SPACE') continue;
    // wink keeps each token as typed, so it is found again from where the last one ended.
    const found = straight.indexOf(v, at);
    if (found < 0) continue;
    at = found + v.length;
    const lower = v.toLowerCase();
    const norm = TEXTING[lower] ?? lower;
    // wink leaves some contractions whole ("I'm" after a comma); texting drops the apostrophe.
    if ((norm !== lower || norm.includes("'")) && splitContraction(text.slice(found, at), norm, offset + found, out)) continue;
    out.push({
      start: offset + found,
      end: offset + at,
      text: text.slice(found, at),
      norm,
      lemma: norm !== lower ? norm : (lemma[i] ?? lower).toLowerCase(),
      pos: norm !== lower && norm === 'you' ? 'PRON' : pos[i]!,
      negated: !!negated[i],
    });
  }
  return out;
}

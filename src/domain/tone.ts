/**
 * The pressing-words check (issue 4; followup-rules.md "Wording"; seed 004). Pure, imports only the
 * rule table, runs in the content script on every keystroke.
 *
 * - Phrase rules (tone-rules.ts) are compiled once, each indexed by the words it can start with
 *   (derived from the grammar, so no match is missed). One left-to-right pass over the words tries,
 *   at each word, only its candidate rules as one cached sticky alternation; the first rule in table
 *   order that matches wins and the scan resumes after it. Every repetition in the compiled source
 *   is bounded ({0,8}) or runs over disjoint character classes, so the check is linear in the text.
 * - Stacked "??", "?!", "!!" and ALL-CAPS runs are found in one more pass over the words. A run of
 *   capitalised words is shouting when it has three loud words (three capitals in a row, not an
 *   acronym such as HR or NYC), or two with ten letters between them ("PLEASE RESPOND").
 * - Length: more than TONE_WORD_LIMIT words before the sign-off ("Best regards," "Thanks," "-- "…)
 *   gives one 'length' finding spanning the words past the limit (cut short where another finding
 *   starts); its suggestion is '' (applying it deletes the overflow).
 * - Quoted earlier messages (lines starting with ">", and everything from an "On … wrote:",
 *   "-----Original Message-----" or "From: … / Sent:" header on) are not checked; offsets always
 *   refer to the full text.
 * - Sentences (issue 13): every sentence before the signature that no finding above touches (nor
 *   a phrase a rule's "unless" cleared) is judged by the sentence-level layer (nlp/layer.ts:
 *   wink-nlp tags, grammatical cues and a learned classifier). A pressing one gives one finding
 *   spanning the sentence, with the reason of its category and a calm sentence to put instead,
 *   built from `context` (company, role, the interviewer's name, the decision date) when given.
 * Findings are sorted by start and never overlap; `text.slice(start, end) === finding.text`.
 *
 * `checkTone` uses the built-in table and both layers; it is synchronous and runs in Node or in
 * the background (the NLP model is about 1 MB gzip, so the content script asks the background
 * with the `checkTone` message). `toneChecker(table)` builds a phrase-only checker from a table
 * passed as data, so a bundle that imports only it (and not `checkTone`) leaves tone-rules.ts and
 * the NLP layer out.
 */
import { RULES, WHY, type ToneCategory, type ToneRule } from './tone-rules';
import { calmAlternative, judgeSentences, pressing, type ToneContext } from './nlp/layer';

export type { ToneCategory, ToneRule } from './tone-rules';
export { RULES as TONE_RULES, WHY as TONE_WHY } from './tone-rules';
export type { ToneContext, ToneKind } from './nlp/layer';
export { KIND_CATEGORY as TONE_KIND_CATEGORY } from './nlp/layer';

/** The rule table: plain JSON-safe data, so a content script may receive it in a message. */
export type ToneTable = { rules: Partial<Record<ToneCategory, ToneRule[]>>; why: Record<ToneCategory, string> };

export type ToneFinding = {
  start: number;
  end: number;
  text: string;
  category: ToneCategory;
  why: string;
  suggestion: string;
};

/** A message body longer than this many words (outside quotes, before the sign-off) is flagged. */
export const TONE_WORD_LIMIT = 200;

const AP = "['’]";
const S = '\\s+';
const W = "[^\\s.!?;\\u0001]+";
const NUM_WORDS = 'a an one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty several many multiple few'.split(' ');
const NUM = `(?:\\d+(?:st|nd|rd|th|am|pm)?|a\\s+few|a\\s+couple(?:\\s+of)?|${NUM_WORDS.join('|')})`;
const ADV = '(?:[a-z]+ly|still|now|already|just|really|even|also|ever|never|finally),?';
const REST = `(?:${S}(?!(?:or|otherwise|unless)(?![\\w'’]))[^\\s.!?;,\\u0001]+){0,8}`;
const LONG: Record<string, string> = { ve: 'have', m: 'am', re: 'are', ll: 'will', d: '(?:would|had)', s: '(?:is|has)' };
const B = "(?<![\\w'’])";
const E = "(?![\\w'’])";
const MASK = '\u0001';
const CONTRACTION = /^(.+?)(?:n't|'(ve|m|re|ll|d|s))$/;

const esc = (w: string) =>
  w.replace(/[-'.*+?^${}\\/!:,]/g, (c) => (c === '-' ? '[-\\s]?' : c === "'" ? AP : '\\' + c));

function word(l: string): string {
  if (l === '_') return "[^\\s.!?;,\\u0001]+";
  if (l === '#') return NUM;
  if (l === "won't") return `(?:won${AP}?t|will${S}not)`;
  if (l === "can't") return `(?:can${AP}?t|can${S}?not)`;
  if (l.endsWith('*')) return esc(l.slice(0, -1)) + '[a-z]*';
  const m = CONTRACTION.exec(l);
  if (!m) return esc(l);
  return esc(m[1]!) + (m[2] ? `(?:${AP}?${m[2]}|${S}${LONG[m[2]]})` : `(?:n${AP}?t|${S}not)`);
}

/** A parsed phrase: alternatives of sequences; `sp` says whether a space came before the item. */
type Item = { sp: boolean } & ({ k: 'w'; w: string } | { k: 'g' | 'o'; alts: Item[][] } | { k: '~' | '+' | '$' | '=' });

function parse(p: string): Item[][] {
  let i = 0;
  const alt = (): Item[][] => {
    const a = [seq()];
    while (p[i] === '|') {
      i++;
      a.push(seq());
    }
    return a;
  };
  const seq = (): Item[] => {
    const out: Item[] = [];
    let sp = false;
    while (i < p.length) {
      const c = p[i]!;
      if (c === ' ') {
        sp = true;
        i++;
        continue;
      }
      if (c === '|' || c === ')' || c === ']') break;
      if (c === '(' || c === '[') {
        i++;
        out.push({ k: c === '(' ? 'g' : 'o', alts: alt(), sp });
        i++;
      } else {
        const m = /[^ ()[\]|]+/y;
        m.lastIndex = i;
        const t = m.exec(p)![0];
        i += t.length;
        out.push(t.length === 1 && '~+$='.includes(t) ? { k: t as '~', sp } : { k: 'w', w: t.toLowerCase(), sp });
      }
      sp = false;
    }
    return out;
  };
  return alt();
}

const emit = (a: Item[][]): string => (a.length > 1 ? `(?:${a.map(emitSeq).join('|')})` : emitSeq(a[0]!));
function emitSeq(items: Item[]): string {
  let out = '';
  let started = false;
  let glue = false;
  for (const it of items) {
    const sep = started && it.sp && !glue ? S : '';
    glue = false;
    if (it.k === 'w' || it.k === 'g') {
      out += sep + (it.k === 'w' ? word(it.w) : emit(it.alts));
      started = true;
    } else if (it.k === 'o' || it.k === '+') {
      const x = it.k === 'o' ? emit(it.alts) : ADV;
      out += started ? `(?:${sep}${x})?` : `(?:${x}${S})?`;
    } else if (it.k === '~') {
      out += `${sep}(?:${W}${S}){0,8}?`;
      started = glue = true;
    } else out += it.k === '$' ? REST : '(?=\\s*(?:[.!?;]|$))';
  }
  return out;
}

/** Compiles one phrase of the grammar described in tone-rules.ts to RegExp source. */
export const compilePhrase = (p: string): string => emit(parse(p));

const norm = (w: string) => w.toLowerCase().replace(/['’]/g, '');

/** The words a text word may be for `w` to start there ("x*": any word starting with x; "*": any). */
function wordKeys(l: string): string[] {
  if (l === '_') return ['*'];
  if (l === '#') return [...NUM_WORDS, '0'];
  if (l.endsWith('*')) return [norm(l.slice(0, -1)) + '*'];
  const base = l.split(/[.:!,]/)[0]!;
  const keys = [norm(base), norm(base.split('-')[0]!), norm(base.replace(/-/g, ''))];
  const c = CONTRACTION.exec(base);
  if (c) keys.push(norm(c[1]!), 'will', 'can', 'cannot');
  return keys;
}

/** Keys of the words a match of `items` can start with (a superset, so no match is missed). */
function firsts(items: Item[], out = new Set<string>()): Set<string> {
  for (let j = 0; j < items.length; j++) {
    const it = items[j]!;
    const rest = items.slice(j + 1);
    if (it.k === 'w') {
      const glued = rest[0] && !rest[0].sp && rest[0].k !== '$' && rest[0].k !== '=';
      for (const k of wordKeys(it.w)) out.add(glued && !k.endsWith('*') ? k + '*' : k);
      return out;
    }
    if (it.k === 'g' || it.k === 'o') {
      for (const a of it.alts) firsts([...a, ...rest], out);
      if (it.k === 'g') return out;
    } else if (it.k === '+' || it.k === '~') {
      out.add('*');
      return out;
    }
  }
  return out;
}

/** Capitalised words that are not shouting (ASAP has its own rule). */
const ACR = new Set(
  'ASAP HR CEO CTO CFO COO CIO CMO VP SVP EVP USA UK EU US IT UX UI QA AI ML API SQL AWS GCP NYC LLC LLP INC LTD PHD MBA CPA JD RN MD FAQ PDF CV ETL BI KPI OKR SAAS CRM ERP SEO NASA NYT UCLA MIT NYU IBM JPL PTO EST PST CST GMT UTC AM PM ID OK TV PR IPO GPA USD EUR GBP'.split(' '),
);
const QUOTE_HEAD =
  /^[ \t]*(?:On\s[^\n]{0,300}?(?:\n[^\n]{0,300}?)?wrote:|-{2,}\s*(?:Original|Forwarded) Message\s*-{2,}|From:[^\n]*\n(?:[^\n]*\n)?(?:Sent|Date):)/m;
const SIGNOFF =
  /^[ \t]*(?:--|(?:best|kind|warm|warmest|many thanks|thanks|thank you|sincerely|regards|cheers|all the best|respectfully|yours|best wishes|with (?:thanks|gratitude|appreciation))(?:[ \t]+(?:regards|wishes|again|so much|truly|sincerely|faithfully))*[ \t]*[,.!]?)[ \t]*$/gim;
const STACKED = 'Stacked question or exclamation marks read as impatient or shouting.';
const SHOUT = 'Writing in capitals reads as shouting.';

/** [start, end) ranges of quoted earlier messages: ">" lines, and everything from a reply header on. */
export function quotedRanges(text: string): [number, number][] {
  const head = QUOTE_HEAD.exec(text);
  const cut = head ? head.index : text.length;
  const out: [number, number][] = [];
  for (const m of text.slice(0, cut).matchAll(/^[ \t]*>[^\n]*/gm)) out.push([m.index, m.index + m[0].length]);
  if (cut < text.length) out.push([cut, text.length]);
  return out;
}

const clauseBefore = (t: string, at: number) => {
  const w = t.slice(Math.max(0, at - 80), at);
  return w.slice(Math.max(w.lastIndexOf('.'), w.lastIndexOf('!'), w.lastIndexOf('?')) + 1);
};

const coreStart = (tok: string) => tok.search(/[\p{L}\p{N}]/u);
const coreEnd = (tok: string) => {
  let e = tok.length;
  while (e > 0 && !/[\p{L}\p{N}]/u.test(tok[e - 1]!)) e--;
  return e;
};
const calm = (s: string) => s.replace(/\p{L}+/gu, (w) => (w === 'I' || ACR.has(w) ? w : w.toLowerCase()));

type Compiled = { cat: ToneCategory; sugg: string; src: string; re: RegExp; unless: RegExp | null };
/** The rules that may start at one word, as one sticky alternation (group k+1 = ids[k]). */
type Group = { ids: number[]; re: RegExp | null };

/**
 * Findings for the sentences of `masked` (quoted text masked) in [0, to) that none of `taken`
 * (sorted by start: the findings so far, and the phrases a rule's "unless" cleared) touches;
 * `make` builds a finding with offsets into the original text.
 */
export type SentenceLayer = (masked: string, to: number, taken: readonly { start: number; end: number }[], make: Make) => ToneFinding[];
export type Make = (start: number, end: number, category: ToneCategory, suggestion: string, why?: string) => ToneFinding;

/** Builds a phrase-only checker for `table`; rules are compiled here, once. */
export function toneChecker(table: ToneTable): (text: string) => ToneFinding[] {
  const engine = compileTable(table);
  return (text) => engine(text);
}

function compileTable(table: ToneTable): (text: string, sentences?: SentenceLayer) => ToneFinding[] {
  const rules: Compiled[] = [];
  const index = new Map<string, number[]>();
  const prefixes: [string, number][] = [];
  const key = (k: string, i: number) => {
    if (k.endsWith('*')) prefixes.push([k.slice(0, -1), i]);
    else index.set(k, [...(index.get(k) ?? []), i]);
  };
  for (const cat of Object.keys(table.rules) as ToneCategory[])
    for (const [phrase, sugg, unless] of table.rules[cat]!) {
      const i = rules.length;
      const src = compilePhrase(phrase) + E;
      rules.push({ cat, sugg, src, re: new RegExp(B + src, 'iy'), unless: unless ? new RegExp(B + compilePhrase(unless) + E, 'i') : null });
      for (const a of parse(phrase)) for (const k of firsts(a)) key(k, i);
    }
  const byWord = new Map<string, Group>();
  const byIds = new Map<string, Group>();
  /** The rules that may start at a word (as typed), in table order. */
  const candidates = (typed: string): Group => {
    let g = byWord.get(typed);
    if (g) return g;
    const w = norm(typed);
    const all = [...(index.get(w) ?? []), ...(index.get('*') ?? []), ...(/^\d/.test(w) ? (index.get('0') ?? []) : [])];
    for (const [p, i] of prefixes) if (w.startsWith(p)) all.push(i);
    const ids = [...new Set(all)].sort((a, b) => a - b);
    const k = ids.join();
    g = byIds.get(k);
    if (!g) {
      g = { ids, re: ids.length ? new RegExp(`${B}(?:${ids.map((i) => `(${rules[i]!.src})`).join('|')})`, 'iy') : null };
      byIds.set(k, g);
    }
    if (byWord.size > 4096) byWord.clear();
    byWord.set(typed, g);
    return g;
  };
  return (text, sentences) => check(text, table.why, rules, candidates, sentences);
}

/** The sentence-level layer with the built-in model; suggestions use `context`. */
export function sentenceLayer(context?: ToneContext): SentenceLayer {
  return (masked, to, taken, make) =>
    judgeSentences(masked, 0, to, taken)
      .filter((v) => pressing(v))
      .map((v) => make(v.start, v.end, v.category, calmAlternative(v.category, context)));
}

let builtIn: ReturnType<typeof compileTable> | undefined;
/** Finds pressure in `text` with the built-in rules and the sentence layer (see the module comment). */
export const checkTone = (text: string, context?: ToneContext): ToneFinding[] =>
  (builtIn ??= compileTable({ rules: RULES, why: WHY }))(text, sentenceLayer(context));

/** The check with another sentence layer (the training script scores its models through this). */
export const checkToneWith = (text: string, layer: SentenceLayer): ToneFinding[] => (builtIn ??= compileTable({ rules: RULES, why: WHY }))(text, layer);

/** The phrase rules, marks, capitals and length only: the check as it was before the sentence layer. */
export const checkPhrases = (text: string): ToneFinding[] => (builtIn ??= compileTable({ rules: RULES, why: WHY }))(text);

/** A signature is what follows the last sign-off line, when that is short (a name, a title, a phone number). */
const SIGNATURE_WORDS = 25;

function check(text: string, why: ToneTable['why'], rules: Compiled[], candidates: (w: string) => Group, sentences?: SentenceLayer): ToneFinding[] {
  const q = quotedRanges(text);
  let t = text;
  if (q.length) {
    t = '';
    let i = 0;
    for (const [a, b] of q) {
      t += text.slice(i, a) + MASK.repeat(b - a);
      i = b;
    }
    t += text.slice(i);
  }
  const make: Make = (start, end, category, suggestion, w = why[category]): ToneFinding => ({
    start,
    end,
    text: text.slice(start, end),
    category,
    why: w,
    suggestion,
  });

  // Phrases: at each word, the first candidate rule that matches there; then go on after the match.
  const phrases: ToneFinding[] = [];
  const cleared: { start: number; end: number }[] = [];
  const words = /[A-Za-z0-9][A-Za-z0-9'’]*/g;
  for (let m: RegExpExecArray | null; (m = words.exec(t)); ) {
    const at = m.index;
    const g = candidates(m[0]);
    if (!g.re) continue;
    g.re.lastIndex = at;
    const x = g.re.exec(t);
    if (!x) continue;
    let k = 1;
    while (x[k] === undefined) k++;
    let r = rules[g.ids[k - 1]!]!;
    let end = at + x[0].length;
    if (r.unless?.test(clauseBefore(t, at))) {
      // Rare: that rule is cancelled here; try the later candidates one by one.
      end = -1;
      for (const i of g.ids.slice(k)) {
        r = rules[i]!;
        r.re.lastIndex = at;
        const y = r.re.exec(t);
        if (y && !r.unless?.test(clauseBefore(t, at))) {
          end = at + y[0].length;
          break;
        }
      }
      if (end < 0) {
        // The rules say this is fine here ("I can start as soon as possible"): the sentence layer
        // leaves it alone too.
        cleared.push({ start: at, end: at + x[0].length });
        continue;
      }
    }
    phrases.push(make(at, end, r.cat, r.sugg));
    words.lastIndex = end;
  }
  // Later passes keep only what does not overlap the earlier ones (all lists are in text order).
  const free = (list: ToneFinding[], p: { i: number }, s: number, e: number) => {
    while (p.i < list.length && list[p.i]!.end <= s) p.i++;
    return !(p.i < list.length && list[p.i]!.start < e);
  };
  const marks: ToneFinding[] = [];
  const pm = { i: 0 };
  for (const m of t.matchAll(/[!?]{2,}/g)) {
    const e = m.index + m[0].length;
    const qm = m[0].includes('?');
    if (free(phrases, pm, m.index, e)) marks.push(make(m.index, e, qm ? 'impatience' : 'urgency', qm ? '?' : '!', STACKED));
  }

  // One pass over the words: ALL-CAPS runs, and the word count for 'length'.
  const caps: ToneFinding[] = [];
  const cp = { i: 0 };
  const cm = { i: 0 };
  let signoff = t.length;
  for (const m of t.matchAll(SIGNOFF)) signoff = m.index;
  let count = 0;
  let overStart = -1;
  let overEnd = -1;
  let run: { s: number; e: number; loud: number; letters: number } | null = null;
  const endRun = () => {
    if (run && (run.loud >= 3 || (run.loud >= 2 && run.letters >= 10)) && free(phrases, cp, run.s, run.e) && free(marks, cm, run.s, run.e))
      caps.push(make(run.s, run.e, 'impatience', calm(text.slice(run.s, run.e)), SHOUT));
    run = null;
  };
  // A loud word has three capitals in a row and is not an acronym; without one there is no shouting.
  const shout = /\p{Lu}{3}/u.test(t);
  for (const m of t.matchAll(/[^\s\u0001]+/g)) {
    const tok = m[0];
    if (m.index < signoff && ++count > TONE_WORD_LIMIT) {
      if (overStart < 0) overStart = m.index;
      overEnd = m.index + tok.length;
    }
    if (!shout) continue;
    if (tok.toUpperCase() !== tok) {
      endRun(); // has a lower-case letter
      continue;
    }
    if (tok.toLowerCase() === tok) {
      if (/\p{L}/u.test(tok)) endRun(); // letters without case (Chinese, Arabic…)
      continue; // digits and marks neither start nor end a run
    }
    const letters = tok.replace(/\P{L}/gu, '');
    const s = m.index + coreStart(tok);
    const e = m.index + coreEnd(tok);
    run ??= { s, e, loud: 0, letters: 0 };
    run.e = e;
    if (/\p{Lu}{3}/u.test(tok) && !ACR.has(letters) && !ACR.has(letters.replace(/S$/, ''))) {
      run.loud++;
      run.letters += letters.length;
    }
  }
  endRun();
  const found = [...phrases, ...marks, ...caps].sort((x, y) => x.start - y.start);
  if (sentences) {
    const tail = t.slice(signoff);
    const body = signoff < t.length && (tail.match(/[^\s\u0001]+/g)?.length ?? 0) <= SIGNATURE_WORDS + 1 ? signoff : t.length;
    const taken = [...found, ...cleared].sort((x, y) => x.start - y.start);
    found.push(...sentences(t, body, taken, make));
    found.sort((x, y) => x.start - y.start);
  }
  const add = (start: number, end: number, category: ToneCategory, suggestion: string, w?: string) =>
    found.push(make(start, end, category, suggestion, w));

  if (overStart >= 0) {
    // The overflow, from its first word not already inside a finding up to the next finding.
    let a = overStart;
    let stop = overEnd;
    for (const f of found.filter((g) => g.end > overStart && g.start < overEnd)) {
      if (/[^\s\u0001]/.test(t.slice(a, Math.max(a, f.start)))) {
        stop = f.start;
        break;
      }
      a = Math.max(a, f.end);
    }
    const seg = t.slice(a, stop);
    const s = a + seg.search(/[^\s\u0001]|$/);
    const e = a + seg.replace(/[\s\u0001]+$/, '').length;
    if (e > s) add(s, e, 'length', '', `At ${count} words this is much longer than a follow-up should be; aim for under 150.`);
  }
  return found.sort((x, y) => x.start - y.start);
}

/** Replaces the finding's span with its suggestion, capitalised for where it lands. */
export function applySuggestion(text: string, f: ToneFinding): string {
  let before = text.slice(0, f.start);
  const after = text.slice(f.end);
  let s = f.suggestion;
  if (!s) {
    if (/\s$/.test(before) && /^[\s,.;:!?]|^$/.test(after)) before = before.replace(/[ \t]+$/, '');
    return before + after;
  }
  const b = before.replace(/[ \t]+$/, '');
  if (!/^I\b/.test(s)) {
    const head = b === '' || /[.!?\n]["'’”)]*$/.test(b);
    s = (head ? s[0]!.toUpperCase() : s[0]!.toLowerCase()) + s.slice(1);
  }
  return before + s + after;
}

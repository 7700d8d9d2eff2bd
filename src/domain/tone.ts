/**
 * The pressing-words check (issue 4; followup-rules.md "Wording"; seed 004). Pure, imports only the
 * rule table, runs in the content script on every keystroke.
 *
 * - Phrase rules (tone-rules.ts) are compiled once into a single case-insensitive RegExp and found
 *   in one left-to-right pass. Every repetition in the compiled source is bounded ({0,8}) or runs
 *   over disjoint character classes, so the scan is linear in the text.
 * - Stacked "??", "?!", "!!" and ALL-CAPS runs are found in one more pass over the words.
 * - Length: more than TONE_WORD_LIMIT words before the sign-off ("Best regards," "Thanks," "-- "…)
 *   gives one 'length' finding spanning the words past the limit (cut short where another finding
 *   starts); its suggestion is '' (applying it deletes the overflow).
 * - Quoted earlier messages (lines starting with ">", and everything from an "On … wrote:",
 *   "-----Original Message-----" or "From: … / Sent:" header on) are not checked; offsets always
 *   refer to the full text.
 * Findings are sorted by start and never overlap; `text.slice(start, end) === finding.text`.
 *
 * `checkTone` uses the built-in table. `toneChecker(table)` builds a checker from a table passed as
 * data, so a bundle that imports only it (and not `checkTone`) leaves tone-rules.ts out.
 */
import { RULES, WHY, type ToneCategory, type ToneRule } from './tone-rules';

export type { ToneCategory, ToneRule } from './tone-rules';
export { RULES as TONE_RULES, WHY as TONE_WHY } from './tone-rules';

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
const NUM =
  '(?:\\d+(?:st|nd|rd|th|am|pm)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|several|many|multiple|few|a\\s+few|a\\s+couple(?:\\s+of)?)';
const ADV = '(?:[a-z]+ly|still|now|already|just|really|even|also|ever|never|finally),?';
const LONG: Record<string, string> = { ve: 'have', m: 'am', re: 'are', ll: 'will', d: '(?:would|had)', s: '(?:is|has)' };
const B = "(?<![\\w'’])";
const E = "(?![\\w'’])";
const MASK = '\u0001';

const esc = (w: string) =>
  w.replace(/[-'.*+?^${}\\/!:,]/g, (c) => (c === '-' ? '[-\\s]?' : c === "'" ? AP : '\\' + c));

function word(w: string): string {
  const l = w.toLowerCase();
  if (l === '_') return "[^\\s.!?;,\\u0001]+";
  if (l === '#') return NUM;
  if (l === "won't") return `(?:won${AP}?t|will${S}not)`;
  if (l === "can't") return `(?:can${AP}?t|can${S}?not)`;
  if (l.endsWith('*')) return esc(l.slice(0, -1)) + '[a-z]*';
  const m = /^(.+?)(?:n't|'(ve|m|re|ll|d|s))$/.exec(l);
  if (!m) return esc(l);
  return esc(m[1]!) + (m[2] ? `(?:${AP}?${m[2]}|${S}${LONG[m[2]]})` : `(?:n${AP}?t|${S}not)`);
}

/** Compiles one phrase of the grammar described in tone-rules.ts to RegExp source. */
export function compilePhrase(p: string): string {
  let i = 0;
  const alt = (): string => {
    const a = [seq()];
    while (p[i] === '|') {
      i++;
      a.push(seq());
    }
    return a.length > 1 ? `(?:${a.join('|')})` : a[0]!;
  };
  const seq = (): string => {
    let out = '';
    let started = false;
    let space = false;
    let glue = false;
    while (i < p.length) {
      const c = p[i]!;
      if (c === ' ') {
        space = true;
        i++;
        continue;
      }
      if (c === '|' || c === ')' || c === ']') break;
      const sep = started && space && !glue ? S : '';
      space = glue = false;
      if (c === '(' || c === '[') {
        i++;
        const x = alt();
        i++;
        if (c === '(') {
          out += sep + x;
          started = true;
        } else out += started ? `(?:${sep}${x})?` : `(?:${x}${S})?`;
        continue;
      }
      const w = /[^ ()[\]|]+/y;
      w.lastIndex = i;
      const t = w.exec(p)![0];
      i += t.length;
      if (t === '~') {
        out += `${sep}(?:${W}${S}){0,8}?`;
        started = glue = true;
      } else if (t === '+') out += started ? `(?:${sep}${ADV})?` : `(?:${ADV}${S})?`;
      else if (t === '$') out += `(?:${S}(?!(?:or|otherwise|unless)${E})[^\\s.!?;,\\u0001]+){0,8}`;
      else if (t === '=') out += '(?=\\s*(?:[.!?;]|$))';
      else {
        out += sep + word(t);
        started = true;
      }
    }
    return out;
  };
  return alt();
}

/** Capitalised words that are not shouting (ASAP has its own rule). */
const ACR = new Set(
  'ASAP HR CEO CTO CFO COO CIO CMO VP SVP EVP USA UK EU US IT UX UI QA AI ML API SQL AWS GCP NYC LLC LLP INC LTD PHD MBA CPA JD RN MD FAQ PDF CV ETL BI KPI OKR SAAS CRM ERP SEO NASA NYT UCLA MIT NYU IBM JPL PTO EST PST CST GMT UTC AM PM ID OK TV PR IPO GPA USD EUR GBP'.split(' '),
);
const QUOTE_HEAD =
  /^[ \t]*(?:On\s[^\n]{0,300}?(?:\n[^\n]{0,300}?)?wrote:|-{2,}\s*(?:Original|Forwarded) Message\s*-{2,}|From:[^\n]*\n(?:[^\n]*\n)?(?:Sent|Date):)/m;
const SIGNOFF =
  /^[ \t]*(?:--|(?:best|kind|warm|warmest|many thanks|thanks|thank you|sincerely|regards|cheers|all the best|respectfully|yours|best wishes|with (?:thanks|gratitude|appreciation))(?:[ \t]+(?:regards|wishes|again|so much|truly|sincerely|faithfully))*[ \t]*[,.!]?)[ \t]*$/gim;

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

/** Builds a checker for `table` (compiled once, here). */
export function toneChecker(table: ToneTable): (text: string) => ToneFinding[] {
  const list = (Object.keys(table.rules) as ToneCategory[]).flatMap((c) => table.rules[c]!.map((r) => [c, ...r] as const));
  const main = new RegExp(`${B}(?:${list.map((r) => `(${compilePhrase(r[1])})${E}`).join('|')})`, 'gi');
  const unless = list.map((r) => (r[3] ? new RegExp(`${B}${compilePhrase(r[3])}${E}`, 'i') : null));
  return (text) => check(text, table.why, main, list, unless);
}

let builtIn: ((text: string) => ToneFinding[]) | undefined;
/** Finds pressure in `text` with the built-in rules (see the module comment). */
export const checkTone = (text: string): ToneFinding[] => (builtIn ??= toneChecker({ rules: RULES, why: WHY }))(text);

function check(
  text: string,
  why: ToneTable['why'],
  main: RegExp,
  list: (readonly [ToneCategory, ...ToneRule])[],
  unless: (RegExp | null)[],
): ToneFinding[] {
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
  const found: ToneFinding[] = [];
  const add = (start: number, end: number, category: ToneCategory, suggestion: string, w = why[category]) => {
    if (found.every((g) => end <= g.start || start >= g.end))
      found.push({ start, end, text: text.slice(start, end), category, why: w, suggestion });
  };

  main.lastIndex = 0;
  for (let m: RegExpExecArray | null; (m = main.exec(t)); ) {
    let k = 1;
    while (m[k] === undefined) k++;
    const r = list[k - 1]!;
    if (unless[k - 1]?.test(clauseBefore(t, m.index))) main.lastIndex = m.index + 1;
    else add(m.index, m.index + m[0].length, r[0], r[2]);
  }
  for (const m of t.matchAll(/[!?]{2,}/g)) {
    const q2 = m[0].includes('?');
    add(m.index, m.index + m[0].length, q2 ? 'impatience' : 'urgency', q2 ? '?' : '!', 'Stacked question or exclamation marks read as impatient or shouting.');
  }

  // One pass over the words: ALL-CAPS runs, and the word count for 'length'.
  let signoff = t.length;
  for (const m of t.matchAll(SIGNOFF)) signoff = m.index;
  let words = 0;
  let overStart = -1;
  let overEnd = -1;
  let run: { s: number; e: number; loud: number; letters: number } | null = null;
  const endRun = () => {
    if (run && (run.loud >= 3 || (run.loud >= 2 && run.letters >= 10))) {
      const s = text.slice(run.s, run.e);
      add(run.s, run.e, 'impatience', calm(s), 'Writing in capitals reads as shouting.');
    }
    run = null;
  };
  for (const m of t.matchAll(/[^\s\u0001]+/g)) {
    const tok = m[0];
    if (m.index < signoff && ++words > TONE_WORD_LIMIT) {
      if (overStart < 0) overStart = m.index;
      overEnd = m.index + tok.length;
    }
    if (/\p{Ll}/u.test(tok)) {
      endRun();
      continue;
    }
    const letters = tok.replace(/\P{L}/gu, '');
    if (!letters) continue;
    if (letters === letters.toLowerCase()) {
      endRun();
      continue;
    }
    const s = m.index + coreStart(tok);
    const e = m.index + coreEnd(tok);
    run ??= { s, e, loud: 0, letters: 0 };
    run.e = e;
    if (letters.length >= 3 && !ACR.has(letters) && !ACR.has(letters.replace(/S$/, ''))) {
      run.loud++;
      run.letters += letters.length;
    }
  }
  endRun();

  if (overStart >= 0) {
    // The overflow, from its first word not already inside a finding up to the next finding.
    let a = overStart;
    let stop = overEnd;
    for (const f of found.filter((g) => g.end > overStart && g.start < overEnd).sort((x, y) => x.start - y.start)) {
      if (/[^\s\u0001]/.test(t.slice(a, Math.max(a, f.start)))) {
        stop = f.start;
        break;
      }
      a = Math.max(a, f.end);
    }
    const seg = t.slice(a, stop);
    const s = a + seg.search(/[^\s\u0001]|$/);
    const e = a + seg.replace(/[\s\u0001]+$/, '').length;
    if (e > s) add(s, e, 'length', '', `At ${words} words this is much longer than a follow-up should be; aim for under 150.`);
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

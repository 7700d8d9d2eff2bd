/**
 * Sentence spans of an email body for the sentence-level tone layer. A sentence ends at . ! ? …
 * (and any closing quotes or brackets) followed by a space, or at a line break: in a compose
 * window a line break is a new line the writer typed (a greeting, a sign-off, a list item).
 * Runs of the quote mask (see tone.ts) are not text and end a sentence too.
 */

export type Span = { start: number; end: number };

/** Common abbreviations whose full stop does not end a sentence. */
const ABBREV = /(?:^|[\s(])(?:mr|mrs|ms|dr|prof|sr|jr|st|vs|etc|e\.g|i\.e|a\.m|p\.m|approx|dept|no|inc|ltd|co|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.$/i;

/** [start, end) of every sentence in `text` that has a letter, trimmed of surrounding spaces. */
export function sentenceSpans(text: string, mask = '\u0001'): Span[] {
  const out: Span[] = [];
  let start = 0;
  const push = (a: number, b: number) => {
    while (a < b && /\s/.test(text[a]!)) a++;
    while (b > a && /\s/.test(text[b - 1]!)) b--;
    if (b > a && /\p{L}/u.test(text.slice(a, b))) out.push({ start: a, end: b });
  };
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text[i]!;
    if (c === '\n' || c === mask) {
      push(start, i);
      start = i + 1;
      continue;
    }
    if (c === '.' || c === '!' || c === '?' || c === '…') {
      let j = i + 1;
      while (j < n && /[.!?…"'”’)\]]/.test(text[j]!)) j++;
      if (j < n && !/\s/.test(text[j]!)) {
        i = j - 1;
        continue; // "3.5", "e.g.x", "?!" inside a token
      }
      if (c === '.' && j === i + 1 && ABBREV.test(text.slice(Math.max(start, i - 8), i + 1))) continue;
      // "…" before a word in lower case leaves the sentence going ("the Senior Data Anal… role at Acme").
      if (c === '…' && j === i + 1) {
        let k = j;
        while (k < n && (text[k] === ' ' || text[k] === '\t')) k++;
        if (k < n && /\p{Ll}/u.test(text[k]!)) continue;
      }
      push(start, j);
      start = j;
      i = j - 1;
    }
  }
  push(start, n);
  return out;
}

/**
 * The one interface a webmail site implements. Each site keeps every selector
 * it knows in its own file (sites/gmail.ts, sites/outlook.ts), each with its
 * source; everything else in src/content is shared and never names a site's markup.
 *
 * Adapter methods may throw when a site changes shape: callers isolate each
 * compose, report the error (diagnostics) and carry on with the others.
 */
export interface ComposeAdapter {
  /** Selector for compose bodies: a compose is recognised from its body editor. */
  body: string;
  /** Selector for the containers composes are added to (docks, full-screen slots, compose hosts): watched for children. */
  containers: string;
  /** Selector for compose roots. */
  roots: string;
  /** The compose root around a body (every other query is scoped to it), or null. */
  root(body: HTMLElement): HTMLElement | null;
  /** The Send button of this compose (the control goes next to it), or null while unknown. */
  send(root: HTMLElement): HTMLElement | null;
  /** Puts the control's host element into the compose toolbar next to `send`; returns its removal. */
  mount(send: HTMLElement, host: HTMLElement): () => void;
  /** The subject field when it is shown for editing (inline replies hide it), else null. */
  subject(root: HTMLElement): HTMLInputElement | null;
  /** Addresses in To, Cc and Bcc, lower-cased; `typed`: also text typed but not yet made a recipient. */
  recipients(root: HTMLElement, body: HTMLElement, typed?: boolean): string[];
  /**
   * Adds addresses to To the way the site's own UI does (revealing or activating the field first),
   * writing only into the focused To field; true once they are recipients. On false, whatever it
   * typed has been taken back out.
   */
  addTo(root: HTMLElement, body: HTMLElement, emails: string[]): Promise<boolean>;
  /** Quoted earlier messages: these and everything after them are not the user's words. */
  quote: string;
  /** Other parts of the body that are not the user's words (signature). */
  skip: string;
  /** The site's own signature block in a compose body (outside the quoted messages): a draft then adds no name. */
  signature: string;
}

/** True when the compose body holds the site's signature (not one quoted from an earlier message). */
export function signed(site: ComposeAdapter, body: HTMLElement): boolean {
  return all(body, site.signature).some((el) => !el.closest(site.quote));
}

/** Characters that end an address in running text (besides whitespace and controls). */
const STOP = '<>"\'`;,:()[]\u00a0';
const TLD = /^[a-z]{2,}$/i;

/**
 * The address in s[a, b), lower-cased, or undefined: split on the last "@", then the local part
 * (1–64 characters, no "@") and the domain (dot-separated labels, none empty, the last two or more
 * letters) are checked one character at a time. `steps` counts the characters visited.
 */
function address(s: string, a: number, b: number, steps: { n: number }): string | undefined {
  for (; b > a && s[b - 1] === '.'; steps.n++) b--;
  let at = b - 1;
  for (; at >= a && s[at] !== '@'; steps.n++) at--;
  if (at <= a || at - a > 64 || b - at > 254) return undefined;
  for (let i = a; i < at; i++, steps.n++) if (s[i] === '@') return undefined;
  let label = 0;
  let lastDot = -1;
  for (let i = at + 1; i < b; i++, steps.n++) {
    if (s[i] === '.') {
      if (!label) return undefined;
      label = 0;
      lastDot = i;
    } else if (++label > 63) return undefined;
  }
  // The top-level domain: two or more letters (at most 63: a constant number of steps).
  return lastDot > 0 && TLD.test(s.slice(lastDot + 1, b)) ? s.slice(a, b).toLowerCase() : undefined;
}

/**
 * Email addresses found in a string (chip text, typed text, attributes), lower-cased. One pass
 * over the text plus one over each word: linear in the length of any input, however hostile
 * (issue 16, F3: the regular expression it replaces backtracked for seconds on a run of "@").
 */
export function emailsIn(text: string | null | undefined, steps = { n: 0 }): string[] {
  const s = text ?? '';
  const found: string[] = [];
  let start = 0;
  for (let i = 0; i <= s.length; i++, steps.n++) {
    const c = s[i];
    if (c === undefined || c <= ' ' || STOP.includes(c)) {
      const e = i > start ? address(s, start, i, steps) : undefined;
      if (e) found.push(e);
      start = i + 1;
    }
  }
  return found;
}

export function visible(el: Element | null | undefined): boolean {
  return !!el && el.getBoundingClientRect().width > 0;
}

/** querySelectorAll as an array. */
export const all = <E extends Element = HTMLElement>(root: ParentNode, sel: string) => [...root.querySelectorAll<E>(sel)];

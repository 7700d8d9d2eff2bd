/**
 * The one interface a webmail site implements. Each site keeps every selector
 * it knows in its own file (sites/gmail.ts, sites/outlook.ts); everything else
 * in src/content is shared and never names a site's markup.
 *
 * Adapter methods may throw when a site changes shape: callers treat any throw
 * as "not recognised" (fail soft).
 */
export interface ComposeAdapter {
  /** Selector for compose bodies: a compose is recognised from its body editor. */
  body: string;
  /** The compose root around a body (every other query is scoped to it), or null. */
  root(body: HTMLElement): HTMLElement | null;
  /** The Send button of this compose (the control goes next to it), or null while unknown. */
  send(root: HTMLElement): HTMLElement | null;
  /** Puts the control's host element into the compose toolbar next to `send`; returns its removal. */
  mount(send: HTMLElement, host: HTMLElement): () => void;
  /** The subject field when it is shown for editing (inline replies hide it), else null. */
  subject(root: HTMLElement): HTMLInputElement | null;
  /** Addresses in To, Cc and Bcc, lower-cased. */
  recipients(root: HTMLElement, body: HTMLElement): string[];
  /** Adds addresses to the To field; false when it cannot be found. */
  addTo(root: HTMLElement, emails: string[]): boolean;
  /** Quoted earlier messages: these and everything after them are not the user's words. */
  quote: string;
  /** Other parts of the body that are not the user's words (signature). */
  skip: string;
}

const EMAIL = /[^\s<>"'`;,:()[\]]+@[^\s<>"'`;,:()[\]]+\.[a-z]{2,}/gi;

/** Email addresses found in a string (chip text, typed text), lower-cased. */
export function emailsIn(text: string | null | undefined): string[] {
  return (text ?? '').match(EMAIL)?.map((e) => e.toLowerCase()) ?? [];
}

export function visible(el: Element | null): boolean {
  return !!el && el.getBoundingClientRect().width > 0;
}

/** querySelectorAll as an array. */
export const all = <E extends Element = HTMLElement>(root: ParentNode, sel: string) => [...root.querySelectorAll<E>(sel)];

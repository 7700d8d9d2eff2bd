/**
 * Failures are reported, never swallowed (issue 14): each goes to the background's small ring of
 * recent errors (storage.session), with the skeleton of the compose it happened in, for "Copy
 * diagnostics" in Options. That is how we learn about the real sites without telemetry: the user
 * reads it and pastes it into a bug report.
 */
import { send } from './client';

/** Not walked into: the user's text (editors) and recipients (chips carry names and addresses). */
const PRIVATE = '[contenteditable],[role=textbox],[role=option],[data-hovercard-id],[email],textarea,input';
const ATTRS = ['role', 'name', 'type', 'aria-label', 'contenteditable', 'g_editable', 'data-app-section'];

/**
 * The structure of a compose: one line per element (at most 400) with its tag, id, classes and the
 * attributes above, indented by depth, marked when not shown. No text, no values, no addresses:
 * private parts are listed without their label and not walked into, and any word holding "@" is
 * left out.
 */
export function skeleton(root: Element): string {
  const lines: string[] = [];
  const stack: [Element, string][] = [[root, '']];
  for (let item; lines.length < 400 && (item = stack.pop()); ) {
    const [el, pad] = item;
    const closed = el !== root && el.matches(PRIVATE);
    let line = `${pad}${el.localName}${el.id && `#${el.id}`}${[...el.classList].map((c) => `.${c}`).join('')}`;
    for (const a of closed ? ATTRS.slice(0, 3) : ATTRS) if (el.hasAttribute(a)) line += `[${a}="${el.getAttribute(a)!.slice(0, 60)}"]`;
    if (!el.getClientRects().length) line += ' (hidden)';
    if (!el.localName.startsWith('followup-')) lines.push(line.slice(0, 400).split(' ').map((w) => (w.includes('@') ? '<address>' : w)).join(' '));
    if (!closed) for (const k of [...el.children].reverse()) stack.push([k, `${pad}  `]);
  }
  return lines.join('\n');
}

/**
 * Sends a failure to the background (its ring of recent errors): `where`, a short code naming what
 * failed; `error`, the exception if there was one; `root`, the compose it happened in (its skeleton).
 */
export function report(where: string, error?: unknown, root?: Element | null): void {
  const message = String((error as Error | undefined)?.message ?? error ?? where).slice(0, 500);
  let shape: string | undefined;
  try {
    shape = root ? skeleton(root).slice(0, 20_000) : undefined;
  } catch {
    // The skeleton is a bonus; the error itself still goes.
  }
  send('reportError', { where, message, ...(shape ? { skeleton: shape } : {}) }).catch(() => undefined);
}

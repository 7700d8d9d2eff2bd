/**
 * Editing a webmail editor the way a user would, so the page registers the
 * change (draft autosave, React state): execCommand('insertText'), the
 * browser's own input path. Text only: no HTML string is ever parsed. Works on
 * nodes of any same-origin document.
 *
 * Issue 14: nothing is ever written into a field that does not have focus
 * (execCommand writes wherever focus is), every write is read back, and a
 * write that did not land as intended is taken back out (`snap`). An editor
 * that refuses the command is not written behind its back: the caller tells
 * the user plainly instead.
 */
const BLOCK = /^(div|p|li|ul|ol|blockquote|h[1-6]|pre|table|tr|hr|section|article|header|footer)$/;

/** An editor's text, with block boundaries and <br> as "\n", and where each text node starts in it. */
export type TextMap = { text: string; segs: [Text, number][] };

/**
 * Reads the text of `el`, skipping subtrees matching `skip` (signature) and
 * stopping at the first element matching `quote` (quoted earlier messages).
 * Walks with parent pointers, not recursion, so no depth of markup overflows
 * the stack (issue 16, F4).
 */
export function readText(el: Element, quote = '', skip = ''): TextMap {
  let text = '';
  const segs: [Text, number][] = [];
  const nl = () => {
    if (text && !text.endsWith('\n')) text += '\n';
  };
  const block = (n: Node) => n.nodeType === 1 && BLOCK.test((n as Element).localName);
  let n: Node | null = el.firstChild;
  while (n) {
    let down = false;
    if (n.nodeType === 3) {
      segs.push([n as Text, text.length]);
      text += (n as Text).data;
    } else if (n.nodeType === 1) {
      const e = n as Element;
      if (quote && e.matches(quote)) break;
      if (!(skip && e.matches(skip))) {
        if (e.localName === 'br') text += '\n';
        else {
          if (block(e)) nl();
          down = !!e.firstChild;
          if (!down && block(e)) nl();
        }
      }
    }
    if (down) {
      n = n.firstChild;
      continue;
    }
    while (n && n !== el && !n.nextSibling) {
      n = n.parentNode;
      if (n && n !== el && block(n)) nl();
    }
    n = n && n !== el ? n.nextSibling : null;
  }
  return { text, segs };
}

/** The text node and offset at a position of a TextMap (`end`: a range end, which may sit at a node's end). */
function point(map: TextMap, pos: number, end: boolean): [Text, number] | undefined {
  for (const [node, start] of map.segs) {
    const offset = pos - start;
    if (end ? offset > 0 && offset <= node.data.length : offset >= 0 && offset < node.data.length) return [node, offset];
  }
}

// Optional call: a document without execCommand refuses, like an editor that cancels the command.
const exec = (el: Element, command: string, value?: string) => !!el.ownerDocument.execCommand?.(command, false, value);
const content = (el: HTMLElement) => ('value' in el ? String(el.value) : el.textContent);
const isField = (el: Element) => el.localName === 'input' || el.localName === 'textarea';
/** Whitespace-insensitive text, for reading back what was written. */
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

/** True when `el` is its document's focused element. */
export const focused = (el: HTMLElement): boolean => el.ownerDocument.activeElement === el;

/** Focuses `el` (a hidden element refuses); true when it has focus afterwards. */
export function focus(el: HTMLElement): boolean {
  if (!focused(el)) el.focus({ preventScroll: true });
  return focused(el);
}

/** Puts the caret in `el` at its start or end; false when `el` does not have focus. */
function caret(el: HTMLElement, atEnd: boolean): boolean {
  if (!focus(el)) return false;
  if (isField(el)) {
    const input = el as HTMLInputElement;
    const at = atEnd ? input.value.length : 0;
    input.setSelectionRange(at, at);
  } else {
    const range = el.ownerDocument.createRange();
    range.selectNodeContents(el);
    range.collapse(!atEnd);
    const sel = el.ownerDocument.getSelection();
    sel?.removeAllRanges();
    sel?.addRange(range);
  }
  return focused(el);
}

/**
 * A snapshot of a field or editor; calling it puts back what was there and tells the page, and
 * says whether anything had changed.
 */
export function snap(el: HTMLElement): () => boolean {
  const before = content(el);
  const kids = isField(el) ? [] : [...el.childNodes].map((k) => k.cloneNode(true));
  return () => {
    if (content(el) === before) return false;
    if (isField(el)) (el as HTMLInputElement).value = before ?? '';
    else el.replaceChildren(...kids.map((k) => k.cloneNode(true)));
    el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'historyUndo' }));
    return true;
  };
}

/**
 * Types `text` at the end of `el` (an input, a textarea or a one-line editor), only while `el`
 * has focus. True when `el` changed and kept focus; the caller checks the result makes sense
 * for the site (a recipient chip) and takes it back with `snap` if not.
 */
export function typeInto(el: HTMLElement, text: string): boolean {
  const before = content(el);
  return caret(el, true) && exec(el, 'insertText', text) && focused(el) && content(el) !== before;
}

/** Replaces the value of a text field (subject) through its input path; false (and nothing changed) when it did not land. */
export function setValue(input: HTMLInputElement, value: string): boolean {
  const undo = snap(input);
  if (focus(input)) {
    input.select();
    if (exec(input, 'insertText', value) && input.value === value) {
      input.dispatchEvent(new Event('change', { bubbles: true }));
      return true;
    }
  }
  undo();
  return false;
}

/**
 * Inserts `text` at the top of the body, paragraph by paragraph, keeping what is already there
 * (the user's words, the signature) below it. False, with the body as it was, when the body
 * could not get focus or the text did not end up there in full.
 */
export function insertAtTop(body: HTMLElement, text: string): boolean {
  const lines = text.replace(/\r\n?/g, '\n').trim().split('\n');
  const was = readText(body).text;
  // When the first line already holds words, they move below the draft after a blank line.
  const follow = /\S/.test(was.split('\n')[0]!);
  const undo = snap(body);
  const step = (command: string, value?: string) => focused(body) && exec(body, command, value);
  let ok = caret(body, false) && step('insertText', lines[0]);
  for (const line of lines.slice(1)) ok &&= step('insertParagraph') && (!line || step('insertText', line));
  if (ok && follow) ok = step('insertParagraph') && step('insertParagraph');
  const now = norm(readText(body).text);
  if (ok && now.startsWith(norm(text)) && now.endsWith(norm(was))) return true;
  undo();
  return false;
}

/** Replaces [start, end) of the editor's text (a TextMap read just before) with `text`; false when it could not. */
export function replaceText(body: HTMLElement, map: TextMap, start: number, end: number, text: string): boolean {
  const a = point(map, start, false);
  const b = end > start ? point(map, end, true) : a;
  if (!a || !b || !focus(body)) return false;
  const range = body.ownerDocument.createRange();
  range.setStart(...a);
  range.setEnd(...b);
  const sel = body.ownerDocument.getSelection();
  sel?.removeAllRanges();
  sel?.addRange(range);
  const before = body.textContent;
  // An empty insertText does nothing in Chromium: a removal is a delete.
  return exec(body, text ? 'insertText' : 'delete', text) && body.textContent !== before;
}

/** Waits (up to `ms`) until `fn` returns something truthy, checking every 20 ms; null when it never did. */
export async function until<T>(fn: () => T | null | undefined | false, ms = 600): Promise<T | null> {
  for (let waited = 0; ; waited += 20) {
    const v = fn();
    if (v) return v;
    if (waited >= ms) return null;
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A live Range over [start, end) of the editor's text (a TextMap read just before), or null. */
export function rangeOf(map: TextMap, start: number, end: number): Range | null {
  const a = point(map, start, false);
  const b = point(map, end, true);
  if (!a || !b) return null;
  const r = a[0].ownerDocument.createRange();
  r.setStart(...a);
  r.setEnd(...b);
  return r;
}

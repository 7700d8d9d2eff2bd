/**
 * Editing a webmail editor the way a user would, so the page registers the
 * change (draft autosave, React state): execCommand('insertText') first, a
 * DOM edit plus an `input` event when the editor refuses it. Text only: no
 * HTML string is ever parsed. Works on nodes of any same-origin document.
 */
const BLOCK = /^(div|p|li|ul|ol|blockquote|h[1-6]|pre|table|tr|hr|section|article|header|footer)$/;

/** An editor's text, with block boundaries and <br> as "\n", and where each text node starts in it. */
export type TextMap = { text: string; segs: [Text, number][] };

/**
 * Reads the text of `el`, skipping subtrees matching `skip` (signature) and
 * stopping at the first element matching `quote` (quoted earlier messages).
 */
export function readText(el: Element, quote = '', skip = ''): TextMap {
  let text = '';
  let stop = false;
  const segs: [Text, number][] = [];
  const nl = () => {
    if (text && !text.endsWith('\n')) text += '\n';
  };
  const walk = (parent: Node): void => {
    for (let n = parent.firstChild; n && !stop; n = n.nextSibling) {
      if (n.nodeType === 3) {
        segs.push([n as Text, text.length]);
        text += (n as Text).data;
      } else if (n.nodeType === 1) {
        const e = n as Element;
        if (quote && e.matches(quote)) stop = true;
        else if (skip && e.matches(skip)) continue;
        else if (e.localName === 'br') text += '\n';
        else {
          const block = BLOCK.test(e.localName);
          if (block) nl();
          walk(e);
          if (block) nl();
        }
      }
    }
  };
  walk(el);
  return { text, segs };
}

/** The text node and offset at a position of a TextMap (`end`: a range end, which may sit at a node's end). */
function point(map: TextMap, pos: number, end: boolean): [Text, number] | undefined {
  for (const [node, start] of map.segs) {
    const offset = pos - start;
    if (end ? offset > 0 && offset <= node.data.length : offset >= 0 && offset < node.data.length) return [node, offset];
  }
}

function fire(el: Element, data: string): void {
  el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data }));
}

function select(el: HTMLElement, range: Range): void {
  el.focus();
  const sel = el.ownerDocument.getSelection();
  sel?.removeAllRanges();
  sel?.addRange(range);
}

// Optional call: a document without execCommand (or one that refuses it) takes the DOM path.
const exec = (el: Element, command: string, value?: string) => !!el.ownerDocument.execCommand?.(command, false, value);
const content = (el: HTMLElement) => ('value' in el ? String(el.value) : el.textContent);

/** Types `text` at the end of an input or a single-line editor. */
export function typeInto(el: HTMLElement, text: string): void {
  const input = el as HTMLInputElement;
  const before = content(el);
  if (el.localName === 'input' || el.localName === 'textarea') {
    el.focus();
    input.setSelectionRange(input.value.length, input.value.length);
  } else {
    const range = el.ownerDocument.createRange();
    range.selectNodeContents(el);
    range.collapse(false);
    select(el, range);
  }
  if (exec(el, 'insertText', text) && content(el) !== before) return;
  if ('value' in el) input.value += text;
  else el.append(text);
  fire(el, text);
}

/** Replaces the value of a text field (subject) through its input path. */
export function setValue(input: HTMLInputElement, value: string): void {
  input.focus();
  input.select();
  if (!exec(input, 'insertText', value) || input.value !== value) {
    input.value = value;
    fire(input, value);
  }
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/**
 * Inserts `text` at the top of the body, paragraph by paragraph, keeping what
 * is already there (the user's words, the signature) below it.
 */
export function insertAtTop(body: HTMLElement, text: string): void {
  const doc = body.ownerDocument;
  const lines = text.replace(/\r\n?/g, '\n').trim().split('\n');
  // When the first line already holds words, they move below the draft after a blank line.
  const follow = /\S/.test(readText(body).text.split('\n')[0]!);
  const range = doc.createRange();
  range.setStart(body, 0);
  select(body, range);
  const before = body.textContent;
  if (exec(body, 'insertText', lines[0]) && body.textContent !== before) {
    for (const line of lines.slice(1)) {
      exec(body, 'insertParagraph');
      if (line) exec(body, 'insertText', line);
    }
    if (follow && exec(body, 'insertParagraph')) exec(body, 'insertParagraph');
    return;
  }
  const frag = doc.createDocumentFragment();
  for (const line of follow ? [...lines, ''] : lines) {
    const div = doc.createElement('div');
    div.append(line || doc.createElement('br'));
    frag.append(div);
  }
  body.insertBefore(frag, body.firstChild);
  fire(body, text);
}

/** Replaces [start, end) of the editor's text (a TextMap read just before) with `text`. */
export function replaceText(body: HTMLElement, map: TextMap, start: number, end: number, text: string): boolean {
  const a = point(map, start, false);
  const b = end > start ? point(map, end, true) : a;
  if (!a || !b) return false;
  const range = body.ownerDocument.createRange();
  range.setStart(...a);
  range.setEnd(...b);
  select(body, range);
  const before = body.textContent;
  if (exec(body, 'insertText', text) && body.textContent !== before) return true;
  range.deleteContents();
  range.insertNode(body.ownerDocument.createTextNode(text));
  fire(body, text);
  return true;
}

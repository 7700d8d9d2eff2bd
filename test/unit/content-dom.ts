/**
 * Helpers for the content script's unit tests on happy-dom, which has no layout, no
 * execCommand and no trusted events: the fixtures' markup, a stand-in layout, a stand-in
 * execCommand that edits where focus is (as browsers do), and the user's clicks on our UI.
 */
import { readFileSync } from 'node:fs';
import { vi } from 'vitest';
import { press, shadowOf } from '../../src/content/ui';

/** Loads a fixture's markup (its own script stripped: these tests drive the DOM themselves). */
export function load(name: string): void {
  const html = readFileSync(`test/fixtures/${name}`, 'utf8').replace(/<script>[\s\S]*?<\/script>/g, '');
  document.documentElement.innerHTML = html.replace(/^[\s\S]*?<html[^>]*>/, '').replace(/<\/html>\s*$/, '');
}

export const clone = (id: string) => (document.getElementById(id) as HTMLTemplateElement).content.firstElementChild!.cloneNode(true) as HTMLElement;
export const div = (text: string) => Object.assign(document.createElement('div'), { textContent: text });

/** A Gmail compose from the fixture's template with the given recipients UI, docked (or put in `where`). */
export function gmailCompose(kind: 'chips' | 'legacy' | 'renamed' = 'chips', where = '#dock'): HTMLElement {
  const mole = clone('compose-template');
  mole.querySelector('[data-slot=to]')!.append(clone(`to-${kind}`));
  document.querySelector(where)!.prepend(mole);
  return mole.querySelector<HTMLElement>('.M9')!;
}

/** No layout in happy-dom: anything not inside display:none gets a width. */
export function fakeLayout(): void {
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
    const hidden = !!this.closest('[style*="display:none"], [style*="display: none"]');
    return { x: 0, y: 0, top: 0, left: 0, bottom: 20, right: 100, width: hidden ? 0 : 100, height: hidden ? 0 : 20, toJSON() {} } as DOMRect;
  });
  vi.spyOn(Element.prototype, 'getClientRects').mockImplementation(function (this: Element) {
    return (this.closest('[style*="display:none"], [style*="display: none"]') ? [] : [{}]) as unknown as DOMRectList;
  });
  // A hidden element cannot take focus, as in a browser.
  const focus = HTMLElement.prototype.focus;
  vi.spyOn(HTMLElement.prototype, 'focus').mockImplementation(function (this: HTMLElement, options?: FocusOptions) {
    if (!this.closest('[style*="display:none"], [style*="display: none"]')) focus.call(this, options);
  });
}

/**
 * A stand-in for document.execCommand: like a browser, it edits whatever has focus (an input at
 * its selection, an editable element at the caret) and fires `input`. `insertParagraph` puts a
 * <br> (read as a line break). `log` records each command with the element it went to.
 */
export function fakeExecCommand(doc: Document = document): { command: string; value?: string; target: Element | null }[] {
  const log: { command: string; value?: string; target: Element | null }[] = [];
  (doc as unknown as { execCommand: (command: string, ui?: boolean, value?: string) => boolean }).execCommand = (command, _ui, value) => {
    const el = doc.activeElement as HTMLElement | null;
    log.push({ command, value, target: el });
    if (!el || !['insertText', 'insertParagraph'].includes(command)) return false;
    if (el.localName === 'input' || el.localName === 'textarea') {
      if (command !== 'insertText') return false;
      const input = el as HTMLInputElement;
      const start = input.selectionStart ?? input.value.length;
      const end = input.selectionEnd ?? start;
      input.value = input.value.slice(0, start) + value + input.value.slice(end);
      input.setSelectionRange(start + value!.length, start + value!.length);
    } else {
      if (el.getAttribute('contenteditable') !== 'true') return false;
      const sel = doc.getSelection()!;
      const range = sel.rangeCount ? sel.getRangeAt(0) : doc.createRange();
      range.deleteContents();
      const node = command === 'insertText' ? doc.createTextNode(value!) : doc.createElement('br');
      range.insertNode(node);
      range.setStartAfter(node);
      range.collapse(true);
      sel.removeAllRanges();
      sel.addRange(range);
    }
    el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: command, data: value ?? null }));
    return true;
  };
  return log;
}

// happy-dom keeps a removed element as document.activeElement (a browser resets it to <body>), and
// ShadowRoot.activeElement then throws walking up from it: answer null, as a browser would.
const active = Object.getOwnPropertyDescriptor(ShadowRoot.prototype, 'activeElement')!;
Object.defineProperty(ShadowRoot.prototype, 'activeElement', {
  get(this: ShadowRoot) {
    try {
      return active.get!.call(this);
    } catch {
      return null;
    }
  },
});

/** The closed shadow root of one of our hosts (the page itself gets null from host.shadowRoot). */
export const control = (root: Element) => shadowOf(root.querySelector('followup-control')!)!;
/** A user's click on one of our buttons (happy-dom makes no trusted events). */
export const click = (el: Element | null | undefined) => press(el!);
export const buttonIn = (root: ShadowRoot, label: string) => [...root.querySelectorAll('button')].find((b) => b.textContent!.startsWith(label));

/**
 * Replaces MutationObserver with one that counts every record it gives its callback (our
 * observers' cost); `vi.unstubAllGlobals()` puts the real one back.
 */
export function countRecords(): { n: number } {
  const counted = { n: 0 };
  const Native = MutationObserver;
  vi.stubGlobal(
    'MutationObserver',
    class extends Native {
      constructor(fn: MutationCallback) {
        super((records, observer) => {
          counted.n += records.length;
          fn(records, observer);
        });
      }
    },
  );
  return counted;
}

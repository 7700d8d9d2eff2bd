/** A small status message with an optional Undo, in its own closed shadow root. */
import { T } from './strings';
import { button, h, shadowHost } from './ui';

export function toast(doc: Document, text: string, undo?: () => Promise<boolean>): void {
  const [host, root] = shadowHost(doc, 'followup-toast');
  const msg = h(doc, 'span', null, text);
  const box = h(doc, 'div', { class: 't', role: 'status' }, msg);
  let timer = 0;
  const later = (ms: number) => {
    clearTimeout(timer);
    // Stays while focus is on it.
    timer = setTimeout(() => (root.activeElement ? later(ms) : host.remove()), ms);
  };
  if (undo) {
    const b = button(doc, T('undo'), async () => {
      b.remove();
      msg.textContent = (await undo().catch(() => false)) ? T('undone') : T('undoFailed');
      later(4000);
    });
    box.append(b);
    // Stays while the pointer is on it.
    box.addEventListener('mouseenter', () => clearTimeout(timer));
    box.addEventListener('mouseleave', () => later(6000));
  }
  root.append(box);
  (doc.body ?? doc.documentElement).append(host);
  later(12000);
}

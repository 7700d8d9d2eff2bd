/**
 * Pressing words shown where they are (issue 13): each finding is underlined in place, in a layer
 * in our closed shadow root over the page, drawn from Range.getClientRects() of the words in the
 * editor. It follows typing (each finding is found again in the current text), scrolling and
 * resizing, redrawn once a frame at most; a new answer is drawn at once.
 *
 * An underline opens its card: the reason, the calmer wording and Replace (the compose's `fix`,
 * which edits through the editor's own input path, so the editor's undo takes it back). In a card,
 * the arrow keys go to the previous or next finding and Escape goes back to the text. The same
 * findings are listed in the control's panel, which the keyboard and screen readers reach.
 */
import type { ToneFinding } from '../domain/tone';
import type { Compose } from './compose';
import { rangeOf, readText } from './editor';
import { T } from './strings';
import { locate } from './tone';
import { button, h, patch, shadowHost } from './ui';

export type ToneMarks = { draw(): void; destroy(): void };

const CSS = `.u{position:fixed;height:3px;padding:0;border:0;border-radius:0;background:#d93025;pointer-events:auto;cursor:pointer}
.c{pointer-events:auto;width:320px}`;

export function toneMarks(c: Compose): ToneMarks {
  const { body, site } = c;
  const doc = body.ownerDocument;
  const win = doc.defaultView!;
  const [host, shadow] = shadowHost(doc, 'followup-tone', (e) => {
    const k = e.key;
    if (k === 'Escape') hide(true);
    else if (/^Arrow/.test(k) && open >= 0) {
      e.preventDefault();
      show(open + (k === 'ArrowLeft' || k === 'ArrowUp' ? -1 : 1));
    }
  });
  host.style.cssText = 'position:fixed;inset:0;margin:0;pointer-events:none;z-index:2147483645;display:block';
  const layer = h(doc, 'div');
  shadow.append(h(doc, 'style', null, CSS), layer);
  /** The finding whose card is open, or -1. */
  let open = -1;
  let frame = 0;

  /** Where each finding is now, on the screen: [finding, its rects inside the editor's box]. */
  const places = (): [ToneFinding, DOMRect[]][] => {
    const map = readText(body, site.quote, site.skip);
    const box = body.getBoundingClientRect();
    return c.findings.map((f) => {
      const at = locate(map.text, f);
      const rects = at < 0 ? [] : [...(rangeOf(map, at, at + f.text.length)?.getClientRects() ?? [])];
      return [f, rects.filter((r) => r.width > 0 && r.bottom > box.top && r.bottom <= box.bottom + 2)];
    });
  };

  function draw(): void {
    cancelAnimationFrame(frame);
    const kids: Node[] = [];
    const all = places();
    all.forEach(([f, rects], i) => {
      for (const r of rects) {
        const u = button(doc, '', () => show(i), { class: 'u', tabindex: '-1', 'aria-hidden': 'true', title: f.why });
        u.style.cssText = `left:${r.left}px;top:${r.bottom - 1}px;width:${r.width}px`;
        kids.push(u);
      }
    });
    const place = all[open];
    if (place?.[1][0]) {
      const [f, [r]] = place as [ToneFinding, DOMRect[]];
      const card = h(
        doc,
        'div',
        { class: 'p c', role: 'dialog', 'aria-label': T('toneCard'), tabindex: '-1' },
        h(doc, 'div', { class: 'hd' }, h(doc, 'q', null, f.text.length > 90 ? `${f.text.slice(0, 87)}…` : f.text), button(doc, '×', () => hide(true), { class: 'x', 'aria-label': T('close'), 'data-k': 'x' })),
        h(doc, 'p', { class: 'm' }, f.why),
        f.suggestion && h(doc, 'p', null, `${T('instead')} `, h(doc, 'q', null, f.suggestion)),
        h(doc, 'div', { class: 'row' }, button(doc, T('toneReplace'), () => (hide(true), c.fix(f)), { class: 'go', 'data-k': 'r' })),
      );
      const below = r!.bottom + 8 + 200 < win.innerHeight;
      card.style.cssText = `left:${Math.max(8, Math.min(r!.left, win.innerWidth - 336))}px;${below ? `top:${r!.bottom + 6}` : `bottom:${win.innerHeight - r!.top + 6}`}px`;
      kids.push(card);
    } else open = -1;
    // Drawn again (typing, scrolling): focus stays on the card's button it was on.
    const focused = (shadow.activeElement as HTMLElement | null)?.dataset.k;
    patch(layer, kids);
    if (focused) shadow.querySelector<HTMLElement>(`[data-k=${focused}]`)?.focus();
    // On the page only while it shows something.
    if (!kids.length) host.remove();
    else if (!host.isConnected) (doc.body ?? doc.documentElement).append(host);
  }

  /** Opens finding `i`'s card (wrapping around) and puts focus on its Replace. */
  function show(i: number): void {
    const n = c.findings.length;
    if (!n) return;
    open = (i + n) % n;
    draw();
    shadow.querySelector<HTMLElement>('[data-k=r]')?.focus();
  }

  function hide(refocus: boolean): void {
    open = -1;
    draw();
    if (refocus) body.focus({ preventScroll: true });
  }

  const later = (): void => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(draw);
  };
  const resize = new ResizeObserver(later);
  resize.observe(body);
  doc.addEventListener('scroll', later, true);
  win.addEventListener('resize', later);
  body.addEventListener('input', later);

  return {
    draw,
    destroy() {
      cancelAnimationFrame(frame);
      resize.disconnect();
      doc.removeEventListener('scroll', later, true);
      win.removeEventListener('resize', later);
      body.removeEventListener('input', later);
      host.remove();
    },
  };
}

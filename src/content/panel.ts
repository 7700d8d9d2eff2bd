/**
 * The panel under the control: the interview this email is about (matched by
 * recipient, else a choice), the drafts due now with a preview and Insert, and
 * the pressing words found in the user's text with a one-click calmer wording.
 */
import type { DraftKind } from '../domain/types';
import type { ResponseOf } from '../shared/protocol';
import { send } from './client';
import type { Compose } from './compose';
import { kindName, T } from './strings';
import { button, h } from './ui';

export class Panel {
  private readonly el: HTMLElement;
  private readonly doc: Document;
  /** undefined while loading, null when the background could not answer. */
  private ctx?: ResponseOf<'composeContext'> | null;
  private id?: string;
  private kind?: DraftKind;
  private choose = false;
  private confirm = false;

  constructor(
    private readonly c: Compose,
    focus: boolean,
  ) {
    const doc = (this.doc = c.root.ownerDocument);
    this.el = h(doc, 'div', { class: 'p', role: 'dialog', 'aria-label': 'FollowUp' });
    this.el.addEventListener('keydown', (e) => e.key === 'Escape' && c.close(true));
    c.shadow.append(this.el);
    this.place();
    this.render();
    if (focus) this.el.querySelector('button')?.focus();
    doc.addEventListener('mousedown', this.outside, true);
    send('composeContext', { recipients: c.recipients() })
      .then((r) => (r?.ok ? r : null), () => null)
      .then((ctx) => {
        this.ctx = ctx;
        this.id = ctx?.interviews.find((i) => i.matched)?.id;
        this.render();
      });
  }

  destroy(): void {
    this.el.remove();
    this.doc.removeEventListener('mousedown', this.outside, true);
  }

  private readonly outside = (e: Event) => {
    if (!e.composedPath().includes(this.c.host)) this.c.close();
  };

  /** Fixed next to the control, above it when the toolbar is low on the screen. */
  private place(): void {
    const r = this.c.btn.getBoundingClientRect();
    const win = this.doc.defaultView!;
    const s = this.el.style;
    const below = win.innerHeight - r.bottom;
    s.left = `${Math.max(8, Math.min(r.right - 340, win.innerWidth - 348))}px`;
    if (r.top > below) {
      s.bottom = `${win.innerHeight - r.top + 6}px`;
      s.maxHeight = `${r.top - 14}px`;
    } else {
      s.top = `${r.bottom + 6}px`;
      s.maxHeight = `${below - 14}px`;
    }
  }

  render(): void {
    const { doc, c, ctx } = this;
    const p = (...kids: (Node | string | false)[]) => h(doc, 'p', null, ...kids);
    const row = (...kids: Node[]) => h(doc, 'div', { class: 'row' }, ...kids);
    const redo = (f: () => void) => () => {
      f();
      this.render();
    };
    const focused = (c.shadow.activeElement as HTMLElement | null)?.dataset.k;
    const kids: Node[] = [h(doc, 'div', { class: 'hd' }, 'FollowUp', button(doc, '×', () => c.close(true), { class: 'x', 'aria-label': T.close, 'data-k': 'x' }))];
    const iv = ctx?.interviews.find((i) => i.id === this.id);

    if (ctx === undefined) kids.push(p(T.loading));
    else if (ctx === null) kids.push(p(T.offline));
    else if (!ctx.loggedAny) kids.push(p(T.none));
    else if (!ctx.interviews.length) kids.push(p(T.nothing));
    else if (!iv || this.choose)
      kids.push(
        p(T.which),
        h(
          doc,
          'div',
          { class: 'list' },
          ...ctx.interviews.map((i) =>
            button(doc, `${i.company} — ${i.role} · ${new Date(i.interviewAt).toLocaleDateString()}`, redo(() => {
              this.id = i.id;
              this.choose = this.confirm = false;
            }), { 'data-k': `i${i.id}` }),
          ),
        ),
      );
    else {
      kids.push(p(T.about, h(doc, 'strong', null, `${iv.company} — ${iv.role}`), ' ', button(doc, T.change, redo(() => (this.choose = true)), { class: 'x' })));
      const d = iv.drafts.find((x) => x.kind === this.kind) ?? iv.drafts[0];
      if (!d) kids.push(p(T.noDraft));
      else {
        kids.push(
          row(...iv.drafts.map((x) => button(doc, kindName(x.kind), redo(() => ((this.kind = x.kind), (this.confirm = false))), { 'aria-pressed': String(x === d), 'data-k': x.kind }))),
          h(doc, 'div', { class: 'pv' }, h(doc, 'div', { class: 'm' }, T.to + d.draft.to.join(', ')), h(doc, 'div', { class: 'm' }, T.subject + d.draft.subject), h(doc, 'div', null, d.draft.body)),
        );
        const subject = c.site.subject(c.root)?.value.trim();
        const go = (replace: boolean) => () => {
          c.close();
          c.insert(iv, d.kind, d.draft, replace);
        };
        if (this.confirm && subject)
          kids.push(p(T.replace(subject)), row(button(doc, T.replaceYes, go(true), { class: 'go', 'data-k': 'go' }), button(doc, T.keep, go(false))));
        else
          kids.push(row(button(doc, T.insert, subject && subject !== d.draft.subject ? redo(() => (this.confirm = true)) : go(false), { class: 'go', 'data-k': 'go' })));
      }
    }

    if (c.findings.length) {
      kids.push(h(doc, 'h2', null, T.words(c.findings.length)));
      c.findings.forEach((f, i) =>
        kids.push(
          h(
            doc,
            'div',
            { class: 'f' },
            h(doc, 'q', null, f.text.length > 140 ? `${f.text.slice(0, 137)}…` : f.text),
            h(doc, 'div', { class: 'm' }, f.why),
            f.suggestion && p(T.instead, h(doc, 'q', null, f.suggestion)),
            button(doc, T.calmer, () => c.fix(f), { 'data-k': `f${i}` }),
          ),
        ),
      );
    }
    this.el.replaceChildren(...kids);
    if (focused) ([...this.el.querySelectorAll<HTMLElement>('[data-k]')].find((e) => e.dataset.k === focused) ?? this.el.querySelector('button'))?.focus();
  }
}

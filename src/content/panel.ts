/**
 * The panel under the control: the interview this email is about (matched by
 * recipient, else the user's choice), the drafts due now with a preview and
 * Insert, what could not be written (with Copy), and the pressing words found
 * in the user's text with a one-click calmer wording.
 *
 * Only interviews the recipients match come with drafts; the others are names
 * until the user picks one, and then its drafts are asked for (issue 16, F1).
 * Drafts are for one interviewer: the one the compose is addressed to, or, when it
 * is addressed to several (or none, and the interview has several), the one the
 * user chooses (issue 11).
 * (A closure, not a class: its state minifies to short names in a script with a size budget.)
 */
import type { DraftKind } from '../domain/types';
import type { ComposeInterview, ResponseOf } from '../shared/protocol';
import { send } from './client';
import type { Compose, Problem } from './compose';
import { kindName, T } from './strings';
import { button, h, patch } from './ui';

/** Pressing phrases listed at most; the rest are counted (issue 16, F5: 5,000 findings took 8.6 s to render). */
export const MAX_FINDINGS = 8;

export type Panel = { render(): void; destroy(): void };

export function openPanel(c: Compose, focus: boolean): Panel {
  const doc = c.root.ownerDocument;
  const el = h(doc, 'div', { class: 'p', role: 'dialog', 'aria-label': 'FollowUp' });
  /** undefined while loading, null when the background could not answer. */
  let ctx: ResponseOf<'composeContext'> | null | undefined;
  /** Interviews with their drafts: the matched ones, and any the user chose since. */
  const full = new Map<string, ComposeInterview>();
  let id: string | undefined;
  let kind: DraftKind | undefined;
  let choose = false;
  let confirm = false;
  /** Said instead of the rest while a draft loads or the insertion runs, or when a draft could not be had. */
  let note = '';
  let problems: Problem[] = [];
  const copied = new Map<string, string>();
  // Clicks on our UI never get here (ui.ts stops them at the window).
  const outside = () => c.close();

  /** The interviewers to choose from, by interview (kept once one is chosen), and whom the user chose. */
  const people = new Map<string, ComposeInterview['people']>();
  const person = new Map<string, string>();
  const keep = (i: ComposeInterview) => {
    full.set(i.id, i);
    if (i.people) people.set(i.id, i.people);
  };

  /** Asks for an interview's drafts (for `contact`, once the user said whom the email is for). */
  const load = (which: string, contact?: string) => {
    const had = full.get(which);
    note = T('loading');
    render();
    send('composeDraft', { id: which, contact, signed: c.signed() })
      .then((r) => r?.ok && keep(r.interview), () => undefined)
      .then(() => {
        note = full.get(which) !== had ? '' : T('draftFailed');
        render();
      });
  };

  /** The user chose an interview: its drafts are at hand, or asked for now. */
  const pick = (which: string) => {
    choose = confirm = false;
    id = which;
    if (full.has(which)) render();
    else load(which);
  };

  /** The user chose whom the email is for: that person's drafts are asked for. */
  const pickPerson = (key: string) => {
    confirm = false;
    kind = undefined;
    person.set(id!, key);
    load(id!, key);
  };

  const copy = (text: string) => {
    const done = (ok: boolean) => {
      copied.set(text, T(ok ? 'copied' : 'copyFailed'));
      render();
    };
    navigator.clipboard.writeText(text).then(
      () => done(true),
      () => done(false),
    );
  };

  const insert = (iv: ComposeInterview, k: DraftKind, replace: boolean) => () => {
    const d = iv.drafts.find((x) => x.kind === k)!.draft;
    note = T('inserting');
    render();
    void c.insert(iv, k, d, replace).then((found) => {
      note = '';
      if (!found.length) return c.close();
      problems = found;
      render();
      el.querySelector<HTMLElement>('.e button')?.focus();
    });
  };

  function render(): void {
    const p = (...kids: (Node | string | false)[]) => h(doc, 'p', null, ...kids);
    const row = (...kids: Node[]) => h(doc, 'div', { class: 'row' }, ...kids);
    const redo = (f: () => void) => () => {
      f();
      render();
    };
    const focused = (c.shadow.activeElement as HTMLElement | null)?.dataset.k;
    const kids: Node[] = [h(doc, 'div', { class: 'hd' }, 'FollowUp', button(doc, '×', () => c.close(true), { class: 'x', 'aria-label': T('close'), 'data-k': 'x' }))];
    const iv = id ? full.get(id) : undefined;
    c.about(iv?.id);
    const choices = ctx ? [...ctx.interviews, ...ctx.others] : [];
    const whom = iv ? people.get(iv.id) : undefined;

    problems.forEach((pr, i) => kids.push(h(doc, 'div', { class: 'e', role: 'alert' }, pr.text, button(doc, copied.get(pr.copy) ?? T('copy'), () => copy(pr.copy), { 'data-k': `c${i}` }))));
    if (note) kids.push(h(doc, 'p', { role: 'status' }, note));
    else if (problems.length) {
      // Inserted, apart from what is listed above.
    } else if (ctx === undefined) kids.push(p(T('loading')));
    else if (ctx === null) kids.push(p(T('offline')));
    else if (!ctx.loggedAny) kids.push(p(T('none')));
    else if (!choices.length) kids.push(p(T('nothing')));
    else if (!iv || choose)
      kids.push(
        p(T('which')),
        h(doc, 'div', { class: 'list' }, ...choices.map((i) => button(doc, `${i.company} — ${i.role} · ${new Date(i.interviewAt).toLocaleDateString()}`, () => pick(i.id), { 'data-k': `i${i.id}` }))),
      );
    else {
      kids.push(p(`${T('about')} `, h(doc, 'strong', null, `${iv.company} — ${iv.role}`), ' ', button(doc, T('change'), redo(() => (choose = true)), { class: 'x' })));
      // Several interviewers: whom it is for comes first (the drafts wait for the choice), and stays there to change.
      const who = person.get(iv.id);
      if (whom) kids.push(p(T('whom')), row(...whom.map((w) => button(doc, w.name, () => pickPerson(w.key), { 'aria-pressed': String(who === w.key), 'data-k': `w${w.key}` }))));
      const d = iv.drafts.find((x) => x.kind === kind) ?? iv.drafts[0];
      if (whom && !who) {
        // Nothing drafted until the user says whom it is for.
      } else if (!d) kids.push(p(T('noDraft')));
      else {
        kids.push(
          row(...iv.drafts.map((x) => button(doc, kindName(x.kind), redo(() => ((kind = x.kind), (confirm = false))), { 'aria-pressed': String(x === d), 'data-k': x.kind }))),
          h(doc, 'div', { class: 'pv' }, h(doc, 'div', { class: 'm' }, `${T('to')} ${d.draft.to.join(', ')}`), h(doc, 'div', { class: 'm' }, `${T('subject')} ${d.draft.subject}`), h(doc, 'div', null, d.draft.body)),
        );
        const subject = c.subject()?.value.trim();
        if (confirm && subject) kids.push(p(T('replace', subject)), row(button(doc, T('replaceYes'), insert(iv, d.kind, true), { class: 'go', 'data-k': 'go' }), button(doc, T('keep'), insert(iv, d.kind, false))));
        else kids.push(row(button(doc, T('insert'), subject && subject !== d.draft.subject ? redo(() => (confirm = true)) : insert(iv, d.kind, false), { class: 'go', 'data-k': 'go' })));
      }
    }

    const findings = c.findings;
    if (findings.length) {
      kids.push(h(doc, 'h2', null, T('words', findings.length)));
      findings.slice(0, MAX_FINDINGS).forEach((f, i) =>
        kids.push(
          h(
            doc,
            'div',
            { class: 'f' },
            h(doc, 'q', null, f.text.length > 140 ? `${f.text.slice(0, 137)}…` : f.text),
            h(doc, 'div', { class: 'm' }, f.why),
            f.suggestion && p(`${T('instead')} `, h(doc, 'q', null, f.suggestion)),
            button(doc, T('calmer'), () => c.fix(f), { 'data-k': `f${i}` }),
          ),
        ),
      );
      if (findings.length > MAX_FINDINGS) kids.push(h(doc, 'p', { class: 'm' }, T('moreWords', findings.length - MAX_FINDINGS)));
    }
    patch(el, kids);
    if (focused) ([...el.querySelectorAll<HTMLElement>('[data-k]')].find((e) => e.dataset.k === focused) ?? el.querySelector('button'))?.focus();
  }

  // Fixed next to the control, above it when the toolbar is low on the screen.
  const r = c.btn.getBoundingClientRect();
  const win = doc.defaultView!;
  const below = win.innerHeight - r.bottom;
  const up = r.top > below;
  Object.assign(el.style, {
    left: `${Math.max(8, Math.min(r.right - 340, win.innerWidth - 348))}px`,
    [up ? 'bottom' : 'top']: `${up ? win.innerHeight - r.top + 6 : r.bottom + 6}px`,
    maxHeight: `${(up ? r.top : below) - 14}px`,
  });
  c.shadow.append(el);
  render();
  if (focus) el.querySelector('button')?.focus();
  doc.addEventListener('mousedown', outside, true);
  send('composeContext', { recipients: c.recipients(), signed: c.signed() })
    .then((res) => (res?.ok ? res : null), () => null)
    .then((got) => {
      ctx = got;
      for (const i of got?.interviews ?? []) keep(i);
      id = got?.interviews[0]?.id;
      render();
    });

  return {
    render,
    destroy() {
      el.remove();
      doc.removeEventListener('mousedown', outside, true);
    },
  };
}

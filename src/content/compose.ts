/**
 * One compose window's life: the control in its toolbar (closed shadow root),
 * the panel, the live tone badge, insertion, and the watch on Send.
 * (A closure, not a class: its state minifies to short names in a script with a size budget.)
 */
import { signed, type ComposeAdapter } from './adapter';
import type { ComposeInterview, ResponseOf } from '../shared/protocol';
import { send } from './client';
import type { Draft, DraftKind } from '../domain/types';
import { applySuggestion, type ToneFinding } from '../domain/tone';
import { insertAtTop, readText, replaceText, setValue, snap } from './editor';
import { openPanel, type Panel } from './panel';
import { report } from './report';
import { resting, type Targets } from './resting';
import { T } from './strings';
import { toast } from './toast';
import { askTone, locate } from './tone';
import { toneMarks } from './tone-overlay';
import { button, h, shadowHost } from './ui';

/** The draft put into this compose: what Send will record (`contact`: whom a thank-you is for, by contactKey). */
export type Inserted = { id: string; kind: DraftKind; company: string; contact?: string };
/** A part of the draft that could not be written, in plain words, and the text to copy instead. */
export type Problem = { text: string; copy: string };
export type Hooks = { sent(s: Inserted): void; gone(c: Compose): void };

export type Compose = {
  readonly site: ComposeAdapter;
  readonly root: HTMLElement;
  readonly body: HTMLElement;
  readonly shadow: ShadowRoot;
  readonly btn: HTMLElement;
  /** When it was recognised. */
  readonly since: number;
  readonly findings: ToneFinding[];
  /** (Re)places the control next to Send, e.g. after the page re-rendered its toolbar; false while there is no toolbar. */
  remount(): boolean;
  /** True while the control is on the page. */
  mounted(): boolean;
  alive(): boolean;
  /** Releases everything; `gone`: the compose left the page (sent, if Send was just used). */
  detach(gone: boolean): void;
  open(focus?: boolean): void;
  close(refocus?: boolean): void;
  recipients(): string[];
  /** True when the body holds the site's own signature (a draft then ends with the sign-off line). */
  signed(): boolean;
  /** The subject field when it is shown for editing, else null. */
  subject(): HTMLInputElement | null;
  /**
   * Fills To (if empty), the subject (if empty or `replaceSubject`) and the body top, each only
   * while it has focus; the user's own words are kept whatever happens. Returns what could not be
   * written (each reported for diagnostics), for the panel to say plainly.
   */
  insert(iv: ComposeInterview, kind: DraftKind, d: Draft, replaceSubject: boolean): Promise<Problem[]>;
  /** Replaces a finding's phrase in the editor with the calmer wording. */
  fix(f: ToneFinding): void;
  /** The interview the panel is about: calmer wordings use its facts (checked again when it changes). */
  about(id: string | undefined): void;
};

/** A compose that leaves the page within this long of a click on Send was sent. */
const SEND_WINDOW = 20_000;
/** Tone check delay after the last keystroke. */
const TYPING_PAUSE = 350;
/** The compose's own observer rests this long after a change (an editor changes its DOM on every keystroke). */
const COMPOSE_REST = 30;

/**
 * A compose around `body`. `floating`: not recognised (opened by the keyboard shortcut), so the
 * control floats by the editor and goes with its panel.
 */
export function createCompose(site: ComposeAdapter, root: HTMLElement, body: HTMLElement, hooks: Hooks, floating = false): Compose {
  const doc = root.ownerDocument;
  const [host, shadow] = shadowHost(doc, 'followup-control', (e) => e.key === 'Escape' && close(true));
  const count = h(doc, 'span', { class: 'n', hidden: '' });
  const desc = h(doc, 'span', { id: 'd', hidden: '' });
  const btn = button(doc, T('label'), (e) => (panel ? close() : open(!e.detail)), {
    'aria-label': T('control'),
    'aria-haspopup': 'dialog',
    'aria-expanded': 'false',
    'aria-describedby': 'd',
  });
  btn.append(count);
  shadow.append(btn, desc);
  let panel: Panel | undefined;
  let inserted: Inserted | undefined;
  /** At Send with no draft of ours in it: is this a compose "Write email" opened? (asked once per Send). */
  let pending: Promise<ResponseOf<'composePending'> | void> | undefined;
  /** The same question asked when the compose opened with a subject and text (see remount). */
  let early: typeof pending;
  /** The sign-off lines of a "Write email" draft, until the site's signature makes them a second sign-off. */
  let tail: string[] | undefined;
  const ask = () => send('composePending', { recipients: site.recipients(root, body), subject: site.subject(root)?.value.slice(0, 999) ?? '' }).catch(() => undefined);
  let sentAt = 0;
  let timer = 0;
  let poll = 0;
  let listening = false;
  let detached = false;
  let unmount: (() => void) | undefined;
  const off: (() => void)[] = [];
  /**
   * What the compose's own observer watches, for the page re-rendering the toolbar (or building it
   * after the body) or adding its signature. Once the control is in place and no signature is
   * awaited, only the nodes from the control up to the root, each for its own children: whatever
   * takes the control off the page removes one of them, and the editor, which changes on every
   * keystroke, is not observed at all.
   */
  const own: Targets = function* () {
    if (tail || !root.contains(host)) return yield [root, { childList: true, subtree: true }];
    for (let n: Node | null = host; n !== root && (n = n.parentNode); ) yield [n, { childList: true }];
  };
  const watchOwn = () => resting(own, COMPOSE_REST, () => (remount(), unsign()));
  let unwatch = floating ? undefined : watchOwn();

  const text = () => readText(body, site.quote, site.skip);
  const on = (target: EventTarget, type: string, fn: (e: Event) => void) => {
    target.addEventListener(type, fn, true);
    off.push(() => target.removeEventListener(type, fn, true));
  };
  const alive = () => !!doc.defaultView && root.isConnected && root.contains(body);

  let asked = 0;
  let interviewId: string | undefined;
  const check = (): void => {
    // The background checks (tone.ts); only the answer to the latest text is shown.
    const ask = ++asked;
    const now = text().text;
    void askTone(now, interviewId).then((answer) => {
      if (ask !== asked || detached) return;
      // No answer: what was shown stays where the words still are.
      const found = answer ?? c.findings.filter((f) => locate(now, f) >= 0);
      c.findings = found;
      const n = found.length;
      count.textContent = String(n);
      count.hidden = !n;
      desc.textContent = n ? T(n === 1 ? 'badgeOne' : 'badgeMany', n) : '';
      panel?.render();
      marks.draw();
    });
  };

  /** Click or Enter/Space on Send, or Ctrl/⌘+Enter anywhere: the compose may be about to go. */
  const presend = (e: Event): void => {
    const t = e.target as Node;
    const k = e as KeyboardEvent;
    const onSend = !!site.send(root)?.contains(t);
    if (e.type === 'click' ? onSend : (k.key === 'Enter' && (k.ctrlKey || k.metaKey)) || (onSend && (k.key === 'Enter' || k.key === ' '))) {
      sentAt = Date.now();
      if (!inserted && !floating) pending = early ? early.then((r) => (r?.ok && r.pending ? r : ask())) : ask();
      // Watch it leave (it may sit in a container nobody observes, like an inline reply).
      const tick = () => {
        if (!alive()) hooks.gone(c);
        else if (Date.now() - sentAt < SEND_WINDOW) poll = setTimeout(tick, 150);
      };
      clearTimeout(poll);
      poll = setTimeout(tick, 150);
    } else if (e.type === 'keydown' && body.contains(t) && !['Control', 'Meta'].includes(k.key)) sentAt = 0;
  };

  function remount(): boolean {
    if (host.isConnected) return true;
    // A compose that left the page gets nothing put back into it (its own observer would see that
    // change and try again, for ever); the watcher lets it go.
    if (!alive()) return false;
    if (floating) {
      const r = body.getBoundingClientRect();
      host.style.cssText = `position:fixed;z-index:2147483646;top:${Math.max(4, r.top + 4)}px;left:${Math.max(4, r.right - 150)}px`;
      (doc.body ?? doc.documentElement).append(host);
      unmount = () => host.remove();
    } else {
      const send = site.send(root);
      if (!send) return false;
      unmount?.();
      unmount = site.mount(send, host);
    }
    if (!listening) {
      listening = true;
      on(root, 'click', presend);
      on(root, 'keydown', presend);
      on(body, 'input', () => {
        clearTimeout(timer);
        timer = setTimeout(check, TYPING_PAUSE);
      });
      check();
      // A compose opening with a subject and text may be one "Write email" opened: asked now, it is
      // still known at Send after the user edits the subject, and under the site's own signature
      // the draft's sign-off name (and signature) go at once, leaving one sign-off.
      if (!floating && c.subject()?.value.trim() && text().text.trim()) {
        early = ask();
        void early.then((r) => {
          if (!r?.ok || !Array.isArray(r.pending?.tail)) return;
          tail = r.pending.tail;
          unsign();
          // Until the signature comes, the whole compose is watched again (see own).
          if (tail && unwatch && !detached) {
            unwatch();
            unwatch = watchOwn();
          }
        });
      }
    }
    return true;
  }

  /**
   * Once the site's signature is in the compose, takes `tail` (lines our text ends with) out through
   * the editor's input path, and gives focus back. One try: text after the lines is the user's, and
   * the compose's later changes (each keystroke) must not read the whole text again.
   */
  function unsign(): void {
    if (!tail || !signed(site, body)) return;
    const end = tail.join('\n');
    tail = undefined;
    const map = text();
    const t = map.text.trimEnd();
    if (!t.endsWith(`\n${end}`)) return;
    const was = doc.activeElement as HTMLElement | null;
    // The lines' text, then (a Backspace where they were) the line break before them, which is no text node.
    if (replaceText(body, map, t.length - end.length, t.length, '')) doc.execCommand('delete');
    if (was && was !== body) was.focus({ preventScroll: true });
  }

  function open(focus = false): void {
    panel?.destroy();
    panel = openPanel(c, focus);
    btn.setAttribute('aria-expanded', 'true');
  }

  function close(refocus = false): void {
    panel?.destroy();
    panel = undefined;
    btn.setAttribute('aria-expanded', 'false');
    if (floating && !detached) hooks.gone(c);
    else if (refocus) btn.focus();
  }

  const c: Compose & { findings: ToneFinding[] } = {
    site,
    root,
    body,
    shadow,
    btn,
    since: Date.now(),
    findings: [],
    remount,
    mounted: () => host.isConnected,
    alive,
    detach(gone) {
      detached = true;
      close();
      unwatch?.();
      clearTimeout(timer);
      clearTimeout(poll);
      for (const f of off.splice(0)) f();
      marks.destroy();
      unmount?.();
      if (!gone || Date.now() - sentAt >= SEND_WINDOW) return;
      if (inserted) hooks.sent(inserted);
      else void pending?.then((r) => r?.ok && r.pending && hooks.sent(r.pending));
    },
    open,
    close,
    // A compose FollowUp does not recognise has no known recipients or subject: its root is a
    // guess, and looking around it could find another compose's fields.
    recipients: () => (floating ? [] : site.recipients(root, body)),
    signed: () => signed(site, body),
    subject: () => (floating ? null : site.subject(root)),

    async insert(iv, kind, d, replaceSubject) {
      const problems: Problem[] = [];
      const subject = c.subject();
      /** Puts back the user's body and subject if a write meant for another field changed them. */
      const guard = (...fields: (HTMLElement | null)[]) => {
        const undo = fields.map((f) => (f ? snap(f) : () => false));
        return () => undo.map((u) => u()).some(Boolean);
      };
      const fail = (field: string, text: string, copy: string) => {
        problems.push({ text, copy });
        report(`fill-${field}`, undefined, root);
      };
      if (d.to.length && !c.recipients().length) {
        const strayed = guard(body, subject);
        const to = d.to.join(', ');
        const ok = !floating && (await site.addTo(root, body, d.to).catch((e: unknown) => (report('fill-to', e, root), false)));
        if (strayed() || !ok) fail('to', T('fillTo', to), to);
      }
      if (floating) fail('subject', T('fillSubject', d.subject), d.subject);
      else if (subject && (replaceSubject || !subject.value.trim())) {
        const strayed = guard(body);
        if (!setValue(subject, d.subject) || strayed()) fail('subject', T('fillSubject', d.subject), d.subject);
      }
      const strayed = guard(subject);
      if (!insertAtTop(body, d.body) || strayed()) fail('body', T('fillBody'), d.body);
      inserted = { id: iv.id, kind, company: iv.company, ...(kind === 'thank-you' && d.contact ? { contact: d.contact } : {}) };
      check();
      return problems;
    },

    about(id) {
      if (id === interviewId) return;
      interviewId = id;
      if (c.findings.length) check();
    },

    fix(f) {
      const map = text();
      const at = locate(map.text, f);
      // Said, not only reported: the user clicked and expects the words to change.
      let done = false;
      if (at >= 0) {
        const cur = { ...f, start: at, end: at + f.text.length };
        const a = map.text;
        const b = applySuggestion(a, cur);
        let p = 0;
        while (p < a.length && a[p] === b[p]) p++;
        let s = 0;
        while (s < a.length - p && s < b.length - p && a[a.length - 1 - s] === b[b.length - 1 - s]) s++;
        done = replaceText(body, map, p, a.length - s, b.slice(p, b.length - s));
        if (!done) report('calm-fix', undefined, root);
      }
      if (!done) toast(doc, T('fixFailed', f.text.length > 60 ? `${f.text.slice(0, 57)}…` : f.text));
      check();
    },
  };
  const marks = toneMarks(c);
  return c;
}

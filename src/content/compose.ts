/**
 * One compose window's life: the control in its toolbar (open shadow root),
 * the panel, the live tone badge, insertion, and the watch on Send.
 */
import type { ComposeAdapter } from './adapter';
import type { ComposeInterview } from '../shared/protocol';
import type { Draft, DraftKind } from '../domain/types';
import { applySuggestion, type ToneFinding } from '../domain/tone';
import { insertAtTop, readText, replaceText, setValue } from './editor';
import { Panel } from './panel';
import { T } from './strings';
import { checkTone, loadTone, toneReady } from './tone';
import { h, shadowHost } from './ui';

/** The draft put into this compose: what Send will record. */
export type Inserted = { id: string; kind: DraftKind; company: string };

/** A compose that leaves the page within this long of a click on Send was sent. */
const SEND_WINDOW = 20_000;
/** Tone check delay after the last keystroke. */
const TYPING_PAUSE = 350;

export class Compose {
  readonly host: HTMLElement;
  readonly shadow: ShadowRoot;
  readonly btn: HTMLElement;
  findings: ToneFinding[] = [];
  inserted?: Inserted;
  private readonly count: HTMLElement;
  private readonly desc: HTMLElement;
  private panel?: Panel;
  private sentAt = 0;
  private timer = 0;
  private unmount?: () => void;
  private readonly off: (() => void)[] = [];

  constructor(
    readonly site: ComposeAdapter,
    readonly root: HTMLElement,
    readonly body: HTMLElement,
    private readonly onSent: (sent: Inserted) => void,
  ) {
    const doc = root.ownerDocument;
    [this.host, this.shadow] = shadowHost(doc, 'followup-control');
    this.count = h(doc, 'span', { class: 'n', hidden: '' });
    this.desc = h(doc, 'span', { id: 'd', hidden: '' });
    this.btn = h(
      doc,
      'button',
      { type: 'button', 'aria-label': T.control, title: T.control, 'aria-haspopup': 'dialog', 'aria-expanded': 'false', 'aria-describedby': 'd' },
      T.label,
      this.count,
    );
    this.shadow.append(this.btn, this.desc);
    // Keeps the editor's focus and selection when our UI is clicked.
    this.host.addEventListener('mousedown', (e) => e.preventDefault());
    this.btn.addEventListener('click', (e) => (this.panel ? this.close() : this.open(e.detail === 0)));
  }

  /** Puts the control into the toolbar; false while the toolbar is not recognisable. */
  attach(): boolean {
    if (!this.remount()) return false;
    this.on(this.root, 'click', this.presend);
    this.on(this.root, 'keydown', this.presend);
    this.on(this.body, 'input', () => {
      clearTimeout(this.timer);
      this.timer = setTimeout(this.check, TYPING_PAUSE);
    });
    this.check();
    return true;
  }

  /** (Re)places the control next to Send, e.g. after the page re-rendered its toolbar. */
  remount(): boolean {
    if (this.host.isConnected) return true;
    const send = this.site.send(this.root);
    if (!send) return false;
    this.unmount?.();
    this.unmount = this.site.mount(send, this.host);
    return true;
  }

  alive(): boolean {
    return !!this.root.ownerDocument.defaultView && this.root.isConnected && this.root.contains(this.body);
  }

  /** Releases everything; `gone`: the compose left the page (sent, if Send was just used). */
  detach(gone: boolean): void {
    this.close();
    clearTimeout(this.timer);
    for (const f of this.off) f();
    this.unmount?.();
    if (gone && this.inserted && Date.now() - this.sentAt < SEND_WINDOW) this.onSent(this.inserted);
  }

  open(focus = false): void {
    this.panel = new Panel(this, focus);
    this.btn.setAttribute('aria-expanded', 'true');
  }

  close(refocus = false): void {
    this.panel?.destroy();
    this.panel = undefined;
    this.btn.setAttribute('aria-expanded', 'false');
    if (refocus) this.btn.focus();
  }

  readonly check = (): void => {
    // The rules arrive from the background once per frame; check again when they are here.
    if (!toneReady()) void loadTone().then(this.check, () => undefined);
    this.findings = checkTone(this.text().text);
    const n = this.findings.length;
    this.count.textContent = String(n);
    this.count.hidden = !n;
    this.desc.textContent = n ? T.badge(n) : '';
    this.panel?.render();
  };

  recipients(): string[] {
    return this.site.recipients(this.root, this.body);
  }

  /** Fills To (if empty), the subject (if empty or `replaceSubject`) and the body top. */
  insert(iv: ComposeInterview, kind: DraftKind, d: Draft, replaceSubject: boolean): void {
    if (d.to.length && !this.recipients().length) this.site.addTo(this.root, d.to);
    const subject = this.site.subject(this.root);
    if (subject && (replaceSubject || !subject.value.trim())) setValue(subject, d.subject);
    insertAtTop(this.body, d.body);
    this.inserted = { id: iv.id, kind, company: iv.company };
    this.check();
  }

  /** Replaces a finding's phrase in the editor with the calmer wording. */
  fix(f: ToneFinding): void {
    const map = this.text();
    const cur = checkTone(map.text).find((g) => g.text === f.text && g.category === f.category);
    if (cur) {
      const a = map.text;
      const b = applySuggestion(a, cur);
      let p = 0;
      while (p < a.length && a[p] === b[p]) p++;
      let s = 0;
      while (s < a.length - p && s < b.length - p && a[a.length - 1 - s] === b[b.length - 1 - s]) s++;
      replaceText(this.body, map, p, a.length - s, b.slice(p, b.length - s));
    }
    this.check();
  }

  private text() {
    return readText(this.body, this.site.quote, this.site.skip);
  }

  private on(target: EventTarget, type: string, fn: (e: Event) => void): void {
    target.addEventListener(type, fn, true);
    this.off.push(() => target.removeEventListener(type, fn, true));
  }

  /** Click or Enter/Space on Send, or Ctrl/⌘+Enter anywhere: the compose may be about to go. */
  private readonly presend = (e: Event): void => {
    const t = e.target as Node;
    if (t === this.host) return;
    const k = e as KeyboardEvent;
    const onSend = !!this.site.send(this.root)?.contains(t);
    if (e.type === 'click' ? onSend : (k.key === 'Enter' && (k.ctrlKey || k.metaKey)) || (onSend && (k.key === 'Enter' || k.key === ' ')))
      this.sentAt = Date.now();
    else if (e.type === 'keydown' && this.body.contains(t) && !['Control', 'Meta'].includes(k.key)) this.sentAt = 0;
  };
}

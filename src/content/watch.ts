/**
 * Finds composes as they come and go: one MutationObserver over the page (and
 * over same-origin frames, where Outlook puts pop-out composes). Its callback
 * only notes each record's target (the node whose children changed); once per
 * animation frame (or after a short timeout in a hidden tab) the noted targets
 * are searched for compose bodies and frames, and the known composes are
 * checked for having left. Measured cheaper than inspecting every added node
 * (bench/content.bench.ts): no node is touched per mutation.
 */
import type { ComposeAdapter } from './adapter';
import { connected, send } from './client';
import { Compose, type Inserted } from './compose';
import { T } from './strings';
import { toast } from './toast';

/** A compose recognised without a toolbar is retried this long, then left alone. */
const PATIENCE = 30_000;
const OPTIONS: MutationObserverInit = { childList: true, subtree: true };

/** Runs `fn`, swallowing errors: a changed site must never break the page. */
export const safe =
  <A extends unknown[]>(fn: (...a: A) => void) =>
  (...a: A): void => {
    try {
      fn(...a);
    } catch {
      /* fail soft */
    }
  };

export function watch(site: ComposeAdapter, doc: Document): () => void {
  const composes = new Map<HTMLElement, Compose>();
  /** Composes recognised before their toolbar: root → [body, first seen]. */
  const pending = new Map<HTMLElement, [HTMLElement, number]>();
  /** Bodies given up on (by body: Outlook's root, the main region, outlives its composes). */
  const ignored = new WeakSet<HTMLElement>();
  /** Nodes whose children changed since the last scan. */
  const targets = new Set<Node>();
  const frames = new WeakSet<Element>();
  const docs = new WeakSet<Document>();
  const wanted = `${site.body},iframe`;
  let dirty = false;
  let frame = 0;
  let timer = 0;

  const sent = (s: Inserted) => {
    const match = { type: 'sent', step: s.kind } as const;
    send('recordEvent', { id: s.id, event: match }).then(
      (r) => r?.ok && toast(doc, T.sent(s.kind, s.company), async () => !!(await send('undoEvent', { id: s.id, match }))?.ok),
      () => undefined,
    );
  };

  const stop = () => {
    observer.disconnect();
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    for (const c of composes.values()) c.detach(false);
    composes.clear();
    targets.clear();
  };

  const consider = (body: HTMLElement, now: number) => {
    const root = site.root(body);
    if (!root || composes.has(root) || ignored.has(body)) return;
    const c = new Compose(site, root, body, sent);
    const since = pending.get(root)?.[1] ?? now;
    pending.delete(root);
    if (c.attach()) composes.set(root, c);
    else if (now - since > PATIENCE) ignored.add(body);
    else pending.set(root, [body, since]);
  };

  const scan = safe(() => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    dirty = false;
    if (!connected()) return stop();
    for (const [root, c] of composes) {
      if (!c.alive()) {
        composes.delete(root);
        c.detach(true);
      } else c.remount();
    }
    const now = Date.now();
    const scopes = [...targets];
    targets.clear();
    for (const [body] of [...pending.values()]) if (body.isConnected) consider(body, now);
    for (const scope of scopes) {
      if (!scope.isConnected || !('querySelectorAll' in scope)) continue;
      for (const el of (scope as ParentNode).querySelectorAll<HTMLElement>(wanted)) {
        if (el.localName === 'iframe') observe(el as HTMLIFrameElement);
        else consider(el, now);
      }
    }
  });

  const schedule = () => {
    if (dirty) return;
    dirty = true;
    frame = requestAnimationFrame(scan);
    timer = setTimeout(scan, 250);
  };

  const observer = new MutationObserver((records) => {
    for (const r of records) targets.add(r.target);
    schedule();
  });

  /** Watches a document, or the same-origin document inside a frame element. */
  function observe(target: Document | HTMLIFrameElement): void {
    let d: Document | null = null;
    if (target.nodeType === 9) d = target as Document;
    else {
      const f = target as HTMLIFrameElement;
      if (!frames.has(f)) {
        frames.add(f);
        f.addEventListener('load', () => observe(f));
      }
      try {
        d = f.contentDocument;
      } catch {
        /* cross-origin: its own content script handles it */
      }
    }
    if (d && !docs.has(d)) {
      docs.add(d);
      observer.observe(d, OPTIONS);
      targets.add(d);
      schedule();
    }
  }

  observe(doc);
  scan();
  return stop;
}

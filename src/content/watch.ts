/**
 * Finds composes as they come and go: one MutationObserver over the page (and
 * over same-origin frames, where Outlook puts pop-out composes), whose callback
 * only glances at added/removed nodes; the real work is batched to the next
 * animation frame (or a short timeout in a hidden tab).
 */
import type { ComposeAdapter } from './adapter';
import { connected, send } from './client';
import { Compose, type Inserted } from './compose';
import { T } from './strings';
import { toast } from './toast';

/** A compose recognised without a toolbar is retried this long, then left alone. */
const PATIENCE = 30_000;
const OPTIONS: MutationObserverInit = { childList: true, subtree: true };

/** Could this added subtree hold a compose? (a cheap test: no selector matching on leaves) */
const hint = (el: Element) =>
  el.localName === 'iframe' || el.hasAttribute('contenteditable') || (el.firstElementChild !== null && el.querySelector('[contenteditable],iframe') !== null);

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
  const pending = new Map<HTMLElement, number>();
  const ignored = new WeakSet<HTMLElement>();
  const docs = new Set<Document>();
  const frames = new WeakSet<Element>();
  let dirty = false;
  let find = true;
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
    if (!find) return;
    find = false;
    const now = Date.now();
    for (const d of docs) {
      if (!d.defaultView) {
        docs.delete(d);
        continue;
      }
      for (const f of d.getElementsByTagName('iframe')) observe(f);
      for (const { root, body } of site.find(d)) {
        if (composes.has(root) || ignored.has(root)) continue;
        const c = new Compose(site, root, body, sent);
        if (c.attach()) {
          composes.set(root, c);
          pending.delete(root);
        } else if (now - (pending.get(root) ?? now) > PATIENCE) {
          ignored.add(root);
          pending.delete(root);
        } else if (!pending.has(root)) pending.set(root, now);
      }
    }
    for (const root of pending.keys()) if (!root.isConnected) pending.delete(root);
  });

  const schedule = (all: boolean) => {
    find ||= all;
    if (dirty) return;
    dirty = true;
    frame = requestAnimationFrame(scan);
    timer = setTimeout(scan, 250) as unknown as number;
  };

  const observer = new MutationObserver(
    safe((records: MutationRecord[]) => {
      if (dirty && find) return;
      for (const r of records) {
        const added = r.addedNodes;
        for (let i = 0; i < added.length; i++) {
          const n = added[i]!;
          if (n.nodeType === 1 && (pending.size || hint(n as Element))) return schedule(true);
        }
        if (composes.size && !dirty && r.removedNodes.length) {
          const removed = r.removedNodes;
          for (let i = 0; i < removed.length; i++) if (removed[i]!.nodeType === 1) return schedule(false);
        }
      }
    }),
  );

  /** Watches a document, or the same-origin document inside a frame element. */
  function observe(target: Document | HTMLIFrameElement): void {
    let d: Document | null = null;
    if (target.nodeType === 9) d = target as Document;
    else {
      const f = target as HTMLIFrameElement;
      if (!frames.has(f)) {
        frames.add(f);
        f.addEventListener('load', () => schedule(true));
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
    }
  }

  observe(doc);
  scan();
  return stop;
}

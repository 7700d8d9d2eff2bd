/**
 * Finds composes as they come and go without watching the whole page (issue 14:
 * a page-wide subtree MutationObserver cost 1.06–1.18× main-thread CPU):
 * - focusin (focus.ts, resting after each one it hears): a compose's editor or
 *   To field takes focus when it opens, and the user clicks into it to write;
 * - childList observers, no subtree, on each site's compose containers (found
 *   once: the dock, the full-screen slot, the reading pane), and a resting one on
 *   <body>, where late containers and pop-out frames arrive (see BODY_REST);
 * - a scan at start-up and whenever the tab becomes visible again.
 * Same-origin frames (Outlook's pop-out compose) get the same. Each compose is
 * handled on its own: an error in one is reported (with its skeleton, for
 * diagnostics) and never stops the others (issue 16, F4).
 */
import type { ComposeAdapter } from './adapter';
import { connected, send } from './client';
import { createCompose, type Compose, type Hooks } from './compose';
import { report } from './report';
import { resting } from './resting';
import { kindName, T } from './strings';
import { toast } from './toast';
import { focusIn } from './focus';
import { guard } from './ui';

/** A compose recognised without a toolbar is retried this long, then left alone (and reported). */
const PATIENCE = 30_000;
/**
 * After a change among <body>'s children, its observer rests this long, then one look at the
 * children that are new: pages add and remove tooltips and menus there by the thousand, and each
 * observed change would otherwise cost a record to make and to read.
 */
const BODY_REST = 40;
const CHILDREN: MutationObserverInit = { childList: true };

/** The window of `node`'s document; null once its frame closed or navigated. */
function windowOf(node: Node): Window | null {
  try {
    return node.ownerDocument?.defaultView ?? null;
  } catch {
    return null;
  }
}

export type Watcher = (() => void) & {
  /** The keyboard shortcut: opens the panel in the focused compose, recognised or not; false when there is none. */
  openFocused(): boolean;
};

export function watch(site: ComposeAdapter, doc: Document): Watcher {
  /** Composes by body (Outlook's root, the main region, outlives its composes). */
  const composes = new Map<HTMLElement, Compose>();
  /** Bodies given up on: no toolbar in time, or they failed. */
  const given = new WeakSet<HTMLElement>();
  const watched = new WeakSet<Node>();
  const frames = new WeakSet<Element>();
  const offs: (() => void)[] = [];
  /** The compose that last had focus (the shortcut's fallback). */
  let last: Compose | undefined;
  const wanted = `${site.body},iframe`;
  /** Anything `look` acts on: one selector, so a node with none of it costs one match. */
  const any = `${site.containers},${wanted}`;
  /** Each watched <body> (ours, same-origin frames') and how to stop watching it. */
  const bodies = new Map<HTMLElement, () => void>();
  /** The latest focus target not yet looked at. */
  let focused: Element | undefined;
  let settling = false;

  const hooks: Hooks = {
    sent(s) {
      const match = { type: 'sent', step: s.kind, ...(s.contact ? { contact: s.contact } : {}) } as const;
      send('recordEvent', { id: s.id, event: match }).then(
        (r) => r?.ok && toast(doc, T('sent', kindName(s.kind), s.company), async () => !!(await send('undoEvent', { id: s.id, match }))?.ok),
        (error: unknown) => report('mark-sent', error),
      );
    },
    gone(c) {
      composes.delete(c.body);
      c.detach(true);
    },
  };

  /** Drops a compose that failed, reports why with its structure, and never looks at that body again. */
  const fail = (where: string, error: unknown, body: HTMLElement, root: Element | null) => {
    report(where, error, root ?? body.parentElement);
    const c = composes.get(body);
    composes.delete(body);
    given.add(body);
    c?.detach(false);
  };

  const consider = (body: HTMLElement, floating = false): Compose | undefined => {
    if (given.has(body) || (composes.has(body) && !floating)) return composes.get(body);
    let root: HTMLElement | null = null;
    try {
      root = site.root(body) ?? (floating ? body.parentElement : null);
      if (!root) return;
      for (const c of composes.values()) if (c.root === root && c.alive() && !floating) return;
      composes.get(body)?.detach(false);
      const c = createCompose(site, root, body, hooks, floating);
      composes.set(body, c);
      c.remount();
      return c;
    } catch (error) {
      fail('recognise', error, body, root);
    }
  };

  /** Composes that left go (sent, if Send was just used); toolbars the page re-rendered get the control back. */
  const prune = () => {
    // A frame that closed or navigated leaves a document without a window (in Firefox, a dead
    // object that throws when touched): let its <body> go.
    for (const [body, off] of bodies)
      if (!windowOf(body)) {
        off();
        bodies.delete(body);
      }
    for (const c of [...composes.values()]) {
      try {
        if (!c.alive()) hooks.gone(c);
        else if (!c.remount() && Date.now() - c.since > PATIENCE) fail('no-send-button', undefined, c.body, c.root);
      } catch (error) {
        fail('check', error, c.body, c.root);
      }
    }
  };

  /** Composes, containers and frames in a part of the page that just appeared. */
  const look = (scope: ParentNode & Node) => {
    // Most nodes a page adds hold none of these: one match (and one search when it has children) and out.
    const el = scope.nodeType === 1 ? (scope as Element) : null;
    if (el ? !el.matches(any) && !(el.firstElementChild && el.querySelector(any)) : !scope.querySelector(any)) return;
    /** `scope` itself (when it matches) and what matches inside it. */
    const all = (sel: string) => [...((scope as Element).matches?.(sel) ? [scope as HTMLElement] : []), ...scope.querySelectorAll<HTMLElement>(sel)];
    for (const c of all(site.containers)) observe(c);
    for (const e of all(wanted)) if (e.localName === 'iframe') frame(e as HTMLIFrameElement);
    else consider(e);
  };

  const observe = (target: Node) => {
    if (watched.has(target)) return;
    watched.add(target);
    observer.observe(target, CHILDREN);
  };

  const observer = new MutationObserver((records) => {
    if (!connected()) return stop();
    for (const r of records) for (const n of r.addedNodes) if (n.nodeType === 1) look(n as Element);
    prune();
  });

  /** Watches <body>'s children, resting (BODY_REST): each look is at the children new since the last. */
  const watchBody = (body: HTMLElement) => {
    let had = new Set(body.children);
    bodies.set(
      body,
      resting(() => [[body, CHILDREN]], BODY_REST, () => {
        if (!connected()) return stop();
        const now = new Set(body.children);
        for (const kid of now) if (!had.has(kid)) look(kid);
        had = now;
        prune();
      }),
    );
  };

  /**
   * focus.ts tells of focus at most once per rest in each window; the target is looked at in the
   * microtask right after, once the page's own focus handlers have run (a page script's burst of
   * moves, or tells from several frames in one task, are looked at once: the latest).
   */
  const onFocus = (t: EventTarget) => {
    focused = t as Element;
    if (!settling) {
      settling = true;
      queueMicrotask(settle);
    }
  };

  const settle = () => {
    settling = false;
    const t = focused;
    focused = undefined;
    if (!connected()) return stop();
    if (t?.nodeType !== 1 || !t.isConnected) return;
    const body = t.closest<HTMLElement>(site.body) ?? t.closest(site.roots)?.querySelector<HTMLElement>(site.body);
    if (body) consider(body);
    prune();
    for (const c of composes.values()) if (c.root.contains(t)) last = c;
  };

  const onVisible = () => {
    if (doc.visibilityState === 'visible') {
      look(doc);
      prune();
    }
  };

  /** Watches a document: ours, or the same-origin document inside a frame. */
  function watchDoc(d: Document): void {
    if (watched.has(d)) return;
    watched.add(d);
    guard(d.defaultView);
    if (d.defaultView) offs.push(focusIn(d.defaultView, onFocus));
    if (d.body) watchBody(d.body);
    look(d);
  }

  function frame(f: HTMLIFrameElement): void {
    if (!frames.has(f)) {
      frames.add(f);
      f.addEventListener('load', () => frame(f));
    }
    try {
      if (f.contentDocument) watchDoc(f.contentDocument);
    } catch {
      /* cross-origin: its own content script handles it */
    }
  }

  const stop = () => {
    observer.disconnect();
    focused = undefined;
    for (const off of [...offs.splice(0), ...bodies.values()]) off();
    bodies.clear();
    for (const c of composes.values()) c.detach(false);
    composes.clear();
  };

  const openFocused = (): boolean => {
    prune();
    let d: Document | null | undefined = doc;
    let a = d.activeElement;
    try {
      while (a?.localName === 'iframe') a = (d = (a as HTMLIFrameElement).contentDocument)?.activeElement ?? null;
    } catch {
      /* a cross-origin frame: not ours */
    }
    let c = a ? [...composes.values()].find((x) => x.root.contains(a)) : undefined;
    if (!c?.mounted()) {
      // Not recognised (or no toolbar yet): the panel floats by the focused editor.
      const editor = a?.closest<HTMLElement>(`${site.body},[contenteditable="true"],textarea`);
      if (editor) c = consider(editor, true);
    }
    c ??= last && composes.get(last.body) === last ? last : undefined;
    c?.open(true);
    return !!c;
  };

  offs.push(() => doc.removeEventListener('visibilitychange', onVisible));
  doc.addEventListener('visibilitychange', onVisible);
  watchDoc(doc);
  prune();
  return Object.assign(stop, { openFocused });
}

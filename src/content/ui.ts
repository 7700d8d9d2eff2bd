/**
 * Our UI on the webmail page: DOM built without HTML strings (both webmails enforce Trusted
 * Types), inside CLOSED shadow roots the page cannot open, acting only on the user's own input.
 *
 * One capture listener per window (registered at document_start, before any page script, so it
 * runs first) sees every interaction event. An event aimed at one of our hosts (the page sees our
 * host as the target of anything inside it) is stopped right there: no page listener, capture or
 * bubble, ever sees it. If the browser made it (isTrusted), we act on it ourselves: a click runs
 * the button under the pointer (or the focused one, for Enter and Space), a key goes to the host's
 * key handler. Synthetic events from page scripts are dropped (issue 16, F2).
 *
 * Focus moving in and out of our UI is not guarded: the platform shows it anyway (focus and blur
 * at our host, relatedTarget on the page's own elements, document.activeElement), and a focusin or
 * focusout listener here would be a call into this world on every focus change the page makes
 * (issue 14's worst case). Where focus goes is heard apart, at a bounded cost (focus.ts).
 */
type Kid = Node | string | false | null | undefined;
type Host = { root: ShadowRoot; key?: (e: KeyboardEvent) => void };

const hosts = new WeakMap<EventTarget, Host>();
const actions = new WeakMap<Element, (e: MouseEvent) => void>();
const guarded = new WeakSet<Window>();
/** What can start in our UI (nothing in it is editable or selectable, so no input, clipboard or selection events). */
const TYPES = 'pointerdown pointerup mousedown mouseup click auxclick dblclick contextmenu keydown keyup keypress'.split(' ');

function onEvent(e: Event): void {
  const host = e.target && hosts.get(e.target);
  if (!host) return;
  e.stopImmediatePropagation();
  // Keeps the editor's focus and selection when our UI is clicked.
  if (e.type === 'mousedown') e.preventDefault();
  if (!e.isTrusted) return;
  if (e.type === 'click') {
    const m = e as MouseEvent;
    // Keyboard activation (Enter/Space) clicks the focused button, with no pointer position.
    const inner = m.detail ? host.root.elementFromPoint(m.clientX, m.clientY) : host.root.activeElement;
    const b = inner?.closest('button');
    if (b) actions.get(b)?.(m);
  } else if (e.type === 'keydown') host.key?.(e as KeyboardEvent);
}

/** Installs the guard on a window (ours at start-up, a same-origin frame's when we first use it). */
export function guard(win: Window | null): void {
  if (!win || guarded.has(win)) return;
  guarded.add(win);
  for (const type of TYPES) win.addEventListener(type, onEvent, true);
}

/** createElement with attributes and children; strings become text nodes, never markup. */
export function h(doc: Document, tag: string, attrs?: Record<string, string> | null, ...kids: Kid[]): HTMLElement {
  const el = doc.createElement(tag);
  for (const k in attrs) el.setAttribute(k, attrs[k]!);
  for (const kid of kids) if (kid) el.append(kid);
  return el;
}

/**
 * Puts `kids` in `parent` in place: an old node equal to its new one stays. A redraw (a tone
 * answer, a scroll) then never swaps a button out between the user's press and release, which
 * both browsers answer by dropping the click.
 */
export function patch(parent: Element, kids: Node[]): void {
  const old = [...parent.childNodes];
  kids.forEach((k, i) => {
    const o = old[i];
    if (!o) parent.append(k);
    else if (!o.isEqualNode(k)) o.replaceWith(k);
  });
  for (const o of old.slice(kids.length)) o.remove();
}

/** A button that runs `fn` when the user activates it (`detail` 0: with the keyboard). */
export function button(doc: Document, label: string, fn: (e: MouseEvent) => void, attrs?: Record<string, string>): HTMLElement {
  const b = h(doc, 'button', { type: 'button', ...attrs }, label);
  actions.set(b, fn);
  return b;
}

/** A host element with a closed shadow root holding our styles; `key` gets the user's key presses inside it. */
export function shadowHost(doc: Document, tag: string, key?: (e: KeyboardEvent) => void): [HTMLElement, ShadowRoot] {
  guard(doc.defaultView);
  const host = doc.createElement(tag);
  const root = host.attachShadow({ mode: 'closed' });
  root.append(h(doc, 'style', null, CSS));
  hosts.set(host, { root, key });
  return [host, root];
}

/** For unit tests (their DOM has no trusted events): a host's closed root, and a user's click on one of our buttons. */
export const shadowOf = (host: Element): ShadowRoot | undefined => hosts.get(host)?.root;
export const press = (b: Element, detail = 1): void => actions.get(b)?.(new MouseEvent('click', { detail }));

const CSS = `
:host{all:initial;display:inline-flex;vertical-align:middle;margin:0 6px;font:500 13px/1.3 system-ui,sans-serif;--b:#0b57d0;--bg:#fff;--fg:#1f1f1f;--m:#5e5e5e;--l:#c4c7c5}
@media (prefers-color-scheme:dark){:host{--b:#a8c7fa;--bg:#2d2e30;--fg:#e3e3e3;--m:#bdc1c6;--l:#5f6368}}
*{box-sizing:border-box;font:inherit}
button{cursor:pointer;color:inherit;background:none;border:1px solid #8a8d91;border-radius:16px;padding:6px 12px;display:inline-flex;gap:6px;align-items:center}
button:hover{background:#8883}
button:focus-visible{outline:2px solid var(--b)}
.n{background:#b3261e;color:#fff;border-radius:9px;padding:1px 5px;font-size:11px}
.p,.t{position:fixed;z-index:2147483646;background:var(--bg);color:var(--fg);border-radius:12px;box-shadow:0 4px 18px #0005;font-weight:400;font-size:14px;padding:12px 14px}
.p{width:340px;overflow:auto}
p{margin:8px 0}
h2{font-size:14px;margin:12px 0 4px}
.hd,.e,.t{display:flex;justify-content:space-between;align-items:center;gap:8px}
.x{border:0;padding:2px 8px}
.row{display:flex;flex-wrap:wrap;gap:6px;margin:8px 0}
.list button{width:100%;border-radius:8px;margin:4px 0;text-align:left}
[aria-pressed=true]{border:2px solid var(--b)}
.go{background:#0b57d0;border-color:#0b57d0;color:#fff}
.pv{border:1px solid var(--l);border-radius:8px;padding:8px;max-height:180px;overflow:auto;white-space:pre-wrap;overflow-wrap:anywhere}
.m{color:var(--m);font-size:12px}
.f{border-top:1px solid var(--l);padding:6px 0}
.e{background:#fce8e6;color:#8c1d18;border-radius:8px;padding:8px;overflow-wrap:anywhere}
q{font-weight:600}
.t{bottom:72px;left:24px;background:#303030;color:#f2f2f2}
.t button{color:#a8c7fa}
`;

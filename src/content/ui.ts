/** DOM building without HTML strings (both webmails enforce Trusted Types), and the shadow-root styles. */
type Kid = Node | string | false | null | undefined;

/** createElement with attributes and children; strings become text nodes, never markup. */
export function h(doc: Document, tag: string, attrs?: Record<string, string> | null, ...kids: Kid[]): HTMLElement {
  const el = doc.createElement(tag);
  for (const k in attrs) el.setAttribute(k, attrs[k]!);
  for (const kid of kids) if (kid) el.append(kid);
  return el;
}

/** A button that runs `fn` on click. */
export function button(doc: Document, label: string, fn: () => void, attrs?: Record<string, string>): HTMLElement {
  const b = h(doc, 'button', { type: 'button', ...attrs }, label);
  b.addEventListener('click', fn);
  return b;
}

/** Keeps the page from seeing (and acting on) interaction with our UI. */
export function isolate(host: HTMLElement): void {
  for (const type of ['mousedown', 'mouseup', 'click', 'dblclick', 'pointerdown', 'pointerup', 'keydown', 'keyup', 'keypress', 'input', 'focusin', 'focusout'])
    host.addEventListener(type, (e) => e.stopPropagation());
}

/** A host element with an open shadow root holding our styles. */
export function shadowHost(doc: Document, tag: string): [HTMLElement, ShadowRoot] {
  const host = doc.createElement(tag);
  const root = host.attachShadow({ mode: 'open' });
  root.append(h(doc, 'style', null, CSS));
  isolate(host);
  return [host, root];
}

const CSS = `
:host{all:initial;display:inline-flex;align-items:center;vertical-align:middle;margin:0 6px;color:inherit;font:500 13px/1.3 "Google Sans",Roboto,"Segoe UI",system-ui,sans-serif}
*{box-sizing:border-box;font:inherit}
button{cursor:pointer;color:inherit;background:none;border:1px solid #8a8d91;border-radius:16px;padding:6px 12px;display:inline-flex;align-items:center;gap:6px;white-space:nowrap}
button:hover{background:rgba(128,128,128,.14)}
button:focus-visible{outline:2px solid #0b57d0;outline-offset:1px}
.n{background:#b3261e;color:#fff;border-radius:9px;min-width:18px;padding:1px 5px;font-size:11px;text-align:center}
.p,.t{position:fixed;z-index:2147483646;background:#fff;color:#1f1f1f;border-radius:12px;box-shadow:0 4px 18px rgba(0,0,0,.28);font-weight:400;font-size:14px}
.p{width:340px;overflow:auto;padding:12px 14px}
.p p{margin:8px 0}
.p h2{font-size:14px;font-weight:600;margin:12px 0 4px}
.hd{display:flex;justify-content:space-between;align-items:center;font-weight:600}
.x{border:0;padding:2px 8px;font-size:18px}
.row{display:flex;flex-wrap:wrap;gap:6px;margin:8px 0}
.list button{display:flex;width:100%;border-radius:8px;margin:4px 0;text-align:left;white-space:normal}
button[aria-pressed=true]{background:#d3e3fd;border-color:#0b57d0;color:#041e49}
.go{background:#0b57d0;border-color:#0b57d0;color:#fff}
.go:hover{background:#0842a0}
.pv{border:1px solid #c4c7c5;border-radius:8px;padding:8px;max-height:180px;overflow:auto;white-space:pre-wrap;overflow-wrap:anywhere;font-size:13px}
.m{color:#5e5e5e;font-size:12px}
.f{border-top:1px solid #e0e0e0;padding:6px 0}
q{font-weight:600}
.t{bottom:72px;left:24px;display:flex;gap:12px;align-items:center;padding:10px 14px;background:#303030;color:#f2f2f2}
.t button{border-color:#a8c7fa;color:#a8c7fa}
@media (prefers-color-scheme:dark){.p{background:#2d2e30;color:#e3e3e3}.pv{border-color:#5f6368}.m{color:#bdc1c6}.f{border-color:#5f6368}button[aria-pressed=true]{background:#0842a0;color:#fff}}
`;

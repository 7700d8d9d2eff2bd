/**
 * The compose tests' way into FollowUp's UI, which lives in CLOSED shadow roots that page scripts
 * cannot open (issue 16, F2). The test driver can: Chromium's DevTools protocol and Firefox's
 * WebDriver BiDi both see closed shadow roots. `exposeShadows` asks the driver for the shadow root
 * of every FollowUp element in a frame and hangs it on the element as `__shadow`, in the page's
 * own world, for the test's page.evaluate calls to read. Only the tests do this; the extension's
 * page-facing surface stays closed, which `shadowRoot === null` checks show.
 */
import type { CDPSession, ElementHandle, Frame, Page } from 'puppeteer-core';
import { expect } from 'vitest';
import { clickOn, type ExtensionSession } from './harness';

const HOSTS = 'followup-control, followup-toast, followup-log, followup-tone';

type CdpNode = { localName?: string; backendNodeId: number; children?: CdpNode[]; shadowRoots?: CdpNode[]; contentDocument?: CdpNode };
type BidiValue = { type: string; sharedId?: string; value?: BidiValue[] | { shadowRoot?: BidiValue | null } };
type BidiRealm = {
  callFunction(fn: string, awaitPromise: boolean, options?: Record<string, unknown>): Promise<{ type: string; result?: BidiValue; exceptionDetails?: unknown }>;
};

async function exposeChromium(frame: Frame): Promise<void> {
  // The whole page, frames included: objects of puppeteer's own session can't be named here.
  const cdp: CDPSession = await frame.page().createCDPSession();
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const pairs: [number, number][] = [];
    const walk = (n: CdpNode) => {
      if (n.localName?.startsWith('followup-') && n.shadowRoots?.[0]) pairs.push([n.backendNodeId, n.shadowRoots[0].backendNodeId]);
      for (const c of [...(n.children ?? []), ...(n.contentDocument ? [n.contentDocument] : [])]) walk(c);
    };
    walk(root);
    for (const [host, shadow] of pairs) {
      const h = (await cdp.send('DOM.resolveNode', { backendNodeId: host })) as { object: { objectId: string } };
      const s = (await cdp.send('DOM.resolveNode', { backendNodeId: shadow })) as { object: { objectId: string } };
      await cdp.send('Runtime.callFunctionOn', {
        objectId: s.object.objectId,
        functionDeclaration: 'function (host) { host.__shadow = this; }',
        arguments: [{ objectId: h.object.objectId }],
      });
    }
  } finally {
    await cdp.detach();
  }
}

async function exposeFirefox(frame: Frame): Promise<void> {
  // puppeteer's BiDi frame keeps its browsing context, whose default realm is the page's world.
  const realm = (frame as unknown as { browsingContext: { defaultRealm: BidiRealm } }).browsingContext.defaultRealm;
  const found = await realm.callFunction(`() => [...document.querySelectorAll(${JSON.stringify(HOSTS)})]`, false, {
    serializationOptions: { maxObjectDepth: 1, maxDomDepth: 1, includeShadowTree: 'all' },
    resultOwnership: 'none',
  });
  if (found.type !== 'success') throw new Error(`exposeShadows: ${JSON.stringify(found.exceptionDetails)}`);
  for (const host of (found.result?.value as BidiValue[] | undefined) ?? []) {
    const shadow = (host.value as { shadowRoot?: BidiValue | null } | undefined)?.shadowRoot;
    if (!host.sharedId || !shadow?.sharedId) continue;
    await realm.callFunction('(host, shadow) => { host.__shadow = shadow; }', false, {
      arguments: [{ sharedId: host.sharedId }, { sharedId: shadow.sharedId }],
      resultOwnership: 'none',
    });
  }
}

/** Hangs the closed shadow root of every FollowUp element in `frame` (in Chromium, in its whole page) on it as `__shadow` (page world). */
export async function exposeShadows(frame: Frame): Promise<void> {
  const firefox = /firefox/i.test(await frame.page().browser().version());
  await (firefox ? exposeFirefox(frame) : exposeChromium(frame));
}

// ---------------------------------------------------------------------------------------------
// What every compose scenario needs, over one ExtensionSession.


export const WAIT = { timeout: 15_000 };

type Shadowed = Element & { __shadow?: ShadowRoot };
export type Draft = { to: string[]; subject: string; body: string };
export type ComposeInterview = { id: string; company: string; role: string; matched: boolean; drafts: { kind: string; draft: Draft }[] };

export function composeKit(session: () => ExtensionSession) {
  let pages: Page[] = [];
  let errors: string[] = [];

  /** A webmail tab, with page errors, console errors and dialogs collected for `settle`. */
  async function open(url: string): Promise<Page> {
    const page = await session().openPage(url);
    pages.push(page);
    page.on('pageerror', (e) => errors.push(`pageerror: ${e}`));
    page.on('console', (m) => {
      if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) errors.push(`console: ${m.text()}`);
    });
    page.on('dialog', (d) => {
      errors.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    return page;
  }

  /** Closes the scenario's tabs; what went wrong on them is returned (expected to be nothing). */
  async function settle(): Promise<string[]> {
    for (const page of pages) await page.close().catch(() => undefined);
    pages = [];
    const seen = errors;
    errors = [];
    return seen;
  }

  /** The compose root matching `scope` in `frame`, once it has our control (whose shadow root is then exposed). */
  async function compose(frame: Frame, scope: string): Promise<ElementHandle<Element>> {
    const handle = await frame.waitForFunction((s) => {
      const root = document.querySelector(s);
      return root?.querySelector('followup-control') ? root : null;
    }, WAIT, scope);
    await exposeShadows(frame);
    return handle.asElement() as ElementHandle<Element>;
  }

  const controlsIn = (root: ElementHandle<Element>) => root.evaluate((r) => r.querySelectorAll('followup-control').length);

  async function shadow(root: ElementHandle<Element>, selector: string): Promise<ElementHandle<Element>> {
    const h = await root.evaluateHandle((r, s) => (r.querySelector('followup-control') as Shadowed | null)?.__shadow?.querySelector(s) ?? null, selector);
    const el = h.asElement();
    if (!el) throw new Error(`no ${selector} in the control`);
    return el as ElementHandle<Element>;
  }

  const panelText = (root: ElementHandle<Element>) =>
    root.evaluate((r) => (r.querySelector('followup-control') as Shadowed | null)?.__shadow?.querySelector('.p')?.textContent ?? '');

  /** Waits until the panel's text matches `until`. */
  async function panelShows(root: ElementHandle<Element>, until: string | RegExp): Promise<string> {
    // A timeout says what the panel showed instead, so a failure in CI can be read without a rerun.
    await root.frame.waitForFunction(
      (r, src, flags) => new RegExp(src, flags).test((r.querySelector('followup-control') as Shadowed | null)?.__shadow?.querySelector('.p')?.textContent ?? ''),
      WAIT,
      root,
      typeof until === 'string' ? until.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : until.source,
      typeof until === 'string' ? '' : until.flags,
    ).catch(async (error: unknown) => {
      throw new Error(`panel never showed ${String(until)}; it shows: ${JSON.stringify(await panelText(root).catch(() => '(gone)'))}`, { cause: error });
    });
    return panelText(root);
  }

  /** Clicks the control (a real click) and waits for the panel to say something. */
  async function openPanel(root: ElementHandle<Element>, until: string | RegExp = /Insert|Which interview|Nothing|No interview/): Promise<string> {
    await clickOn(await shadow(root, 'button'));
    return panelShows(root, until);
  }

  /**
   * Clicks (for real) the first element matching `selector` in the control's shadow root whose text
   * starts with `label`. The panel renders again when the tone check runs; an element replaced
   * between finding and clicking it is found again.
   */
  async function clickShadow(root: ElementHandle<Element>, selector: string, label = ''): Promise<void> {
    for (let tries = 0; ; tries++) {
      const h = await root.evaluateHandle(
        (r, sel, l) => [...((r.querySelector('followup-control') as Shadowed | null)?.__shadow?.querySelectorAll(sel) ?? [])].find((b) => b.textContent!.startsWith(l)) ?? null,
        selector,
        label,
      );
      const el = h.asElement();
      if (!el) throw new Error(`no ${selector} "${label}" in: ${await panelText(root)}`);
      try {
        return await clickOn(el as ElementHandle<Element>);
      } catch (error) {
        if (tries > 5 || !/detached|not clickable/i.test(String(error))) throw error;
      }
    }
  }

  /** Clicks (for real) the panel button whose text is `label` (or starts with it). */
  const panelButton = (root: ElementHandle<Element>, label: string) => clickShadow(root, '.p button', label);

  /** Chooses `interview` in the panel (asking for its drafts) and waits for Insert. */
  async function choose(root: ElementHandle<Element>, interview: string): Promise<void> {
    await panelButton(root, interview);
    await panelShows(root, 'Insert');
  }

  const text = (root: ElementHandle<Element>, sel: string) => root.evaluate((r, s) => (r.querySelector(s) as HTMLElement).innerText, sel);
  const value = (root: ElementHandle<Element>, sel: string) => root.evaluate((r, s) => (r.querySelector(s) as HTMLInputElement).value, sel);

  /** Clicks into the element (a real click, as a user would), puts the caret at its start and types `words`. */
  async function typeAt(root: ElementHandle<Element>, sel: string, words: string): Promise<void> {
    const el = (await root.$(sel))!;
    await clickOn(el);
    await el.evaluate((e) => {
      if (e instanceof HTMLInputElement) return e.setSelectionRange(e.value.length, e.value.length);
      const first = e.querySelector('div') ?? e;
      const range = e.ownerDocument.createRange();
      range.setStart(first, 0);
      range.collapse(true);
      const selection = e.ownerDocument.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
    });
    await root.frame.page().keyboard.type(words);
  }

  /** The draft's lines appear in `body` in order, first of all; `after` (the user's words) follows them, whole. */
  /**
   * `draft` may be several wordings of one draft: the product words the interview's day relative to
   * now ("today", "yesterday"), so a test that runs across midnight sees the wording of either side.
   */
  function expectDraftAbove(body: string, draft: Draft | Draft[], after?: string): void {
    const wordings = Array.isArray(draft) ? draft : [draft];
    const inOrder = (d: Draft) => {
      let at = -1;
      for (const line of d.body.split('\n').filter((l) => l.trim())) if ((at = body.indexOf(line, at + 1)) < 0) return false;
      return true;
    };
    const lines = (wordings.find(inOrder) ?? wordings[0]!).body.split('\n').filter((l) => l.trim());
    let at = -1;
    for (const line of lines) {
      const next = body.indexOf(line, at + 1);
      expect(next, `"${line}" in order in:\n${body}`).toBeGreaterThan(at);
      at = next;
    }
    expect(body.trimStart().startsWith(lines[0]!), body).toBe(true);
    if (after) expect(body.indexOf(after), body).toBeGreaterThan(at);
  }

  return { open, settle, compose, controlsIn, shadow, panelText, panelShows, openPanel, panelButton, clickShadow, choose, text, value, typeAt, expectDraftAbove };
}

/**
 * Issue 16, F1 and F2, end to end through the built extension, and the two ways in when a compose
 * goes wrong (issue 14): the keyboard shortcut, and "Copy diagnostics" in Options.
 * - F2 (both browsers): the page sees no shadow root, its synthetic events do nothing, and its own
 *   capture listeners never see the user's clicks and keys in FollowUp's UI.
 * - F1 (Chromium only: the test driver can reach the content script's world there, not in Firefox):
 *   a script in that world can't delete an outcome, close an interview, move a decision date, open
 *   tabs or read the drafts of interviews its compose does not address.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ElementHandle, Page } from 'puppeteer-core';
import { BROWSERS, clickOn, ExtensionSession, fixture, waitInPage } from './harness';
import { composeKit, exposeShadows, WAIT } from './compose-ui';

const GMAIL = 'https://mail.google.com/mail/u/0/';

type Shadowed = Element & { __shadow?: ShadowRoot };
/** The fixture's record of events its own window capture listeners saw on FollowUp's elements. */
type Leaks = { __leaks: string[]; __focusMoves: string[] };

describe.each(BROWSERS)('the webmail page gets nothing it does not need, in %s', (name) => {
  let session: ExtensionSession;
  let id = '';
  const kit = composeKit(() => session);
  const { open, compose, openPanel, panelText, panelShows, typeAt } = kit;

  beforeAll(async () => {
    session = await ExtensionSession.launch(name);
    session.serve({ 'https://mail.google.com/mail/u/0/*': { body: fixture('gmail-compose.html') } });
    const r = await session.send<{ ok: boolean; interview: { id: string } }>({
      type: 'saveInterview',
      input: { company: 'Acme', role: 'Product Designer', interviewAt: new Date(Date.now() - 3 * 3_600_000).toISOString(), contacts: [{ name: 'Ana Lima', email: 'ana.lima@acme.example' }] },
    });
    expect(r.ok).toBe(true);
    id = r.interview.id;
  });

  afterEach(async () => {
    expect(await kit.settle()).toEqual([]);
  });

  afterAll(() => session?.close());

  it(`F2 (${name}): the page gets no shadow root, its synthetic clicks and keys do nothing, and its capture listeners never see the user's clicks on FollowUp`, async () => {
    const page = await open(`${GMAIL}#inbox`);
    await page.waitForFunction(() => document.querySelector('#dock followup-control'), WAIT);
    // What a page script can do, before the test driver opens anything.
    const tried = await page.evaluate(() => {
      const host = document.querySelector('#dock followup-control') as HTMLElement;
      const open = host.shadowRoot;
      host.click();
      host.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, detail: 1 }));
      host.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
      host.focus();
      host.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true, composed: true }));
      return open === null;
    });
    expect(tried).toBe(true);
    await session.afterFrames(page);
    const root = await compose(page.mainFrame(), '#dock .M9');
    expect(await panelText(root)).toBe('');
    await page.evaluate(() => ((window as unknown as Leaks).__leaks = []));
    const closed = () => root.frame.waitForFunction((r) => !(r.querySelector('followup-control') as Shadowed).__shadow!.querySelector('.p'), WAIT, root);
    // The user's own clicks: open, then close with ×.
    expect(await openPanel(root)).toMatch(/Which interview/);
    await kit.panelButton(root, '×');
    await closed();
    // And keys: Enter on the control opens the panel with focus in it, Tab moves, Escape closes.
    await root.evaluate((r) => ((r.querySelector('followup-control') as Shadowed).__shadow!.querySelector('button') as HTMLElement).focus());
    await page.keyboard.press('Enter');
    await panelShows(root, /Which interview/);
    expect(await root.evaluate((r) => (r.querySelector('followup-control') as Shadowed).__shadow!.activeElement?.getAttribute('aria-label'))).toBe('Close');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Escape');
    await closed();
    expect(await page.evaluate(() => (window as unknown as Leaks).__leaks)).toEqual([]);
    // Focus moving in and out of our UI is the platform's to show, whatever FollowUp stops: the page
    // sees focus and blur at our host, and our host as its own elements' relatedTarget. That is why
    // the guard stops neither focusin nor focusout, each a call on every focus change the page makes.
    await root.evaluate((r) => (r.querySelector('[g_editable]') as HTMLElement).focus());
    const moves = await page.evaluate(() => (window as unknown as Leaks).__focusMoves);
    expect(moves).toEqual(expect.arrayContaining(['blur relatedTarget', 'focus', 'blur', 'focus relatedTarget']));
    expect(await page.evaluate(() => (window as unknown as Leaks).__leaks)).toEqual([]);
  });

  it(`shortcut (${name}): the command opens the panel in the focused compose, and floats it by an editor FollowUp does not recognise`, async () => {
    const page = await open(`${GMAIL}#inbox`);
    const root = await compose(page.mainFrame(), '#dock .M9');
    await typeAt(root, '[g_editable]', 'Hello');
    // The background's reaction to the command (manifest "commands"): tabs.sendMessage to the active tab.
    const answer = await openPanelByCommand(page);
    expect(answer).toBe(true);
    expect(await panelShows(root, /Which interview/)).toContain('Acme — Product Designer');

    // An editor no adapter knows (a redesigned compose): the panel floats by it.
    await page.evaluate(() => {
      const editor = document.createElement('div');
      editor.id = 'unknown-editor';
      editor.setAttribute('contenteditable', 'true');
      editor.style.cssText = 'position:fixed;top:100px;left:300px;width:400px;height:120px;border:1px solid';
      document.body.append(editor);
      editor.focus();
    });
    expect(await openPanelByCommand(page)).toBe(true);
    await page.waitForFunction(() => [...document.body.children].some((e) => e.localName === 'followup-control'), WAIT);
    await exposeShadows(page.mainFrame());
    // The floating control is the one directly in <body>.
    const shows = (what: string) =>
      page.waitForFunction((w) => (([...document.body.children].find((e) => e.localName === 'followup-control') as Shadowed).__shadow?.textContent ?? '').includes(w), WAIT, what);
    const press = async (label: string) => {
      const h = await page.evaluateHandle(
        (l) => [...(([...document.body.children].find((e) => e.localName === 'followup-control') as Shadowed).__shadow?.querySelectorAll('.p button') ?? [])].find((b) => b.textContent!.startsWith(l)) ?? null,
        label,
      );
      await clickOn(h.asElement() as ElementHandle<Element>);
    };
    await shows('Which interview');
    await press('Acme — Product Designer');
    await shows('Insert');
    await press('Insert');
    // The body it knows (the focused editor) gets the draft; To and the subject it can't know: it says so.
    await shows("Couldn't fill the subject");
    await shows("Couldn't fill To: add ana.lima@acme.example");
    expect(await page.$eval('#unknown-editor', (e) => (e as HTMLElement).innerText)).toMatch(/^Hi Ana,/);
    expect(await root.$eval('input[name=subjectbox]', (i) => (i as HTMLInputElement).value)).toBe('');
  });

  /** What the background does on the keyboard command, from an extension page: tabs.sendMessage to the mail tab. */
  async function openPanelByCommand(page: Page): Promise<unknown> {
    await page.bringToFront();
    return session.inExtension(async (url: string) => {
      const [tab] = await globalThis.chrome.tabs.query({ url: `${url}*` });
      return globalThis.chrome.tabs.sendMessage(tab!.id!, { type: 'openPanel' });
    }, GMAIL);
  }

  it(`diagnostics (${name}): a To that could not be filled shows up in Options' "Copy diagnostics", with the compose's structure and no text or address`, async () => {
    const page = await open(`${GMAIL}?fx=renamed#inbox`);
    const root = await compose(page.mainFrame(), '#dock .M9');
    await typeAt(root, '[g_editable]', 'Thanks again for the office tour.');
    await openPanel(root);
    await kit.choose(root, 'Acme — Product Designer');
    await kit.panelButton(root, 'Insert');
    await panelShows(root, "Couldn't fill To");
    const options = await session.openExtensionPage('src/options/index.html');
    await waitInPage(options, () => !!document.querySelector('#diagnostics-copy'), { what: 'the Copy diagnostics button' });
    await options.click('#diagnostics-copy');
    const copied = await waitInPage(options, () => (document.querySelector('#diagnostics-text') as HTMLTextAreaElement | null)?.value, { what: 'the diagnostics text' });
    await options.close();
    expect(copied).toMatch(/FollowUp 0\.\d+\.\d+/);
    expect(copied).toContain('fill-to');
    expect(copied).toContain('mail.google.com');
    expect(copied).toMatch(/div\.M9/);
    expect(copied).toMatch(/input\.q1I/);
    expect(copied).not.toMatch(/@|Thanks again|office tour|Jane Doe|Acme/);
  });

  it.runIf(name === 'chromium')('F1 (Chromium, content-script world): a script there can\'t delete an outcome, close the interview, move its decision date, open tabs, or read drafts its compose does not address', async () => {
    await session.send({ type: 'recordEvent', id, event: { type: 'outcome', outcome: 'offer' } });
    const before = JSON.stringify((await session.storage())[`interview:${id}`]);
    const page = await open(`${GMAIL}#inbox`);
    await page.waitForFunction(() => document.documentElement.dataset.followup === 'ready', WAIT);
    const tabsBefore = (await session.browser.pages()).length;
    const answers = await session.inContentScript(
      page,
      async (interview: string) => {
        const send = (m: unknown) => globalThis.chrome.runtime.sendMessage(m) as Promise<{ ok: boolean; interviews?: unknown[]; others?: unknown[] }>;
        const jobs = [
          send({ type: 'undoEvent', id: interview, match: { type: 'outcome', outcome: 'offer' } }),
          send({ type: 'recordEvent', id: interview, event: { type: 'outcome', outcome: 'rejected' } }),
          send({ type: 'recordEvent', id: interview, event: { type: 'reply', newDecisionDate: '2999-01-01' } }),
          send({ type: 'recordEvent', id: interview, event: { type: 'sent', step: 'thank-you' } }),
          send({ type: 'snooze', id: interview, step: 'thank-you' }),
          ...Array.from({ length: 50 }, () => send({ type: 'openCompose', id: interview, kind: 'thank-you' })),
        ];
        const refused = (await Promise.all(jobs)).every((r) => r && r.ok === false);
        const context = await send({ type: 'composeContext', recipients: [] });
        return { refused, context };
      },
      id,
    );
    expect(answers.refused).toBe(true);
    expect(answers.context.interviews).toEqual([]);
    expect(JSON.stringify(answers.context)).not.toMatch(/Hi Ana|Thank you for/);
    expect(JSON.stringify((await session.storage())[`interview:${id}`])).toBe(before);
    expect((await session.browser.pages()).length).toBe(tabsBefore);
  });
});

/**
 * The webmail compose integration, end to end in both browsers through the
 * built extension: fixtures modelled on Gmail's and Outlook's compose DOM are
 * served at the real URLs with the Trusted Types header; interviews are saved
 * through the background like the popup does. The user's clicks and keys are
 * real input (FollowUp acts on trusted events only); its closed shadow roots
 * are opened for the test by the driver (compose-ui.ts).
 * The recipient states of every compose kind: compose-recipients.test.ts.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ElementHandle } from 'puppeteer-core';
import { BROWSERS, clickOn, ExtensionSession, fixture } from './harness';
import { composeKit, exposeShadows, WAIT, type ComposeInterview } from './compose-ui';

const GMAIL = 'https://mail.google.com/mail/u/0/#inbox';
const GMAIL_POPOUT = 'https://mail.google.com/mail/u/0/?view=cm&fs=1&tf=1';
const OUTLOOK = 'https://outlook.office.com/mail/';

const HOSTILE = {
  company: '<img src=x onerror="window.__pwned=1">Evil & Co',
  role: '<script>window.__pwned=2</script>Engineer',
  name: '"><svg onload="window.__pwned=3">Mallory',
  topic: '<iframe srcdoc="<script>window.__pwned=4</script>"></iframe> & </div>',
};

type Shadowed = Element & { __shadow?: ShadowRoot };

describe.each(BROWSERS)('compose integration in %s', (name) => {
  let session: ExtensionSession;
  const ids: Record<string, string> = {};
  const kit = composeKit(() => session);
  const { open, compose, controlsIn, openPanel, panelText, panelShows, panelButton, choose, text, value, typeAt, expectDraftAbove } = kit;

  /** Sends a protocol message from an extension page, as the popup would. */
  const message = <T,>(m: unknown): Promise<T> => session.send<T>(m);

  const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();

  async function save(key: string, input: Record<string, unknown>) {
    const r = await message<{ ok: boolean; interview: { id: string }; issues?: unknown }>({ type: 'saveInterview', input });
    expect(r.ok, JSON.stringify(r.issues)).toBe(true);
    ids[key] = r.interview.id;
  }

  /** The drafts the background offers for these recipients (what the panel must show). */
  async function context(recipients: string[]): Promise<ComposeInterview[]> {
    const r = await message<{ ok: true; interviews: ComposeInterview[] }>({ type: 'composeContext', recipients });
    return r.interviews;
  }

  async function history(key: string): Promise<{ type: string; step?: string }[]> {
    const all = await session.storage();
    const record = all[`interview:${ids[key]}`] as { history?: { type: string; step?: string }[] } | undefined;
    return record?.history ?? [];
  }

  const toastText = (page: import('puppeteer-core').Page) => page.evaluate(() => (document.querySelector('followup-toast') as Shadowed | null)?.__shadow?.textContent ?? '');

  /** Waits for the "marked as sent" toast, clicks its Undo (for real) and waits for "Undone". */
  async function undoFromToast(page: import('puppeteer-core').Page): Promise<void> {
    await page.waitForFunction(() => !!document.querySelector('followup-toast'), WAIT);
    await exposeShadows(page.mainFrame());
    expect(await toastText(page)).toMatch(/marked as sent/);
    const undo = await page.evaluateHandle(() => (document.querySelector('followup-toast') as Shadowed).__shadow!.querySelector('button'));
    await clickOn(undo.asElement() as ElementHandle<Element>);
    await page.waitForFunction(() => /Undone/.test((document.querySelector('followup-toast') as Shadowed | null)?.__shadow?.textContent ?? ''), WAIT);
  }

  beforeAll(async () => {
    session = await ExtensionSession.launch(name);
    session.serve({
      'https://mail.google.com/mail/u/0/*': { body: fixture('gmail-compose.html') },
      'https://mail.google.com/mail/u/0/?view=cm*': { body: fixture('gmail-popout.html') },
      'https://mail.google.com/mail/u/1/*': { body: fixture('unknown-markup.html') },
      'https://outlook.office.com/*': { body: fixture('outlook-mail.html') },
      'https://outlook.live.com/*': { body: fixture('unknown-markup.html') },
    });
    await save('acme', {
      company: 'Acme',
      role: 'Product Designer',
      interviewAt: hoursAgo(3),
      contacts: [{ name: 'Ana Lima', email: 'ana.lima@acme.example' }],
      topic: 'the design system',
    });
    await save('globex', {
      company: 'Globex',
      role: 'UX Researcher',
      interviewAt: hoursAgo(4),
      contacts: [{ name: 'Bo Chen', email: 'bo.chen@globex.example' }],
    });
  });

  afterEach(async () => {
    expect(await kit.settle()).toEqual([]);
  });

  afterAll(() => session?.close());

  describe('Gmail', () => {
    it('shows the control once in a compose open at load, in two docked at once, in full screen and in an inline reply', async () => {
      const page = await open(GMAIL);
      const main = page.mainFrame();
      const first = await compose(main, '#dock .M9');
      expect(await controlsIn(first)).toBe(1);

      await page.click('[data-act=compose]');
      await main.waitForFunction(() => document.querySelectorAll('#dock .M9').length === 2 && [...document.querySelectorAll('#dock .M9')].every((m) => m.querySelector('followup-control')), WAIT);
      const counts = await page.$$eval('#dock .M9', (ms) => ms.map((m) => m.querySelectorAll('followup-control').length));
      expect(counts).toEqual([1, 1]);

      // Full screen re-parents the same compose: still exactly one control, still working.
      await first.evaluate((m) => (m.querySelector('[data-act=fullscreen]') as HTMLElement).click());
      await main.waitForFunction(() => document.querySelector('#fullscreen-slot .M9'), WAIT);
      const full = await compose(main, '#fullscreen-slot .M9');
      await session.afterFrames(page); // any (wrong) re-injection would happen in the next frame
      expect(await controlsIn(full)).toBe(1);
      expect(await page.$$eval('followup-control', (c) => c.length)).toBe(2);
      expect(await openPanel(full)).toMatch(/Which interview/);
      await full.evaluate((m) => (m.querySelector('[data-act=fullscreen]') as HTMLElement).click());
      await main.waitForFunction(() => !document.querySelector('#fullscreen-slot .M9'), WAIT);
      await session.afterFrames(page);
      expect(await page.$$eval('followup-control', (c) => c.length)).toBe(2);

      // Inline reply: nothing watches the thread; its editor takes focus when it opens.
      await page.$eval('[data-act=reply]', (b) => (b as HTMLElement).click());
      const inline = await compose(main, '.ip.adB .M9');
      expect(await controlsIn(inline)).toBe(1);
      expect(await page.$$eval('followup-control', (c) => c.length)).toBe(3);

      // Closing composes takes their controls with them.
      await inline.evaluate((m) => (m.querySelector('[data-act=close]') as HTMLElement).click());
      await page.$$eval('#dock [data-act=close][aria-label^=Save]', (bs) => bs.forEach((b) => (b as HTMLElement).click()));
      await main.waitForFunction(() => document.querySelectorAll('followup-control').length === 0, WAIT);
    });

    it('finds an inline reply that takes focus just after the page moved focus hundreds of times (while FollowUp\'s focus listener rests)', async () => {
      const page = await open(GMAIL);
      const main = page.mainFrame();
      await compose(main, '#dock .M9');
      // One task: 300 focus changes between two fields, then the reply opens and its editor takes
      // focus. FollowUp hears the first change only, and where focus is after its rest (focus.ts).
      await page.evaluate(() => {
        const fields = [0, 1].map(() => document.getElementById('thread')!.appendChild(document.createElement('input')));
        for (let i = 0; i < 300; i++) fields[i % 2]!.focus();
        (document.querySelector('[data-act=reply]') as HTMLElement).click();
      });
      const inline = await compose(main, '.ip.adB .M9');
      expect(await controlsIn(inline)).toBe(1);
      expect(await openPanel(inline)).toContain('About Acme — Product Designer');
    });

    it('gives the toolbar grid a <col> for the cell it adds', async () => {
      const page = await open(GMAIL);
      const root = await compose(page.mainFrame(), '#dock .M9');
      expect(await root.evaluate((r) => [r.querySelectorAll('.IZ colgroup col').length, r.querySelectorAll('.IZ .btC > td').length])).toEqual([5, 5]);
    });

    it('puts its control back when Gmail re-renders the bottom bar, after the user has typed', async () => {
      const page = await open(GMAIL);
      const root = await compose(page.mainFrame(), '#dock .M9');
      // Typing changes only the editor, which the compose's observer no longer watches.
      await typeAt(root, '[g_editable]', 'Thanks again for the office tour.');
      // Gmail builds the bar anew: the same table without our cell and its <col>.
      await root.evaluate((r) => {
        const bar = r.querySelector('table.IZ')!;
        const fresh = bar.cloneNode(true) as Element;
        fresh.querySelector('followup-control')!.closest('td')!.remove();
        fresh.querySelector('colgroup col:last-child')!.remove();
        bar.replaceWith(fresh);
        fresh.setAttribute('data-fresh', '');
      });
      await root.frame.waitForFunction((r) => r.querySelector('table.IZ[data-fresh] followup-control'), WAIT, root);
      expect(await root.evaluate((r) => [r.querySelectorAll('followup-control').length, r.querySelectorAll('.IZ colgroup col').length, r.querySelectorAll('.IZ .btC > td').length])).toEqual([1, 5, 5]);
      expect(await openPanel(root)).toContain('Which interview is this email about?');
      expect(await text(root, '[g_editable]')).toContain('Thanks again for the office tour.');
    });

    it("Insert fills To, subject and body through the page's input path, keeping the user's text and signature", async () => {
      const [acme] = await context(['ana.lima@acme.example']);
      const draft = acme!.drafts[0]!.draft;
      const page = await open(GMAIL);
      const root = await compose(page.mainFrame(), '#dock .M9');
      await typeAt(root, '[g_editable]', 'P.S. The office tour was great.');
      await page.evaluate(() => (window.__inputs = []));

      const shown = await openPanel(root);
      expect(shown).toContain('Which interview is this email about?');
      expect(shown).toContain('Acme — Product Designer');
      expect(shown).toContain('Globex — UX Researcher');
      await choose(root, 'Acme — Product Designer');
      expect(await panelText(root)).toContain(draft.subject);
      await panelButton(root, 'Insert');

      await root.frame.waitForFunction((r) => r.querySelector('[name=to] [data-hovercard-id]'), WAIT, root);
      expect(await root.$$eval('[name=to] [data-hovercard-id]', (c) => c.map((x) => x.getAttribute('data-hovercard-id')))).toEqual(draft.to);
      expect(await value(root, 'input[name=subjectbox]')).toBe(draft.subject);
      const body = await text(root, '[g_editable]');
      expectDraftAbove(body, draft, 'P.S. The office tour was great.');
      expect(body.indexOf('Jane Doe')).toBeGreaterThan(body.indexOf('P.S. The office tour was great.'));
      // The page heard of each change (Gmail's chip UI takes the address as a paste, with no input event).
      const inputs = await page.evaluate(() => window.__inputs as { field: string }[]);
      expect(inputs.map((i) => i.field)).toEqual(expect.arrayContaining(['subject', 'body']));
      expect(await root.evaluate((r) => r.getAttribute('data-draft-state'))).toBe('saving');
      // The panel closed.
      await root.frame.waitForFunction((r) => !(r.querySelector('followup-control') as Shadowed).__shadow!.querySelector('.p'), WAIT, root);
    });

    it('selects the interview by a recipient address, and offers the choice when none matches', async () => {
      const page = await open(GMAIL);
      const root = await compose(page.mainFrame(), '#dock .M9');
      await typeAt(root, '[name=to] input', 'Bo.Chen@globex.example,');
      await root.waitForSelector('[data-hovercard-id]', WAIT);
      const shown = await openPanel(root);
      expect(shown).toContain('About Globex — UX Researcher');
      expect(shown).not.toContain('Which interview');

      await page.click('[data-act=compose]');
      const other = await compose(page.mainFrame(), '#dock .nn:first-child .M9');
      await typeAt(other, '[name=to] input', 'someone@else.example,');
      await other.waitForSelector('[data-hovercard-id]', WAIT);
      const choice = await openPanel(other);
      expect(choice).toContain('Which interview is this email about?');
      expect(choice).toContain('Acme — Product Designer');
      expect(choice).toContain('Globex — UX Researcher');
      expect(choice).not.toContain('About ');
    });

    it('shows a badge for a pushy sentence and replaces it with the calmer wording in one click', async () => {
      const page = await open(GMAIL);
      const root = await compose(page.mainFrame(), '#dock .M9');
      const badge = () => root.evaluate((r) => { const n = (r.querySelector('followup-control') as Shadowed).__shadow!.querySelector('.n') as HTMLElement; return n.hidden ? 0 : Number(n.textContent); });
      expect(await badge()).toBe(0);
      await typeAt(root, '[g_editable]', "Hi Ana, I still haven't heard back from you.");
      await root.frame.waitForFunction((r) => !((r.querySelector('followup-control') as Shadowed).__shadow!.querySelector('.n') as HTMLElement).hidden, WAIT, root);
      expect(await badge()).toBe(1);
      expect(await root.evaluate((r) => (r.querySelector('followup-control') as Shadowed).__shadow!.querySelector('button')!.getAttribute('aria-label'))).toBe('Insert follow-up email');
      const shown = await openPanel(root, 'Use calmer wording');
      expect(shown).toContain("I still haven't heard back from you");
      await page.evaluate(() => (window.__inputs = []));
      await panelButton(root, 'Use calmer wording');
      await root.frame.waitForFunction((r) => ((r.querySelector('followup-control') as Shadowed).__shadow!.querySelector('.n') as HTMLElement).hidden, WAIT, root);
      const body = await text(root, '[g_editable]');
      expect(body).not.toContain("haven't heard");
      expect(body).toMatch(/^Hi Ana, I wanted to check in\.?/);
      expect(body).toContain('Jane Doe');
      expect(await page.evaluate(() => window.__inputs.some((i) => i.field === 'body'))).toBe(true);
    });

    it('leaves quoted messages out of the tone check in an inline reply', async () => {
      const page = await open(GMAIL);
      await page.$eval('[data-act=reply]', (b) => (b as HTMLElement).click());
      const root = await compose(page.mainFrame(), '.ip.adB .M9');
      const shown = await openPanel(root);
      // The reply's recipient (Ana) selects Acme; the quoted "ASAP!!" is not the user's.
      expect(shown).toContain('About Acme — Product Designer');
      expect(shown).not.toContain('Pressing words');
      expect(await root.evaluate((r) => ((r.querySelector('followup-control') as Shadowed).__shadow!.querySelector('.n') as HTMLElement).hidden)).toBe(true);
      // The hidden subject of an inline reply is left alone; the draft goes above the signature and the quote.
      await panelButton(root, 'Insert');
      await root.frame.waitForFunction((r) => (r.querySelector('[g_editable]') as HTMLElement).innerText.indexOf('Jane Doe') > 20, WAIT, root);
      expect(await value(root, 'input[name=subjectbox]')).toBe('Re: Next steps — Product Designer');
      const body = await text(root, '[g_editable]');
      expect(body.indexOf('Jane Doe')).toBeLessThan(body.indexOf('schrieb Ana Lima'));
      expect(body.indexOf('Ana')).toBeLessThan(body.indexOf('Jane Doe'));
    });

    it('records the step as sent when the compose is sent, and Undo reverts it', async () => {
      const [acme] = await context(['ana.lima@acme.example']);
      const step = acme!.drafts[0]!.kind;
      const page = await open(GMAIL);
      const root = await compose(page.mainFrame(), '#dock .M9');
      await openPanel(root);
      await choose(root, 'Acme — Product Designer');
      await panelButton(root, 'Insert');
      await root.waitForSelector('[name=to] [data-hovercard-id]', WAIT);
      expect((await history('acme')).filter((e) => e.type === 'sent')).toEqual([]);

      await clickOn((await root.$('.T-I-atl:not([aria-haspopup])'))!);
      await page.waitForFunction(() => !document.querySelector('#dock .M9'), WAIT);
      await expect.poll(async () => (await history('acme')).filter((e) => e.type === 'sent'), WAIT).toEqual([expect.objectContaining({ type: 'sent', step })]);
      expect(await page.evaluate(() => window.__sent.length)).toBe(1);
      await undoFromToast(page);
      expect(await toastText(page)).toContain('Undone');
      expect((await history('acme')).filter((e) => e.type === 'sent')).toEqual([]);
    });

    it('does not record anything when a compose with a draft is closed without sending', async () => {
      const page = await open(GMAIL);
      const root = await compose(page.mainFrame(), '#dock .M9');
      await openPanel(root);
      await choose(root, 'Acme — Product Designer');
      await panelButton(root, 'Insert');
      await root.waitForSelector('[name=to] [data-hovercard-id]', WAIT);
      await root.evaluate((m) => (m.querySelector('[data-act=close]') as HTMLElement).click());
      await page.waitForFunction(() => !document.querySelector('#dock .M9'), WAIT);
      // The dock's observer sees the compose leave at once; a "sent" it sent then would reach
      // the background before this later round trip does.
      await session.afterFrames(page);
      const { backup } = await session.send<{ backup: { interviews: { id: string; history: { type: string }[] }[] } }>({ type: 'exportBackup' });
      expect(backup.interviews.find((i) => i.id === ids.acme)!.history.filter((e) => e.type === 'sent')).toEqual([]);
      expect(await page.$('followup-toast')).toBeNull();
    });

    it('inserts hostile interview data as inert text', async () => {
      await save('hostile', {
        company: HOSTILE.company,
        role: HOSTILE.role,
        interviewAt: hoursAgo(2),
        contacts: [{ name: HOSTILE.name, email: 'mallory@evil.example' }],
        topic: HOSTILE.topic,
        notes: HOSTILE.topic,
      });
      const [hostile] = await context(['mallory@evil.example']);
      const draft = hostile!.drafts[0]!.draft;
      const page = await open(GMAIL);
      const root = await compose(page.mainFrame(), '#dock .M9');
      await typeAt(root, '[name=to] input', 'mallory@evil.example,');
      const shown = await openPanel(root, 'Insert');
      expect(shown).toContain(`About ${HOSTILE.company} — ${HOSTILE.role}`);
      expect(await root.evaluate((r) => (r.querySelector('followup-control') as Shadowed).__shadow!.querySelectorAll('img, script, svg, iframe').length)).toBe(0);
      await panelButton(root, 'Insert');
      await root.frame.waitForFunction((r) => (r.querySelector('input[name=subjectbox]') as HTMLInputElement).value !== '', WAIT, root);
      expect(await value(root, 'input[name=subjectbox]')).toBe(draft.subject);
      const body = await text(root, '[g_editable]');
      for (const line of draft.body.split('\n').filter((l) => l.trim())) expect(body).toContain(line);
      // Whatever of the payloads the draft carries is there as text, never as markup.
      expect(draft.body + draft.subject).toMatch(/<img|<script|<svg|<iframe/);
      expect(await root.$$eval('[g_editable] img, [g_editable] script, [g_editable] svg, [g_editable] iframe', (e) => e.length)).toBe(0);
      expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
      await message({ type: 'deleteInterview', id: ids.hostile });
    });

    it('works in the standalone pop-out window', async () => {
      const [acme] = await context(['ana.lima@acme.example']);
      const draft = acme!.drafts[0]!.draft;
      const page = await open(GMAIL_POPOUT);
      const root = await compose(page.mainFrame(), '[role=main]');
      expect(await controlsIn(root)).toBe(1);
      await openPanel(root);
      await choose(root, 'Acme — Product Designer');
      await panelButton(root, 'Insert');
      await root.waitForSelector('[data-hovercard-id]', WAIT);
      expect(await value(root, 'input[name=subjectbox]')).toBe(draft.subject);
      expectDraftAbove(await text(root, '[g_editable]'), draft);
      const inputs = await page.evaluate(() => window.__inputs as { field: string }[]);
      expect(inputs.map((i) => i.field)).toEqual(expect.arrayContaining(['subject', 'body']));
    });

    it('stays silent on markup it does not know', async () => {
      const page = await open('https://mail.google.com/mail/u/1/#inbox');
      await page.waitForFunction(() => document.body.dataset.settled === 'true' && document.documentElement.dataset.followup === 'ready', WAIT);
      await session.afterFrames(page); // the watcher's scan of the settled page
      await page.click('.new-msg');
      await session.afterFrames(page);
      expect(await page.$$eval('followup-control, followup-toast', (c) => c.length)).toBe(0);
      expect(await page.$eval('iframe', (f) => (f as HTMLIFrameElement).contentDocument!.querySelectorAll('followup-control').length)).toBe(0);
    });
  });

  describe('Outlook', () => {
    it('inline new mail: the control appears once and Insert fills To, subject and body', async () => {
      const [acme] = await context(['ana.lima@acme.example']);
      const draft = acme!.drafts[0]!.draft;
      const page = await open(OUTLOOK);
      await page.click('[data-act=new]');
      const root = await compose(page.mainFrame(), '[role=main]');
      expect(await controlsIn(root)).toBe(1);
      await openPanel(root);
      await choose(root, 'Acme — Product Designer');
      await panelButton(root, 'Insert');
      await root.waitForSelector('[data-field=to] .chip', WAIT);
      expect(await root.$$eval('[data-field=to] .chip', (c) => c.map((x) => x.textContent))).toEqual(draft.to);
      expect(await value(root, 'input[id$=_SUBJECT]')).toBe(draft.subject);
      const body = await text(root, '[aria-multiline=true]');
      expectDraftAbove(body, draft);
      expect(body.indexOf('Jane Doe')).toBeGreaterThan(body.indexOf(draft.body.split('\n').filter((l) => l.trim()).pop()!));
      const inputs = await page.evaluate(() => window.__inputs as { field: string }[]);
      expect(new Set(inputs.map((i) => i.field))).toEqual(new Set(['to', 'subject', 'body']));
    });

    it('inline reply: matches the recipient, asks before replacing the subject, keeps the quote out of the check', async () => {
      const page = await open(OUTLOOK);
      await page.click('[data-act=reply]');
      const root = await compose(page.mainFrame(), '[role=main]');
      const shown = await openPanel(root);
      expect(shown).toContain('About Acme — Product Designer');
      expect(shown).not.toContain('Pressing words');
      await panelButton(root, 'Insert');
      expect(await panelShows(root, /Replace your subject/)).toContain('Replace your subject “RE: Next steps — Product Designer”?');
      await panelButton(root, 'Keep mine');
      await root.frame.waitForFunction((r) => (r.querySelector('[aria-multiline=true]') as HTMLElement).innerText.indexOf('Jane Doe') > 20, WAIT, root);
      expect(await value(root, 'input[id$=_SUBJECT]')).toBe('RE: Next steps — Product Designer');
      const body = await text(root, '[aria-multiline=true]');
      expect(body.indexOf('Jane Doe')).toBeLessThan(body.indexOf('Von: Ana Lima'));
      expect(await root.$$eval('[data-field=to] .chip', (c) => c.length)).toBe(1);
    });

    it('pop-out frame: the control moves with the draft, and Ctrl+Enter there records the step as sent, with Undo', async () => {
      const [acme] = await context(['ana.lima@acme.example']);
      const step = acme!.drafts[0]!.kind;
      const page = await open(OUTLOOK);
      await page.click('[data-act=new]');
      const inline = await compose(page.mainFrame(), '[role=main]');
      await inline.evaluate((r) => (r.querySelector('[data-act=popout]') as HTMLElement).click());
      const frame = (await (await page.waitForSelector('#popout', WAIT))!.contentFrame())!;
      const root = await compose(frame, '[data-app-section=Form_Content]');
      expect(await controlsIn(root)).toBe(1);
      expect(await page.$$eval('followup-control', (c) => c.length)).toBe(0);
      await openPanel(root);
      await choose(root, 'Acme — Product Designer');
      await panelButton(root, 'Insert');
      await root.waitForSelector('[data-field=to] .chip', WAIT);
      expect(await page.evaluate(() => window.__inputs.some((i) => i.frame && i.field === 'body'))).toBe(true);

      await root.$eval('[aria-multiline=true]', (b) => (b as HTMLElement).focus());
      await page.keyboard.down('Control');
      await page.keyboard.press('Enter');
      await page.keyboard.up('Control');
      await page.waitForFunction(() => !document.getElementById('popout'), WAIT);
      await expect.poll(async () => (await history('acme')).filter((e) => e.type === 'sent'), WAIT).toEqual([expect.objectContaining({ type: 'sent', step })]);
      await undoFromToast(page);
      expect((await history('acme')).filter((e) => e.type === 'sent')).toEqual([]);
    });

    it('stays silent on markup it does not know', async () => {
      const page = await open('https://outlook.live.com/mail/0/');
      await page.waitForFunction(() => document.body.dataset.settled === 'true' && document.documentElement.dataset.followup === 'ready', WAIT);
      await session.afterFrames(page);
      expect(await page.$$eval('followup-control, followup-toast', (c) => c.length)).toBe(0);
    });
  });
});

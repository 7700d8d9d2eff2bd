/**
 * The webmail compose integration, end to end in both browsers through the
 * built extension: fixtures modelled on Gmail's and Outlook's compose DOM are
 * served at the real URLs with the Trusted Types header; interviews are saved
 * through the background like the popup does.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ElementHandle, Frame, Page } from 'puppeteer-core';
import { BROWSERS, clickOn, ExtensionSession, fixture } from './harness';

const GMAIL = 'https://mail.google.com/mail/u/0/#inbox';
const GMAIL_POPOUT = 'https://mail.google.com/mail/u/0/?view=cm&fs=1&tf=1';
const OUTLOOK = 'https://outlook.office.com/mail/';
const WAIT = { timeout: 15_000 };

type Draft = { to: string[]; subject: string; body: string };
type ComposeInterview = { id: string; company: string; role: string; matched: boolean; drafts: { kind: string; draft: Draft }[] };

const HOSTILE = {
  company: '<img src=x onerror="window.__pwned=1">Evil & Co',
  role: '<script>window.__pwned=2</script>Engineer',
  name: '"><svg onload="window.__pwned=3">Mallory',
  topic: '<iframe srcdoc="<script>window.__pwned=4</script>"></iframe> & </div>',
};

describe.each(BROWSERS)('compose integration in %s', (name) => {
  let session: ExtensionSession;
  let pages: Page[] = [];
  let errors: string[] = [];
  const ids: Record<string, string> = {};

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

  async function open(url: string): Promise<Page> {
    const page = await session.openPage(url);
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

  /** The compose root matching `scope` in `frame`, once it has our control. */
  async function compose(frame: Frame, scope: string): Promise<ElementHandle<Element>> {
    const handle = await frame.waitForFunction(
      (s) => {
        const root = document.querySelector(s);
        return root?.querySelector('followup-control')?.shadowRoot?.querySelector('button') ? root : null;
      },
      WAIT,
      scope,
    );
    return handle.asElement() as ElementHandle<Element>;
  }

  const controlsIn = (root: ElementHandle<Element>) => root.evaluate((r) => r.querySelectorAll('followup-control').length);

  async function shadow(root: ElementHandle<Element>, selector: string): Promise<ElementHandle<Element>> {
    const h = await root.evaluateHandle((r, s) => r.querySelector('followup-control')!.shadowRoot!.querySelector(s), selector);
    const el = h.asElement();
    if (!el) throw new Error(`no ${selector} in the control`);
    return el as ElementHandle<Element>;
  }

  const panelText = (root: ElementHandle<Element>) =>
    root.evaluate((r) => r.querySelector('followup-control')?.shadowRoot?.querySelector('.p')?.textContent ?? '');

  async function openPanel(root: ElementHandle<Element>, until: string | RegExp = /Insert|Which interview|Nothing|No interview/): Promise<string> {
    await clickOn(await shadow(root, 'button'));
    const frame = root.frame;
    await frame.waitForFunction(
      (r, src, flags) => new RegExp(src, flags).test(r.querySelector('followup-control')?.shadowRoot?.querySelector('.p')?.textContent ?? ''),
      WAIT,
      root,
      typeof until === 'string' ? until.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : until.source,
      typeof until === 'string' ? '' : until.flags,
    );
    return panelText(root);
  }

  /** Clicks the panel button whose text is `label` (or starts with it). */
  async function panelButton(root: ElementHandle<Element>, label: string): Promise<void> {
    const h = await root.evaluateHandle(
      (r, l) => [...r.querySelector('followup-control')!.shadowRoot!.querySelectorAll('.p button')].find((b) => b.textContent!.startsWith(l)) ?? null,
      label,
    );
    const el = h.asElement();
    if (!el) throw new Error(`no panel button "${label}" in: ${await panelText(root)}`);
    await clickOn(el as ElementHandle<Element>);
  }

  const bodyText = (root: ElementHandle<Element>, sel: string) => root.evaluate((r, s) => (r.querySelector(s) as HTMLElement).innerText, sel);

  /** Puts the caret at the start of the body's first line and types `text` as a user would. */
  async function typeInBody(root: ElementHandle<Element>, sel: string, text: string, page: Page): Promise<void> {
    await root.evaluate((r, s) => {
      const body = r.querySelector(s) as HTMLElement;
      body.focus();
      const first = body.querySelector('div') ?? body;
      const range = document.createRange();
      range.setStart(first, 0);
      range.collapse(true);
      const selection = getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
    }, sel);
    await page.keyboard.type(text);
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
    for (const page of pages) await page.close().catch(() => undefined);
    pages = [];
    const seen = errors;
    errors = [];
    expect(seen).toEqual([]);
  });

  afterAll(() => session?.close());

  describe('Gmail', () => {
    it('shows the control once in a compose open at load, in two docked at once, in full screen and in an inline reply', async () => {
      const page = await open(GMAIL);
      const main = page.mainFrame();
      const first = await compose(main, '#dock .M9');
      expect(await controlsIn(first)).toBe(1);

      await page.click('[data-act=compose]');
      await main.waitForFunction(() => [...document.querySelectorAll('#dock .M9')].every((m) => m.querySelector('followup-control')), WAIT);
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

      // Inline reply.
      await page.$eval('[data-act=reply]', (b) => (b as HTMLElement).click());
      const inline = await compose(main, '.ip.adB .M9');
      expect(await controlsIn(inline)).toBe(1);
      expect(await page.$$eval('followup-control', (c) => c.length)).toBe(3);

      // Closing composes takes their controls with them.
      await inline.evaluate((m) => (m.querySelector('[data-act=close]') as HTMLElement).click());
      await page.$$eval('#dock [data-act=close][aria-label^=Save]', (bs) => bs.forEach((b) => (b as HTMLElement).click()));
      await main.waitForFunction(() => document.querySelectorAll('followup-control').length === 0, WAIT);
    });

    it('Insert fills To, subject and body through the page\'s input path, keeping the user\'s text and signature', async () => {
      const [acme] = await context(['ana.lima@acme.example']);
      const draft = acme!.drafts[0]!.draft;
      const page = await open(GMAIL);
      const root = await compose(page.mainFrame(), '#dock .M9');
      await typeInBody(root, '[g_editable]', 'P.S. The office tour was great.', page);
      await page.evaluate(() => (window.__inputs = []));

      const text = await openPanel(root);
      expect(text).toContain('Which interview is this email about?');
      expect(text).toContain('Acme — Product Designer');
      expect(text).toContain('Globex — UX Researcher');
      await panelButton(root, 'Acme — Product Designer');
      await root.frame.waitForFunction((r) => /Insert/.test(r.querySelector('followup-control')!.shadowRoot!.querySelector('.p')!.textContent!), WAIT, root);
      expect(await panelText(root)).toContain(draft.subject);
      await panelButton(root, 'Insert');

      await root.frame.waitForFunction((r) => r.querySelector('[name=to] [data-hovercard-id]'), WAIT, root);
      expect(await root.$$eval('[name=to] [data-hovercard-id]', (c) => c.map((x) => x.getAttribute('data-hovercard-id')))).toEqual(draft.to);
      expect(await root.$eval('input[name=subjectbox]', (i) => (i as HTMLInputElement).value)).toBe(draft.subject);
      const body = await bodyText(root, '[g_editable]');
      const lines = draft.body.split('\n').filter((l) => l.trim());
      let at = -1;
      for (const line of lines) {
        const next = body.indexOf(line, at + 1);
        expect(next, `"${line}" in order in:\n${body}`).toBeGreaterThan(at);
        at = next;
      }
      expect(body.trimStart().startsWith(lines[0]!)).toBe(true);
      const ps = body.indexOf('P.S. The office tour was great.');
      const sig = body.indexOf('Jane Doe');
      expect(ps).toBeGreaterThan(at);
      expect(sig).toBeGreaterThan(ps);
      const inputs = await page.evaluate(() => window.__inputs as { field: string }[]);
      expect(new Set(inputs.map((i) => i.field))).toEqual(new Set(['to', 'subject', 'body']));
      expect(await root.evaluate((r) => r.getAttribute('data-draft-state'))).toBe('saving');
      // The panel closed, and our clicks never reached the page's own click handlers.
      expect(await panelText(root)).toBe('');
    });

    it('selects the interview by a recipient address, and offers the choice when none matches', async () => {
      const page = await open(GMAIL);
      const root = await compose(page.mainFrame(), '#dock .M9');
      await root.$eval('[name=to] input', (i) => (i as HTMLInputElement).focus());
      await page.keyboard.type('Bo.Chen@globex.example,');
      await root.waitForSelector('[data-hovercard-id]', WAIT);
      const text = await openPanel(root);
      expect(text).toContain('About Globex — UX Researcher');
      expect(text).not.toContain('Which interview');

      await page.click('[data-act=compose]');
      const other = await compose(page.mainFrame(), '#dock .nn:first-child .M9');
      await other.$eval('[name=to] input', (i) => (i as HTMLInputElement).focus());
      await page.keyboard.type('someone@else.example,');
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
      const badge = () => root.evaluate((r) => { const n = r.querySelector('followup-control')!.shadowRoot!.querySelector('.n') as HTMLElement; return n.hidden ? 0 : Number(n.textContent); });
      expect(await badge()).toBe(0);
      await typeInBody(root, '[g_editable]', "Hi Ana, I still haven't heard back from you.", page);
      await root.frame.waitForFunction((r) => !(r.querySelector('followup-control')!.shadowRoot!.querySelector('.n') as HTMLElement).hidden, WAIT, root);
      expect(await badge()).toBe(1);
      expect(await root.evaluate((r) => r.querySelector('followup-control')!.shadowRoot!.querySelector('button')!.getAttribute('aria-label'))).toBe('Insert follow-up email');
      const text = await openPanel(root, 'Use calmer wording');
      expect(text).toContain("I still haven't heard back from you");
      await page.evaluate(() => (window.__inputs = []));
      await panelButton(root, 'Use calmer wording');
      await root.frame.waitForFunction((r) => (r.querySelector('followup-control')!.shadowRoot!.querySelector('.n') as HTMLElement).hidden, WAIT, root);
      const body = await bodyText(root, '[g_editable]');
      expect(body).not.toContain("haven't heard");
      expect(body).toMatch(/^Hi Ana, I wanted to check in\.?/);
      expect(body).toContain('Jane Doe');
      expect(await page.evaluate(() => window.__inputs.some((i) => i.field === 'body'))).toBe(true);
    });

    it('leaves quoted messages out of the tone check in an inline reply', async () => {
      const page = await open(GMAIL);
      await page.$eval('[data-act=reply]', (b) => (b as HTMLElement).click());
      const root = await compose(page.mainFrame(), '.ip.adB .M9');
      const text = await openPanel(root);
      // The reply's recipient (Ana) selects Acme; the quoted "ASAP!!" is not the user's.
      expect(text).toContain('About Acme — Product Designer');
      expect(text).not.toContain('Pressing words');
      expect(await root.evaluate((r) => (r.querySelector('followup-control')!.shadowRoot!.querySelector('.n') as HTMLElement).hidden)).toBe(true);
      // The hidden subject of an inline reply is left alone; the draft goes above the signature and the quote.
      await panelButton(root, 'Insert');
      await root.frame.waitForFunction((r) => (r.querySelector('[g_editable]') as HTMLElement).innerText.indexOf('Jane Doe') > 20, WAIT, root);
      expect(await root.$eval('input[name=subjectbox]', (i) => (i as HTMLInputElement).value)).toBe('Re: Next steps — Product Designer');
      const body = await bodyText(root, '[g_editable]');
      expect(body.indexOf('Jane Doe')).toBeLessThan(body.indexOf('schrieb Ana Lima'));
      expect(body.indexOf('Ana')).toBeLessThan(body.indexOf('Jane Doe'));
    });

    it('records the step as sent when the compose is sent, and Undo reverts it', async () => {
      const [acme] = await context(['ana.lima@acme.example']);
      const step = acme!.drafts[0]!.kind;
      const page = await open(GMAIL);
      const root = await compose(page.mainFrame(), '#dock .M9');
      await openPanel(root);
      await panelButton(root, 'Acme — Product Designer');
      await root.frame.waitForFunction((r) => /Insert/.test(r.querySelector('followup-control')!.shadowRoot!.querySelector('.p')!.textContent!), WAIT, root);
      await panelButton(root, 'Insert');
      await root.waitForSelector('[name=to] [data-hovercard-id]', WAIT);
      expect((await history('acme')).filter((e) => e.type === 'sent')).toEqual([]);

      await (await root.$('.T-I-atl:not([aria-haspopup])'))!.click();
      await page.waitForFunction(() => !document.querySelector('#dock .M9'), WAIT);
      await page.waitForFunction(() => /marked as sent/.test(document.querySelector('followup-toast')?.shadowRoot?.textContent ?? ''), WAIT);
      expect(await page.$eval('followup-toast', (t) => t.shadowRoot!.textContent)).toContain('email to Acme marked as sent.');
      await expect.poll(async () => (await history('acme')).filter((e) => e.type === 'sent'), WAIT).toEqual([expect.objectContaining({ type: 'sent', step })]);
      expect(await page.evaluate(() => window.__sent.length)).toBe(1);

      const undo = await page.evaluateHandle(() => document.querySelector('followup-toast')!.shadowRoot!.querySelector('button'));
      await (undo.asElement() as ElementHandle<Element>).click();
      await page.waitForFunction(() => /Undone/.test(document.querySelector('followup-toast')?.shadowRoot?.textContent ?? ''), WAIT);
      expect((await history('acme')).filter((e) => e.type === 'sent')).toEqual([]);
    });

    it('does not record anything when a compose with a draft is closed without sending', async () => {
      const page = await open(GMAIL);
      const root = await compose(page.mainFrame(), '#dock .M9');
      await openPanel(root);
      await panelButton(root, 'Acme — Product Designer');
      await root.frame.waitForFunction((r) => /Insert/.test(r.querySelector('followup-control')!.shadowRoot!.querySelector('.p')!.textContent!), WAIT, root);
      await panelButton(root, 'Insert');
      await root.waitForSelector('[name=to] [data-hovercard-id]', WAIT);
      await root.evaluate((m) => (m.querySelector('[data-act=close]') as HTMLElement).click());
      await page.waitForFunction(() => !document.querySelector('#dock .M9'), WAIT);
      // The watcher notices the compose left within a frame; a "sent" it sent then would reach
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
      await root.$eval('[name=to] input', (i) => (i as HTMLInputElement).focus());
      await page.keyboard.type('mallory@evil.example,');
      const text = await openPanel(root);
      expect(text).toContain(`About ${HOSTILE.company} — ${HOSTILE.role}`);
      expect(await root.evaluate((r) => r.querySelector('followup-control')!.shadowRoot!.querySelectorAll('img, script, svg, iframe').length)).toBe(0);
      await panelButton(root, 'Insert');
      await root.frame.waitForFunction((r) => (r.querySelector('input[name=subjectbox]') as HTMLInputElement).value !== '', WAIT, root);
      expect(await root.$eval('input[name=subjectbox]', (i) => (i as HTMLInputElement).value)).toBe(draft.subject);
      const body = await bodyText(root, '[g_editable]');
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
      await panelButton(root, 'Acme — Product Designer');
      await root.frame.waitForFunction((r) => /Insert/.test(r.querySelector('followup-control')!.shadowRoot!.querySelector('.p')!.textContent!), WAIT, root);
      await panelButton(root, 'Insert');
      await root.waitForSelector('[data-hovercard-id]', WAIT);
      expect(await root.$eval('input[name=subjectbox]', (i) => (i as HTMLInputElement).value)).toBe(draft.subject);
      expect((await bodyText(root, '[g_editable]')).trimStart().startsWith(draft.body.split('\n')[0]!)).toBe(true);
      const inputs = await page.evaluate(() => window.__inputs as { field: string }[]);
      expect(new Set(inputs.map((i) => i.field))).toEqual(new Set(['to', 'subject', 'body']));
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
      await panelButton(root, 'Acme — Product Designer');
      await root.frame.waitForFunction((r) => /Insert/.test(r.querySelector('followup-control')!.shadowRoot!.querySelector('.p')!.textContent!), WAIT, root);
      await panelButton(root, 'Insert');
      await root.waitForSelector('[data-field=to] .chip', WAIT);
      expect(await root.$$eval('[data-field=to] .chip', (c) => c.map((x) => x.textContent))).toEqual(draft.to);
      expect(await root.$eval('input[id$=_SUBJECT]', (i) => (i as HTMLInputElement).value)).toBe(draft.subject);
      const body = await bodyText(root, '[aria-multiline=true]');
      expect(body.trimStart().startsWith(draft.body.split('\n')[0]!)).toBe(true);
      for (const line of draft.body.split('\n').filter((l) => l.trim())) expect(body).toContain(line);
      expect(body.indexOf('Jane Doe')).toBeGreaterThan(body.indexOf(draft.body.split('\n').filter((l) => l.trim()).pop()!));
      const inputs = await page.evaluate(() => window.__inputs as { field: string }[]);
      expect(new Set(inputs.map((i) => i.field))).toEqual(new Set(['to', 'subject', 'body']));
    });

    it('inline reply: matches the recipient, asks before replacing the subject, keeps the quote out of the check', async () => {
      const page = await open(OUTLOOK);
      await page.click('[data-act=reply]');
      const root = await compose(page.mainFrame(), '[role=main]');
      const text = await openPanel(root);
      expect(text).toContain('About Acme — Product Designer');
      expect(text).not.toContain('Pressing words');
      await panelButton(root, 'Insert');
      await root.frame.waitForFunction((r) => /Replace your subject/.test(r.querySelector('followup-control')!.shadowRoot!.querySelector('.p')!.textContent!), WAIT, root);
      expect(await panelText(root)).toContain('Replace your subject “RE: Next steps — Product Designer”?');
      await panelButton(root, 'Keep mine');
      await root.frame.waitForFunction((r) => (r.querySelector('[aria-multiline=true]') as HTMLElement).innerText.indexOf('Jane Doe') > 20, WAIT, root);
      expect(await root.$eval('input[id$=_SUBJECT]', (i) => (i as HTMLInputElement).value)).toBe('RE: Next steps — Product Designer');
      const body = await bodyText(root, '[aria-multiline=true]');
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
      await panelButton(root, 'Acme — Product Designer');
      await frame.waitForFunction((r) => /Insert/.test(r.querySelector('followup-control')!.shadowRoot!.querySelector('.p')!.textContent!), WAIT, root);
      await panelButton(root, 'Insert');
      await root.waitForSelector('[data-field=to] .chip', WAIT);
      expect(await page.evaluate(() => window.__inputs.some((i) => i.frame && i.field === 'body'))).toBe(true);

      await root.$eval('[aria-multiline=true]', (b) => (b as HTMLElement).focus());
      await page.keyboard.down('Control');
      await page.keyboard.press('Enter');
      await page.keyboard.up('Control');
      await page.waitForFunction(() => !document.getElementById('popout'), WAIT);
      await page.waitForFunction(() => /marked as sent/.test(document.querySelector('followup-toast')?.shadowRoot?.textContent ?? ''), WAIT);
      await expect.poll(async () => (await history('acme')).filter((e) => e.type === 'sent'), WAIT).toEqual([expect.objectContaining({ type: 'sent', step })]);
      const undo = await page.evaluateHandle(() => document.querySelector('followup-toast')!.shadowRoot!.querySelector('button'));
      await (undo.asElement() as ElementHandle<Element>).click();
      await page.waitForFunction(() => /Undone/.test(document.querySelector('followup-toast')?.shadowRoot?.textContent ?? ''), WAIT);
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

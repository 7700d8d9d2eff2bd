/**
 * Issue 11 end to end, in both browsers through the built extension: a second interviewer gets
 * their own greeting and recipient (and, for a compose to both, the panel asks whom it is for);
 * a compose opened by "Write email" and sent records the step, with Undo; with Gmail's signature
 * in the compose, the email has exactly one sign-off (no name of ours above Gmail's signature).
 */
import { mkdirSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ElementHandle, Page } from 'puppeteer-core';
import { BROWSERS, clickOn, ExtensionSession, fixture } from './harness';
import { composeKit, exposeShadows, WAIT, type ComposeInterview } from './compose-ui';

const GMAIL = 'https://mail.google.com/mail/u/0/#inbox';
const OUTLOOK = 'https://outlook.office.com/mail/';
const CHRIS = 'chris.park@contoso.example';
const JORDAN = 'jordan.reyes@contoso.example';
const NAME = 'Jane Doe';

type Shadowed = Element & { __shadow?: ShadowRoot };
type Event = { type: string; step?: string; contact?: string };

describe.each(BROWSERS)('drafts per interviewer and every send noticed, in %s', (name) => {
  let session: ExtensionSession;
  let id = '';
  const kit = composeKit(() => session);
  const { open, compose, openPanel, panelShows, panelButton, text, value, typeAt } = kit;

  const sent = async (): Promise<Event[]> => {
    const record = (await session.storage())[`interview:${id}`] as { history?: Event[] } | undefined;
    return (record?.history ?? []).filter((e) => e.type === 'sent');
  };

  /** The drafts the background writes for a compose to `recipients` (signed: under the webmail's signature). */
  async function context(recipients: string[], signed = false): Promise<ComposeInterview & { contact?: string }> {
    const r = await session.send<{ interviews: (ComposeInterview & { contact?: string })[] }>({ type: 'composeContext', recipients, ...(signed ? { signed } : {}) });
    return r.interviews[0]!;
  }

  /** Waits for the "marked as sent" toast, clicks its Undo (for real) and waits for "Undone". */
  async function undoFromToast(page: Page): Promise<string> {
    await page.waitForFunction(() => !!document.querySelector('followup-toast'), WAIT);
    await exposeShadows(page.mainFrame());
    const said = await page.evaluate(() => (document.querySelector('followup-toast') as Shadowed).__shadow!.textContent ?? '');
    const undo = await page.evaluateHandle(() => (document.querySelector('followup-toast') as Shadowed).__shadow!.querySelector('button'));
    await clickOn(undo.asElement() as ElementHandle<Element>);
    await page.waitForFunction(() => /Undone/.test((document.querySelector('followup-toast') as Shadowed | null)?.__shadow?.textContent ?? ''), WAIT);
    return said;
  }

  beforeAll(async () => {
    session = await ExtensionSession.launch(name);
    session.serve({
      'https://mail.google.com/mail/u/0/*': { body: fixture('gmail-compose.html') },
      'https://mail.google.com/mail/u/0/?view=cm*': { body: fixture('gmail-popout.html') },
      'https://outlook.office.com/*': { body: fixture('outlook-mail.html') },
    });
    expect((await session.send<{ ok: boolean }>({ type: 'saveProfile', profile: { name: NAME, webmail: 'gmail' } })).ok).toBe(true);
    const saved = await session.send<{ ok: boolean; interview: { id: string } }>({
      type: 'saveInterview',
      input: {
        company: 'Contoso',
        role: 'Data Analyst',
        interviewAt: new Date(Date.now() - 3 * 3_600_000).toISOString(),
        contacts: [
          { name: 'Chris Park', email: CHRIS, topic: 'the churn dashboard' },
          { name: 'Jordan Reyes', email: JORDAN, topic: 'the SQL exercise' },
        ],
      },
    });
    expect(saved.ok).toBe(true);
    id = saved.interview.id;
  });

  afterEach(async () => {
    expect(await kit.settle()).toEqual([]);
    // Each scenario starts with nobody thanked.
    for (const e of await sent()) await session.send({ type: 'undoEvent', id, match: { type: 'sent', step: e.step, ...(e.contact ? { contact: e.contact } : {}) } });
  });

  afterAll(() => session?.close());

  it('Gmail: a compose to the second interviewer gets their greeting, their address and their topic; Send records the thank-you for them', async () => {
    const draft = (await context([JORDAN], true)).drafts.find((d) => d.kind === 'thank-you')!.draft;
    expect(draft.to).toEqual([JORDAN]);
    expect(draft.body).toMatch(/^\w+ Jordan,/);
    const page = await open(GMAIL);
    const root = await compose(page.mainFrame(), '#dock .M9');
    await typeAt(root, '[name=to] input', `${JORDAN},`);
    await root.waitForSelector('[data-hovercard-id]', WAIT);
    const shown = await openPanel(root);
    expect(shown).toContain(`To: ${JORDAN}`);
    expect(shown).toContain('the SQL exercise');
    expect(shown).not.toContain('Chris');
    expect(shown).not.toContain('Who is this email for?');
    await panelButton(root, 'Insert');
    await root.frame.waitForFunction((r) => /Jordan,/.test((r.querySelector('[g_editable]') as HTMLElement).innerText), WAIT, root);
    const body = await text(root, '[g_editable]');
    expect(body.trimStart()).toMatch(/^\w+ Jordan,/);
    expect(body).not.toContain('Chris');
    await clickOn((await root.$('.T-I-atl:not([aria-haspopup])'))!);
    await expect.poll(sent, WAIT).toEqual([expect.objectContaining({ step: 'thank-you', contact: JORDAN })]);
    expect(await page.evaluate(() => window.__sent.map((s) => s.to))).toEqual([[JORDAN]]);
  });

  it('Gmail: a compose to both asks whom it is for; the one chosen gets the draft, and Undo takes back only theirs', async () => {
    const page = await open(GMAIL);
    const root = await compose(page.mainFrame(), '#dock .M9');
    await typeAt(root, '[name=to] input', `${CHRIS}, ${JORDAN},`);
    await root.frame.waitForFunction((r) => r.querySelectorAll('[data-hovercard-id]').length === 2, WAIT, root);
    const shown = await openPanel(root, 'Who is this email for?');
    expect(shown).toContain('Chris Park');
    expect(shown).toContain('Jordan Reyes');
    expect(shown).not.toContain('Insert');
    if (name === 'chromium') {
      await exposeShadows(page.mainFrame());
      mkdirSync('artifacts/shots', { recursive: true }); // a fresh clone has no artifacts/ yet
      await page.screenshot({ path: 'artifacts/shots/panel-contact-choice.png' });
    }
    await panelButton(root, 'Jordan Reyes');
    const chosen = await panelShows(root, 'Insert');
    expect(chosen).toContain('Who is this email for?');
    expect(chosen).toContain(`To: ${JORDAN}`);
    await panelButton(root, 'Insert');
    await root.frame.waitForFunction((r) => /Jordan,/.test((r.querySelector('[g_editable]') as HTMLElement).innerText), WAIT, root);
    expect(await value(root, 'input[name=subjectbox]')).not.toBe('');
    await clickOn((await root.$('.T-I-atl:not([aria-haspopup])'))!);
    await expect.poll(sent, WAIT).toEqual([expect.objectContaining({ step: 'thank-you', contact: JORDAN })]);
    expect(await undoFromToast(page)).toMatch(/marked as sent/);
    expect(await sent()).toEqual([]);
  });

  it('Gmail: with Gmail\'s signature in the compose there is exactly one sign-off, the signature\'s', async () => {
    const page = await open(GMAIL);
    const root = await compose(page.mainFrame(), '#dock .M9');
    expect(await text(root, '.gmail_signature')).toContain(NAME);
    await typeAt(root, '[name=to] input', `${CHRIS},`);
    await root.waitForSelector('[data-hovercard-id]', WAIT);
    await openPanel(root);
    await panelButton(root, 'Insert');
    await root.frame.waitForFunction((r) => /Chris,/.test((r.querySelector('[g_editable]') as HTMLElement).innerText), WAIT, root);
    const body = await text(root, '[g_editable]');
    const signoff = (await context([CHRIS], true)).drafts[0]!.draft.body.trimEnd().split('\n').at(-1)!;
    expect(signoff).toMatch(/,$/);
    // The user's name once (Gmail's signature), the sign-off line once, and nothing between them but the signature's dashes.
    expect(body.split(NAME)).toHaveLength(2);
    expect(body.split(signoff)).toHaveLength(2);
    const between = body.slice(body.indexOf(signoff) + signoff.length, body.indexOf(NAME));
    expect(between.replace(/\s|--/g, '')).toBe('');
    // Without a signature in the compose, the draft signs with the name itself.
    expect((await context([CHRIS])).drafts[0]!.draft.body.trimEnd().endsWith(`\n${NAME}`)).toBe(true);
  });

  it('Outlook: a compose to the second interviewer gets their greeting and address; under Outlook\'s signature, one sign-off', async () => {
    const page = await open(OUTLOOK);
    await page.click('[data-act=new]');
    const root = await compose(page.mainFrame(), '[role=main]');
    await typeAt(root, '[data-field=to]', `${JORDAN};`);
    await root.waitForSelector('[data-field=to] .chip', WAIT);
    const shown = await openPanel(root);
    expect(shown).toContain(`To: ${JORDAN}`);
    expect(shown).toMatch(/\w+ Jordan,/);
    expect(shown).not.toContain('Chris');
    await panelButton(root, 'Insert');
    await root.frame.waitForFunction((r) => /Jordan,/.test((r.querySelector('[aria-multiline=true]') as HTMLElement).innerText), WAIT, root);
    const body = await text(root, '[aria-multiline=true]');
    expect(body.trimStart()).toMatch(/^\w+ Jordan,/);
    expect(body.split(NAME)).toHaveLength(2);
    expect(body.indexOf(NAME)).toBeGreaterThan(body.indexOf('Jordan,'));
  });

  it('a compose opened by Write email and sent records the step for its interviewer, with Undo', async () => {
    // FollowUp was last used in the Gmail account /mail/u/0/: Write email opens that one.
    const inbox = await open(GMAIL);
    await openPanel(await compose(inbox.mainFrame(), '#dock .M9'));
    const opened = await session.send<{ ok: boolean; url: string }>({ type: 'openCompose', id, kind: 'thank-you' });
    expect(opened.ok).toBe(true);
    expect(opened.url).toMatch(/^https:\/\/mail\.google\.com\/mail\/u\/0\/\?view=cm/);
    // The tab the background opened has no network here: the test opens the same link with the fixture served.
    for (const p of await session.browser.pages()) if (p.url() === opened.url) await p.close();
    const page = await open(opened.url);
    const root = await compose(page.mainFrame(), '[role=main]');
    const subject = await value(root, 'input[name=subjectbox]');
    expect(subject).not.toBe('');
    expect(await text(root, '[g_editable]')).toMatch(/^\w+ Chris,/);
    expect(await sent()).toEqual([]);
    await clickOn((await root.$('.T-I-atl'))!);
    await expect.poll(sent, WAIT).toEqual([expect.objectContaining({ step: 'thank-you', contact: CHRIS })]);
    expect(await page.evaluate(() => window.__sent.map((s) => s.subject))).toEqual([subject]);
    expect(await undoFromToast(page)).toContain('Thank-you email to Contoso marked as sent.');
    expect(await sent()).toEqual([]);
  });

  it('a compose opened by Write email under Gmail\'s signature keeps one sign-off, and is recorded after the user edits its subject', async () => {
    const opened = await session.send<{ ok: boolean; url: string }>({ type: 'openCompose', id, kind: 'thank-you' });
    expect(opened.ok).toBe(true);
    for (const p of await session.browser.pages()) if (p.url() === opened.url) await p.close();
    // The account has a signature, which Gmail adds below the prefilled body a moment later.
    const page = await open(`${opened.url}&fx=signature`);
    const root = await compose(page.mainFrame(), '[role=main]');
    const body = () => text(root, '[g_editable]');
    await root.frame.waitForFunction((r) => !!r.querySelector('.gmail_signature'), WAIT, root);
    // Our name above the signature goes: the name appears once, in the signature.
    await expect.poll(async () => (await body()).split(NAME).length - 1, WAIT).toBe(1);
    const b = await body();
    expect(b).toMatch(/^\w+ Chris,/);
    expect(b.indexOf(NAME)).toBeGreaterThan(b.lastIndexOf(','));
    expect(b.slice(0, b.indexOf('-- '))).not.toContain(NAME);
    // The user makes the subject theirs, then sends: still this interview's thank-you.
    await typeAt(root, 'input[name=subjectbox]', ' (and a question)');
    await clickOn((await root.$('.T-I-atl'))!);
    await expect.poll(sent, WAIT).toEqual([expect.objectContaining({ step: 'thank-you', contact: CHRIS })]);
    expect(await undoFromToast(page)).toContain('Thank-you email to Contoso marked as sent.');
    expect(await sent()).toEqual([]);
  });
});

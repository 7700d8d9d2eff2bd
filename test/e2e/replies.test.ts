/**
 * Issue 15 end to end in both browsers through the built extension, on Gmail and Outlook fixtures
 * of a message list and an open conversation served at the real URLs: a reply from a contact
 * pauses the plan and is told once; each of the popup's four answers gives its result; with
 * "Notice replies from my interviewers" off nothing is read; a recruiter's email and a calendar
 * invitation fill in the popup's form through "Log this interview".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ElementHandle, Page } from 'puppeteer-core';
import { BROWSERS, clickOn, ExtensionSession, fixture, waitInPage } from './harness';
import { exposeShadows } from './compose-ui';
import { planFollowUps } from '../../src/domain/plan';
import type { Interview } from '../../src/domain/types';

const GMAIL = 'https://mail.google.com/mail/u/0/#inbox';
const OUTLOOK = 'https://outlook.office.com/mail/';
const POPUP = 'src/popup/index.html';
const NY = { timeZone: 'America/New_York', workWeek: [1, 2, 3, 4, 5], holidays: [], dayStart: '08:00', dayEnd: '20:00', preferredTime: '10:00' };
const HOUR = 3_600_000;

type Event = { type: string; [k: string]: unknown };
type Shadowed = Element & { __shadow?: ShadowRoot };

/** "Tue, Dec 1, 2026, 10:42 AM" (Gmail's title) and "Tue 12/1/2026 10:42 AM" (Outlook's), in New York. */
function shown(ms: number, site: 'gmail' | 'outlook'): { title: string; short: string } {
  const part = (o: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', ...o }).format(ms);
  const time = part({ hour: 'numeric', minute: '2-digit' });
  const title = site === 'gmail' ? `${part({ weekday: 'short', month: 'short', day: 'numeric', year: 'numeric' })}, ${time}` : `${part({ weekday: 'short' })} ${part({ month: 'numeric', day: 'numeric', year: 'numeric' })} ${time}`;
  return { title, short: time };
}

/** "2026-12-08" and "2026-12-08T14:00" for a day `days` ahead at 2pm in New York. */
function aheadAt2pm(days: number): { day: string; local: string; words: string } {
  const ms = Date.now() + days * 24 * HOUR;
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York', year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);
  const words = new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' }).format(ms);
  return { day, local: `${day}T14:00`, words: `${words} at 2pm` };
}

function gmailPage(): string {
  const now = Date.now();
  const fill: Record<string, string> = {};
  for (const [key, ms] of [['PRIYA', now - HOUR], ['NEWS', now - 2 * HOUR], ['BEFORE', now - 3 * 24 * HOUR], ['JO', now - 30 * 60_000]] as const) {
    const s = shown(ms, 'gmail');
    fill[`${key}_TITLE`] = s.title;
    fill[`${key}_SHORT`] = s.short;
  }
  fill.JO_PROPOSAL = aheadAt2pm(8).words;
  return fixture('gmail-mailbox.html').replace(/\{\{(\w+)\}\}/g, (_, k: string) => fill[k] ?? '');
}

function outlookPage(): string {
  const now = Date.now();
  const lee = shown(now - HOUR, 'outlook');
  const invite = shown(now - 20 * 60_000, 'outlook');
  const start = Date.parse(`${aheadAt2pm(9).day}T19:00:00Z`); // 2pm in New York in December (EST)
  const fill: Record<string, string> = {
    LEE_TITLE: lee.title,
    LEE_SHORT: lee.short,
    INVITE_TITLE: invite.title,
    INVITE_SHORT: invite.short,
    EARLIER_TITLE: shown(now - 2 * 24 * HOUR, 'outlook').title,
    INVITE_START: new Date(start).toISOString(),
    INVITE_END: new Date(start + 30 * 60_000).toISOString(),
  };
  return fixture('outlook-mailbox.html').replace(/\{\{(\w+)\}\}/g, (_, k: string) => fill[k] ?? '');
}

describe.each(BROWSERS)('replies and log-from-email in %s', (name) => {
  let session: ExtensionSession;
  const ids: Record<string, string> = {};
  const message = <T,>(m: unknown): Promise<T> => session.send<T>(m);

  async function save(key: string, company: string, email: string, person = `${key} Person`) {
    const r = await message<{ ok: boolean; interview: { id: string } }>({
      type: 'saveInterview',
      input: { company, role: 'Analyst', interviewAt: new Date(Date.now() - 2 * 24 * HOUR).toISOString(), contacts: [{ name: person, email }] },
    });
    expect(r.ok).toBe(true);
    ids[key] = r.interview.id;
  }

  async function history(key: string): Promise<Event[]> {
    const record = (await session.storage())[`interview:${ids[key]}`] as { history?: Event[] } | undefined;
    return record?.history ?? [];
  }
  const seen = async (key: string) => (await history(key)).filter((e) => e.type === 'replySeen');

  /** Polls the extension's storage (from its own page) until `test` holds. */
  async function until(test: () => Promise<boolean>, what: string): Promise<void> {
    const end = Date.now() + 15_000;
    while (!(await test())) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  const replyNotices = async () => (await session.shownNotifications()).filter((n) => n.id.startsWith('reply:'));

  /** The page's "Log this interview" button, pressed for real. */
  async function logThis(page: Page): Promise<void> {
    await waitInPage(page, () => !!document.querySelector('followup-log'), { what: 'the Log this interview control' });
    await exposeShadows(page.mainFrame());
    // The latest message's (an open conversation has one per message).
    const b = await page.evaluateHandle(() => ([...document.querySelectorAll('followup-log')].pop() as Shadowed).__shadow!.querySelector('button'));
    await clickOn(b.asElement() as ElementHandle<Element>);
  }

  beforeAll(async () => {
    session = await ExtensionSession.launch(name);
    session.serve({ 'https://mail.google.com/mail/u/0/*': { body: gmailPage() }, 'https://outlook.office.com/*': { body: outlookPage() } });
    expect((await message<{ ok: boolean }>({ type: 'saveSettings', settings: NY })).ok).toBe(true);
    await save('acme', 'Acme', 'priya@acme.example', 'Priya Raman');
    await save('globex', 'Globex', 'lee.chen@globex.example', 'Lee Chen');
  }, 60_000);

  afterAll(async () => {
    await session?.close();
  });

  it('Gmail: a reply from a contact pauses the plan and is told once; a visit again changes nothing', async () => {
    const page = await session.openPage(GMAIL);
    await until(async () => (await seen('acme')).length > 0, 'the reply to be recorded');
    const [reply] = await seen('acme');
    // Only the sender, the time, the subject (and no id: a list row has none) were kept.
    expect(Object.keys(reply!).sort()).toEqual(['at', 'from', 'receivedAt', 'subject', 'type']);
    expect(reply).toMatchObject({ from: 'priya@acme.example', subject: 'Re: Thank you — Product Designer' });
    const notices = await replyNotices();
    expect(notices.map((n) => n.title)).toEqual([expect.stringMatching(/^Priya at Acme wrote back .+ — what did they say\?$/)]);
    // The plan is paused as for a reply without a date: no status inquiry is left to send.
    const record = (await session.storage())[`interview:${ids.acme}`] as Interview;
    expect(planFollowUps(record, NY).filter((s) => s.kind !== 'thank-you' && s.status === 'pending')).toEqual([]);
    await page.reload({ waitUntil: 'load' });
    await session.afterFrames(page);
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await session.afterFrames(page);
    expect(await seen('acme')).toHaveLength(1);
    expect(await replyNotices()).toHaveLength(1);
    await page.close();
  });

  it('Outlook: a reply from a contact in the message list is recorded and told once', async () => {
    const page = await session.openPage(OUTLOOK);
    await until(async () => (await seen('globex')).length > 0, 'the Outlook reply to be recorded');
    expect((await seen('globex'))[0]).toMatchObject({ from: 'lee.chen@globex.example', subject: 'Re: Data Analyst interview' });
    expect((await replyNotices()).filter((n) => n.title.startsWith('Lee at Globex wrote back'))).toHaveLength(1);
    await page.close();
  });

  it('each of the popup\'s four answers gives its result', async () => {
    const keys = ['newDate', 'offer', 'update', 'notOurs'] as const;
    const receivedAt = shown(Date.now() - HOUR, 'gmail').title;
    for (const key of keys) {
      await save(key, `Co ${key}`, `${key.toLowerCase()}@co-${key.toLowerCase()}.example`);
      const r = await message<{ ok: boolean; recorded: number }>({ type: 'repliesSeen', messages: [{ from: `${key.toLowerCase()}@co-${key.toLowerCase()}.example`, time: receivedAt, subject: 'Re: hello', messageId: `m-${key}` }] });
      expect(r).toEqual({ ok: true, recorded: 1 });
    }
    const popup = await session.openExtensionPage(POPUP);
    const press = async (key: string, answer: string) => {
      const sel = `[data-interview="${ids[key]}"] [data-answer="${answer}"]`;
      await waitInPage(popup, (s) => !!document.querySelector(s), { what: sel }, sel);
      await clickOn((await popup.$(sel))!);
    };
    // A new date: a new round from it.
    const next = aheadAt2pm(10).day;
    await press('newDate', 'newDate');
    const dateSel = `#card-${ids.newDate}-reply-date`;
    await waitInPage(popup, (s) => document.activeElement === document.querySelector(s), { what: 'the date field focused' }, dateSel);
    await popup.evaluate(
      (s, d) => {
        const input = document.querySelector<HTMLInputElement>(s)!;
        input.value = d;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      },
      dateSel,
      next,
    );
    await clickOn((await popup.$(`[data-interview="${ids.newDate}"] .reply-question button[type=submit]`))!);
    await until(async () => (await history('newDate')).some((e) => e.type === 'reply' && e.newDecisionDate === next), 'the new date');
    // An offer ends it.
    await press('offer', 'offer');
    await until(async () => (await history('offer')).some((e) => e.type === 'outcome' && e.outcome === 'offer'), 'the offer');
    // Just an update: a reply without a date (reminders stay paused).
    await press('update', 'update');
    await until(async () => (await history('update')).some((e) => e.type === 'reply' && e.newDecisionDate === undefined), 'the update');
    // Not about this interview: undone, and that message is never matched again.
    await press('notOurs', 'notOurs');
    await until(async () => (await history('notOurs')).some((e) => e.type === 'replyNotOurs' && e.messageId === 'm-notOurs'), 'not ours');
    const again = await message<{ ok: boolean; recorded: number }>({ type: 'repliesSeen', messages: [{ from: 'notours@co-notours.example', time: receivedAt, subject: 'Re: hello' }] });
    expect(again).toEqual({ ok: true, recorded: 0 });
    // Answered questions leave the cards.
    await waitInPage(popup, (list) => list.every((id) => !document.querySelector(`[data-interview="${id}"] [data-reply-question]`)), { what: 'no questions left' }, keys.map((k) => ids[k]!));
    await popup.close();
  });

  it('with "Notice replies from my interviewers" off, no message is read or recorded', async () => {
    await save('quiet', 'Quiet Co', 'priya@acme.example');
    expect((await message<{ ok: boolean }>({ type: 'saveSettings', settings: { ...NY, noticeReplies: false } })).ok).toBe(true);
    const page = await session.openPage(GMAIL);
    // The content script ran (its control is on the open message) and asked; it read no row.
    await waitInPage(page, () => !!document.querySelector('followup-log'), { what: 'the content script to start' });
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await session.afterFrames(page);
    expect(await seen('quiet')).toEqual([]);
    if (name === 'chromium') {
      // In the content script's own world: the watch list it gets is empty and switched off.
      const watch = await session.inContentScript(page, () => globalThis.chrome.runtime.sendMessage({ type: 'mailboxWatch', site: 'gmail' }));
      expect(watch).toMatchObject({ ok: true, on: false, addresses: [], domains: [] });
    }
    expect((await message<{ ok: boolean }>({ type: 'saveSettings', settings: NY })).ok).toBe(true);
    await page.close();
  });

  it('Gmail: "Log this interview" on a recruiter\'s email fills in the popup\'s form for review', async () => {
    const before = (await session.storage())['interview:none'];
    const page = await session.openPage(GMAIL);
    await logThis(page);
    const draft = await until(
      async () => !!(await session.inExtension(async () => (await globalThis.chrome.storage.session.get('popupFormDraft')).popupFormDraft)),
      'the form draft',
    ).then(() => session.inExtension(async () => (await globalThis.chrome.storage.session.get('popupFormDraft')).popupFormDraft as { fromEmail?: boolean; fields: Record<string, unknown> }));
    expect(draft).toMatchObject({
      fromEmail: true,
      fields: {
        company: 'Acme Robotics',
        role: 'Senior Product Designer',
        interviewAt: aheadAt2pm(8).local,
        durationMinutes: 45,
        contacts: [
          { name: 'Jo Park', email: 'jo.park@acme-robotics.example' },
          { name: 'Sam Ode', email: 'sam.ode@acme-robotics.example' },
        ],
      },
    });
    expect(before).toBeUndefined();
    // The popup opens on the form, filled in, saying where it came from; nothing is saved yet.
    const count = Object.keys(await session.storage()).filter((k) => k.startsWith('interview:')).length;
    const popup = await session.openExtensionPage(POPUP);
    await waitInPage(popup, () => (document.querySelector<HTMLInputElement>('#iv-company')?.value ?? '') === 'Acme Robotics', { what: 'the prefilled form' });
    expect(await popup.evaluate(() => document.body.textContent ?? '')).toContain('Filled in from the email');
    expect(Object.keys(await session.storage()).filter((k) => k.startsWith('interview:'))).toHaveLength(count);
    await session.inExtension(() => globalThis.chrome.storage.session.remove('popupFormDraft'));
    await popup.close();
    await page.close();
  });

  it('Outlook: "Log this interview" on a calendar invitation takes its exact start and end', async () => {
    const page = await session.openPage(OUTLOOK);
    await logThis(page);
    await until(async () => !!(await session.inExtension(async () => (await globalThis.chrome.storage.session.get('popupFormDraft')).popupFormDraft)), 'the form draft');
    const draft = await session.inExtension(async () => (await globalThis.chrome.storage.session.get('popupFormDraft')).popupFormDraft as { fields: Record<string, unknown> });
    expect(draft.fields).toMatchObject({
      company: 'Initech',
      role: 'Data Engineer',
      interviewAt: aheadAt2pm(9).local,
      durationMinutes: 30,
      contacts: [{ name: 'Bill Lumbergh', email: 'bill.lumbergh@initech.example' }],
    });
    await session.inExtension(() => globalThis.chrome.storage.session.remove('popupFormDraft'));
    await page.close();
  });
});

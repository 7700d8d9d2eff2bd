/**
 * Issue 11, the background's part of every send being noticed and reaching the right person:
 * a compose addressed to one interviewer gets that interviewer's drafts; one addressed to several
 * (or an interview chosen with several) lists them to choose from; a 'sent' from a webmail tab
 * names the interviewer it was offered for, and Undo takes back exactly that one; a compose
 * "Write email" opened is recognised by its subject and a recipient; "Write email" opens the
 * Gmail account or Outlook site last used, or the one chosen; a compose with the webmail's
 * signature gets drafts without a name.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import { createBackground } from '../../src/background/app';
import { MAIL_ACCOUNT_KEY } from '../../src/background/mail-account';
import { PENDING_KEY } from '../../src/background/pending-compose';
import { draftFromComposeUrl } from '../../src/background/compose-links';
import { Clock, fakePlatform, NY, pageSender, seed } from './background-fakes';

const T0 = '2026-11-18T15:00:00.000Z'; // the day after the interview: the thank-you is due
const PROFILE = { name: 'Alex Morgan', webmail: 'gmail' as const };
const CHRIS = 'chris.park@contoso.example';
const JORDAN = 'jordan.reyes@contoso.example';
const CONTOSO = {
  company: 'Contoso',
  role: 'Data Analyst',
  interviewAt: '2026-11-17T19:00:00.000Z',
  contacts: [
    { name: 'Chris Park', email: CHRIS, topic: 'the churn dashboard' },
    { name: 'Jordan Reyes', email: JORDAN, topic: 'the SQL exercise' },
  ],
};
const page = pageSender();
const gmailTab = (id: number, path = '/mail/u/0/') => ({ id: fakeBrowser.runtime.id, url: `https://mail.google.com${path}#inbox`, tab: { id } });
const outlookTab = (id: number, host: string) => ({ id: fakeBrowser.runtime.id, url: `https://${host}/mail/`, tab: { id } });

type Answer = { ok: boolean; [field: string]: any }; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read any answer field
let clock: Clock;
let platform: ReturnType<typeof fakePlatform>;
let bg: ReturnType<typeof createBackground>;
const send = async (message: unknown, sender: unknown = page): Promise<Answer> => (await bg.onMessage(message, sender as never)) as Answer;

async function saved(input: Record<string, unknown> = CONTOSO): Promise<string> {
  const r = await send({ type: 'saveInterview', input });
  expect(r.ok).toBe(true);
  return r.interview.id;
}
const sentEvents = (id: string) => bg.store.interview(id)!.history.filter((e) => e.type === 'sent');

beforeEach(async () => {
  fakeBrowser.reset();
  clock = new Clock(Date.parse(T0));
  await seed({ schemaVersion: 1, settings: NY, profile: PROFILE });
  platform = fakePlatform(clock);
  bg = createBackground(platform);
  await bg.start();
});

describe('drafts for the interviewer a compose is addressed to', () => {
  it('a compose to the second interviewer gets their greeting, address and topic, and its sent names them', async () => {
    const id = await saved();
    const r = await send({ type: 'composeContext', recipients: [JORDAN] }, gmailTab(3));
    const iv = r.interviews[0];
    expect(iv.contact).toBe(JORDAN);
    expect(iv.people).toBeUndefined();
    const draft = iv.drafts.find((d: { kind: string }) => d.kind === 'thank-you').draft;
    expect(draft.to).toEqual([JORDAN]);
    expect(draft.body).toMatch(/^\w+ Jordan,\n/);
    expect(draft.body).toContain('the SQL exercise');
    expect(draft.body).not.toContain('churn');
    expect(draft.contact).toBe(JORDAN);
    // Offered for Jordan: a 'sent' for Chris (or for everyone) from this tab is refused.
    expect(await send({ type: 'recordEvent', id, event: { type: 'sent', step: 'thank-you', contact: CHRIS } }, gmailTab(3))).toMatchObject({ ok: false, error: { code: 'notOffered' } });
    expect(await send({ type: 'recordEvent', id, event: { type: 'sent', step: 'thank-you' } }, gmailTab(3))).toMatchObject({ ok: false, error: { code: 'notOffered' } });
    expect(await send({ type: 'recordEvent', id, event: { type: 'sent', step: 'thank-you', contact: JORDAN } }, gmailTab(4))).toMatchObject({ ok: false, error: { code: 'notOffered' } });
    expect(await send({ type: 'recordEvent', id, event: { type: 'sent', step: 'thank-you', contact: JORDAN } }, gmailTab(3))).toMatchObject({ ok: true });
    expect(sentEvents(id)).toEqual([expect.objectContaining({ step: 'thank-you', contact: JORDAN })]);
    // Chris is still to thank: the next compose to Chris gets Chris's thank-you.
    const next = await send({ type: 'composeContext', recipients: [CHRIS] }, gmailTab(3));
    expect(next.interviews[0].drafts.map((d: { kind: string }) => d.kind)).toContain('thank-you');
    expect(next.interviews[0].drafts[0].draft.to).toEqual([CHRIS]);
  });

  it('Undo takes back exactly that interviewer\'s sent, never another\'s', async () => {
    const id = await saved();
    await send({ type: 'composeContext', recipients: [CHRIS] }, gmailTab(3));
    await send({ type: 'composeContext', recipients: [JORDAN] }, gmailTab(3));
    expect((await send({ type: 'recordEvent', id, event: { type: 'sent', step: 'thank-you', contact: CHRIS } }, gmailTab(3))).ok).toBe(true);
    expect((await send({ type: 'recordEvent', id, event: { type: 'sent', step: 'thank-you', contact: JORDAN } }, gmailTab(3))).ok).toBe(true);
    // Chris's was recorded first: undoing it leaves Jordan's, though Jordan's is the latest.
    expect(await send({ type: 'undoEvent', id, match: { type: 'sent', step: 'thank-you', contact: CHRIS } }, gmailTab(3))).toMatchObject({ ok: true });
    expect(sentEvents(id)).toEqual([expect.objectContaining({ contact: JORDAN })]);
    expect(await send({ type: 'undoEvent', id, match: { type: 'sent', step: 'thank-you', contact: CHRIS } }, gmailTab(3))).toMatchObject({ ok: false });
  });

  it('a compose to both interviewers lists them to choose from; the choice gets that person\'s drafts and offers them to the tab', async () => {
    const id = await saved();
    const r = await send({ type: 'composeContext', recipients: [CHRIS, JORDAN] }, gmailTab(3));
    expect(r.interviews[0].people).toEqual([
      { key: CHRIS, name: 'Chris Park' },
      { key: JORDAN, name: 'Jordan Reyes' },
    ]);
    const chosen = await send({ type: 'composeDraft', id, contact: JORDAN }, gmailTab(5));
    expect(chosen.interview.people).toBeUndefined();
    expect(chosen.interview.contact).toBe(JORDAN);
    expect(chosen.interview.drafts[0].draft.to).toEqual([JORDAN]);
    expect((await send({ type: 'recordEvent', id, event: { type: 'sent', step: 'thank-you', contact: JORDAN } }, gmailTab(5))).ok).toBe(true);
  });

  it('an interview chosen by hand with several interviewers lists them all; with one, nobody to choose', async () => {
    const id = await saved();
    const picked = await send({ type: 'composeDraft', id }, gmailTab(3));
    expect(picked.interview.people.map((p: { name: string }) => p.name)).toEqual(['Chris Park', 'Jordan Reyes']);
    const solo = await saved({ ...CONTOSO, company: 'Fabrikam', contacts: [CONTOSO.contacts[0]] });
    expect((await send({ type: 'composeDraft', id: solo }, gmailTab(3))).interview.people).toBeUndefined();
  });

  it('with the webmail\'s signature in the compose, the draft ends at the sign-off line; without it, the name follows', async () => {
    await saved();
    const plain = (await send({ type: 'composeContext', recipients: [CHRIS] }, gmailTab(3))).interviews[0].drafts[0].draft.body as string;
    const signed = (await send({ type: 'composeContext', recipients: [CHRIS], signed: true }, gmailTab(3))).interviews[0].drafts[0].draft.body as string;
    expect(plain.trimEnd().endsWith('\nAlex Morgan')).toBe(true);
    expect(signed).not.toContain('Alex Morgan');
    expect(signed.trimEnd().split('\n').at(-1)).toMatch(/,$/);
    expect(plain.startsWith(signed.trimEnd())).toBe(true);
  });
});

describe('a compose opened by Write email', () => {
  it('is remembered, and recognised at Send by its subject and a recipient; then its sent is allowed from that tab and Undo too', async () => {
    const id = await saved();
    const opened = await send({ type: 'openCompose', id, kind: 'thank-you' });
    expect(opened.ok).toBe(true);
    const draft = draftFromComposeUrl(opened.url);
    expect(draft.to).toEqual([CHRIS]);
    const kept = (await fakeBrowser.storage.session.get(PENDING_KEY))[PENDING_KEY];
    expect(kept).toEqual([expect.objectContaining({ id, kind: 'thank-you', contact: CHRIS, subject: draft.subject, to: [CHRIS] })]);

    // Another subject, or no recipient of the draft: not this compose.
    expect(await send({ type: 'composePending', recipients: [CHRIS], subject: 'Lunch?' }, gmailTab(7))).toEqual({ ok: true });
    expect(await send({ type: 'composePending', recipients: [JORDAN], subject: draft.subject }, gmailTab(7))).toEqual({ ok: true });
    expect(await send({ type: 'recordEvent', id, event: { type: 'sent', step: 'thank-you', contact: CHRIS } }, gmailTab(7))).toMatchObject({ ok: false, error: { code: 'notOffered' } });

    // The subject as the user sees it (any case, spaces collapsed), to Chris among others.
    const found = await send({ type: 'composePending', recipients: ['someone@else.example', CHRIS.toUpperCase()], subject: `  ${draft.subject.toUpperCase()} ` }, gmailTab(7));
    // With the lines the opened draft ends with after its sign-off, for the page to take out under its own signature.
    expect(found).toEqual({ ok: true, pending: { id, kind: 'thank-you', company: 'Contoso', contact: CHRIS, tail: ['Alex Morgan'] } });
    expect(draft.body.trimEnd().endsWith(',\nAlex Morgan')).toBe(true);
    expect((await send({ type: 'recordEvent', id, event: { type: 'sent', step: 'thank-you', contact: CHRIS } }, gmailTab(7))).ok).toBe(true);
    expect(sentEvents(id)).toEqual([expect.objectContaining({ contact: CHRIS })]);
    expect((await send({ type: 'undoEvent', id, match: { type: 'sent', step: 'thank-you', contact: CHRIS } }, gmailTab(7))).ok).toBe(true);
    expect(sentEvents(id)).toEqual([]);
  });

  it('forgets a compose opened more than a week ago', async () => {
    const id = await saved();
    const opened = await send({ type: 'openCompose', id, kind: 'thank-you' });
    const { subject } = draftFromComposeUrl(opened.url);
    clock.advance(7 * 24 * 3_600_000 + 1);
    expect(await send({ type: 'composePending', recipients: [CHRIS], subject }, gmailTab(7))).toEqual({ ok: true });
  });
});

describe('the account Write email opens', () => {
  const openedUrl = async (id: string) => (await send({ type: 'openCompose', id, kind: 'thank-you' })).url as string;

  it('is the first Gmail account until FollowUp is used in another; then that one; a choice in the profile wins', async () => {
    const id = await saved();
    expect(await openedUrl(id)).toMatch(/^https:\/\/mail\.google\.com\/mail\/\?view=cm/);
    await send({ type: 'composeContext', recipients: [] }, gmailTab(3, '/mail/u/2/'));
    expect((await fakeBrowser.storage.local.get(MAIL_ACCOUNT_KEY))[MAIL_ACCOUNT_KEY]).toEqual({ gmail: 2 });
    clock.advance(3_000);
    expect(await openedUrl(id)).toMatch(/^https:\/\/mail\.google\.com\/mail\/u\/2\/\?view=cm/);
    expect((await send({ type: 'saveProfile', profile: { ...PROFILE, gmailAccount: 1 } })).ok).toBe(true);
    clock.advance(3_000);
    expect(await openedUrl(id)).toMatch(/^https:\/\/mail\.google\.com\/mail\/u\/1\/\?view=cm/);
  });

  it('comes from the tab\'s own address, which the page cannot claim; no account beyond 99, nor from another site', async () => {
    await saved();
    expect(await send({ type: 'composeContext', recipients: [], account: 4 }, gmailTab(3))).toMatchObject({ ok: false, error: { code: 'malformedMessage' } });
    await send({ type: 'composeContext', recipients: [] }, gmailTab(3, '/mail/u/100/'));
    await send({ type: 'composeContext', recipients: [] }, { id: fakeBrowser.runtime.id, url: 'https://outlook.live.com/mail/u/4/', tab: { id: 3 } });
    expect((await fakeBrowser.storage.local.get(MAIL_ACCOUNT_KEY))[MAIL_ACCOUNT_KEY]).toEqual({ outlook: 'outlook.live.com' });
    expect((await send({ type: 'saveProfile', profile: { ...PROFILE, gmailAccount: -1 } })).ok).toBe(false);
    expect((await send({ type: 'saveProfile', profile: { ...PROFILE, outlookHost: 'evil.example' } })).ok).toBe(false);
  });

  it('for Outlook: work or school (outlook.office.com) until FollowUp is used on outlook.live.com; a choice wins', async () => {
    const id = await saved();
    expect((await send({ type: 'saveProfile', profile: { ...PROFILE, webmail: 'outlook' } })).ok).toBe(true);
    expect(await openedUrl(id)).toMatch(/^https:\/\/outlook\.office\.com\/mail\/deeplink\/compose\?/);
    await send({ type: 'composeContext', recipients: [] }, outlookTab(3, 'outlook.live.com'));
    clock.advance(3_000);
    expect(await openedUrl(id)).toMatch(/^https:\/\/outlook\.live\.com\/mail\/deeplink\/compose\?/);
    expect((await send({ type: 'saveProfile', profile: { ...PROFILE, webmail: 'outlook', outlookHost: 'outlook.office.com' } })).ok).toBe(true);
    clock.advance(3_000);
    expect(await openedUrl(id)).toMatch(/^https:\/\/outlook\.office\.com\//);
  });
});

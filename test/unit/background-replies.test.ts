/**
 * Issue 15 through the real background on fake-browser: what a webmail page may ask (the watch
 * list, seen messages, an email to log), what is recorded, the notification told once, the popup's
 * answers, the switch, and rate limits.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import { createBackground } from '../../src/background/app';
import { MAILBOX_RATE } from '../../src/background/replies';
import { readShown } from '../../src/background/notifications';
import { planFollowUps } from '../../src/domain/plan';
import { pendingReply } from '../../src/domain/replies';
import { STORAGE_KEYS } from '../../src/shared/protocol';
import { Clock, fakePlatform, NY, pageSender, seed } from './background-fakes';

const T0 = '2026-11-24T17:00:00.000Z'; // Tue, a week after the Tue 11-17 interview
const page = pageSender();
const tab = (id: number) => ({ id: fakeBrowser.runtime.id, url: 'https://mail.google.com/mail/u/0/#inbox', tab: { id } });
const ACME = {
  company: 'Acme',
  role: 'Product Designer',
  interviewAt: '2026-11-17T19:00:00.000Z',
  contacts: [{ name: 'Priya Raman', email: 'priya@acme.example' }],
};
const PRIYA = { from: 'priya@acme.example', time: 'Tue, Nov 24, 2026, 10:42 AM', subject: 'Re: Thank you', messageId: 'msg-1' };

type Answer = { ok: boolean; [field: string]: any }; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read any answer field
let clock: Clock;
let platform: ReturnType<typeof fakePlatform> & { popupOpens: number; popupOpensOk: boolean };
let bg: ReturnType<typeof createBackground>;
const send = async (message: unknown, sender: unknown = page): Promise<Answer> => (await bg.onMessage(message, sender as never)) as Answer;

async function saved(input: Record<string, unknown> = ACME): Promise<string> {
  const r = await send({ type: 'saveInterview', input });
  expect(r.ok).toBe(true);
  return r.interview.id;
}
const replyNotices = async () => (await readShown(fakeBrowser.storage.session as never)).filter((n) => n.id.startsWith('reply:'));

beforeEach(async () => {
  fakeBrowser.reset();
  clock = new Clock(Date.parse(T0));
  await seed({ schemaVersion: 1, settings: NY, profile: { name: 'Alex Morgan', webmail: 'gmail' } });
  platform = Object.assign(fakePlatform(clock), { popupOpens: 0, popupOpensOk: true });
  platform.openPopup = async () => {
    platform.popupOpens++;
    return platform.popupOpensOk;
  };
  bg = createBackground(platform);
  await bg.start();
});

describe('the watch list', () => {
  it('names open interviews\' contacts and confirmed domains, with the site\'s selectors; nothing when switched off', async () => {
    const id = await saved();
    await saved({ ...ACME, company: 'Globex', contacts: [{ name: 'Lee', email: 'lee@globex.example' }] });
    await send({ type: 'recordEvent', id, event: { type: 'outcome', outcome: 'rejected' } });
    const on = await send({ type: 'mailboxWatch', site: 'gmail' }, tab(1));
    expect(on).toMatchObject({ ok: true, on: true, addresses: ['lee@globex.example'], domains: [] });
    expect(on.site.items).toContain('tr.zA');
    expect((await send({ type: 'mailboxWatch', site: 'outlook' }, tab(1))).site.items).toContain('data-convid');
    await send({ type: 'saveSettings', settings: { ...NY, noticeReplies: false } });
    expect(await send({ type: 'mailboxWatch', site: 'gmail' }, tab(1))).toMatchObject({ ok: true, on: false, addresses: [], domains: [] });
  });
});

describe('a reply seen', () => {
  it('is recorded once, pauses the plan and notifies once; seen again it changes nothing', async () => {
    const id = await saved();
    const r = await send({ type: 'repliesSeen', messages: [PRIYA] }, tab(1));
    expect(r).toEqual({ ok: true, recorded: 1 });
    const iv = bg.store.interview(id)!;
    expect(pendingReply(iv)).toMatchObject({ from: 'priya@acme.example', receivedAt: '2026-11-24T15:42:00.000Z', subject: 'Re: Thank you', messageId: 'msg-1' });
    expect(planFollowUps(iv, NY).find((s) => s.kind === 'status-inquiry')?.status).toBe('dismissed');
    const notices = await replyNotices();
    expect(notices.map((n) => n.title)).toEqual(['Priya at Acme wrote back today — what did they say?']);
    // The list row (no id, minute only) and the open message again: nothing new, no second notice.
    expect(await send({ type: 'repliesSeen', messages: [{ ...PRIYA, messageId: undefined }, PRIYA] }, tab(2))).toEqual({ ok: true, recorded: 0 });
    expect(bg.store.interview(id)!.history.filter((e) => e.type === 'replySeen')).toHaveLength(1);
    expect(await replyNotices()).toHaveLength(1);
  });

  it('a click on the notice opens the popup, or the popup as a page where the browser will not', async () => {
    await saved();
    await send({ type: 'repliesSeen', messages: [PRIYA] }, tab(1));
    const [notice] = await replyNotices();
    await bg.onClicked(notice!.id);
    expect(platform.popupOpens).toBe(1);
    expect(platform.opened).toEqual([]);
    platform.popupOpensOk = false;
    await bg.onClicked(notice!.id);
    expect(platform.opened).toEqual([fakeBrowser.runtime.getURL('src/popup/index.html')]);
  });

  it('a message from before the interview, from someone else, or unreadable time records nothing', async () => {
    const id = await saved();
    const r = await send(
      {
        type: 'repliesSeen',
        messages: [
          { ...PRIYA, time: 'Mon, Nov 16, 2026, 9:00 AM' },
          { ...PRIYA, from: 'news@acme.example' },
          { ...PRIYA, time: 'yesterday-ish' },
        ],
      },
      tab(1),
    );
    expect(r).toEqual({ ok: true, recorded: 0 });
    expect(bg.store.interview(id)!.history.filter((e) => e.type.startsWith('reply'))).toEqual([]);
  });

  it('nothing is recorded while the switch is off', async () => {
    const id = await saved();
    await send({ type: 'saveSettings', settings: { ...NY, noticeReplies: false } });
    expect(await send({ type: 'repliesSeen', messages: [PRIYA] }, tab(1))).toEqual({ ok: true, recorded: 0 });
    expect(bg.store.interview(id)!.history.filter((e) => e.type.startsWith('reply'))).toEqual([]);
  });

  it('a domain match counts only after the user confirmed it for that interview', async () => {
    const id = await saved();
    const talent = { ...PRIYA, from: 'talent@acme.example', messageId: 'msg-2' };
    expect(await send({ type: 'repliesSeen', messages: [talent] }, tab(1))).toEqual({ ok: true, recorded: 0 });
    // Only a domain of one of its contacts can be confirmed, and only from an extension page.
    expect(await send({ type: 'confirmReplyDomain', id, domain: 'evil.example' })).toMatchObject({ ok: false });
    expect(await send({ type: 'confirmReplyDomain', id, domain: 'acme.example' }, tab(1))).toMatchObject({ ok: false, error: { code: 'notAllowed' } });
    expect(await send({ type: 'confirmReplyDomain', id, domain: 'acme.example' })).toMatchObject({ ok: true });
    expect((await send({ type: 'mailboxWatch', site: 'gmail' }, tab(1))).domains).toEqual(['acme.example']);
    expect(await send({ type: 'repliesSeen', messages: [talent] }, tab(1))).toEqual({ ok: true, recorded: 1 });
    expect((await replyNotices())[0]?.title).toBe('Someone at Acme wrote back today — what did they say?');
  });

  it('"not about this interview" undoes it and that message never matches again', async () => {
    const id = await saved();
    const before = planFollowUps(bg.store.interview(id)!, NY);
    await send({ type: 'repliesSeen', messages: [PRIYA] }, tab(1));
    expect(await send({ type: 'disownReply', id }, tab(1))).toMatchObject({ ok: false, error: { code: 'notAllowed' } });
    expect(await send({ type: 'disownReply', id })).toMatchObject({ ok: true });
    expect(planFollowUps(bg.store.interview(id)!, NY)).toEqual(before);
    expect(await send({ type: 'disownReply', id })).toMatchObject({ ok: false, error: { code: 'nothingToUndo' } });
    expect(await send({ type: 'repliesSeen', messages: [{ ...PRIYA, messageId: undefined }] }, tab(3))).toEqual({ ok: true, recorded: 0 });
  });

  it('seen batches are rate-limited per tab', async () => {
    await saved();
    const [burst] = MAILBOX_RATE.seen;
    for (let i = 0; i < burst; i++) expect((await send({ type: 'repliesSeen', messages: [] }, tab(7))).ok).toBe(true);
    expect(await send({ type: 'repliesSeen', messages: [] }, tab(7))).toMatchObject({ ok: false, error: { code: 'tooFast' } });
    expect((await send({ type: 'repliesSeen', messages: [] }, tab(8))).ok).toBe(true);
  });

  it('a webmail page cannot record an answer: only the popup can', async () => {
    const id = await saved();
    await send({ type: 'repliesSeen', messages: [PRIYA] }, tab(1));
    expect(await send({ type: 'recordEvent', id, event: { type: 'reply' } }, tab(1))).toMatchObject({ ok: false });
    expect(await send({ type: 'recordEvent', id, event: { type: 'outcome', outcome: 'offer' } }, tab(1))).toMatchObject({ ok: false });
    expect(pendingReply(bg.store.interview(id)!)).toBeDefined();
  });
});

describe('log from an email', () => {
  it('fills the popup form\'s draft (nothing saved) and opens the popup where the browser allows', async () => {
    const r = await send(
      {
        type: 'logFromEmail',
        email: {
          from: { name: 'Priya Raman', email: 'priya.raman@acme-robotics.example' },
          to: [
            { name: 'Alex Morgan', email: 'alex@gmail.com' },
            { name: '', email: 'sam.ode@acme-robotics.example' },
          ],
          subject: 'Interview for Senior Product Designer at Acme Robotics',
          text: 'Hi Alex, would Thursday, December 3 at 2pm work for a 45-minute video call with Sam and me?',
        },
      },
      tab(1),
    );
    expect(r).toEqual({ ok: true, opened: true });
    expect(platform.popupOpens).toBe(1);
    const draft = (await fakeBrowser.storage.session.get(STORAGE_KEYS.formDraft))[STORAGE_KEYS.formDraft];
    expect(draft).toMatchObject({
      fromEmail: true,
      fields: {
        company: 'Acme Robotics',
        role: 'Senior Product Designer',
        interviewAt: '2026-12-03T14:00',
        durationMinutes: 45,
        contacts: [
          { name: 'Priya Raman', email: 'priya.raman@acme-robotics.example' },
          { name: 'Sam Ode', email: 'sam.ode@acme-robotics.example' },
        ],
      },
    });
    expect(bg.store.interviews()).toEqual([]);
    platform.popupOpensOk = false;
    expect(await send({ type: 'logFromEmail', email: { from: { name: '', email: 'a@b.example' }, to: [], subject: '', text: '' } }, tab(1))).toEqual({ ok: true, opened: false });
  });
});

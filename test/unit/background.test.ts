import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import { createBackground } from '../../src/background/app';
import { draftFromComposeUrl } from '../../src/background/compose-links';
import { readShown } from '../../src/background/notifications';
import type { StorageArea } from '../../src/background/store';
import { draftEmail } from '../../src/domain/drafts';
import { snoozeTime } from '../../src/domain/plan';
import type { Interview } from '../../src/domain/types';
import type { Backup } from '../../src/shared/protocol';
import { Clock, fakePlatform, interview, NY, pageSender, seed, shownNotifications } from './background-fakes';
import { problemText } from '../../src/ui/problem-text';

const T0 = '2026-11-17T12:00:00.000Z';
const THANK_YOU_AT = '2026-11-17T21:00:00.000Z';
const INQUIRY_AT = '2026-11-24T15:00:00.000Z';
const PROFILE = { name: 'Alex Morgan', signature: 'Alex', webmail: 'gmail' as const };
const INPUT = {
  company: 'Acme',
  role: 'Product Designer',
  interviewAt: '2026-11-17T19:00:00.000Z',
  contacts: [{ name: 'Dana Lee', email: 'Dana.Lee@Acme.example' }],
  topic: 'the onboarding redesign',
};

let clock: Clock;
let platform: ReturnType<typeof fakePlatform>;
let bg: ReturnType<typeof createBackground>;

const page = pageSender();
const content = { id: fakeBrowser.runtime.id, url: 'https://mail.google.com/mail/u/0/#inbox', tab: { id: 3 } };

/** Answers are read field by field in the tests below, whatever their type. */
type Answer = { ok: boolean; [field: string]: any }; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read any answer field
async function send(message: unknown, sender: unknown = page): Promise<Answer> {
  return (await bg.onMessage(message, sender as never)) as Answer;
}

async function boot(opts: { buttons?: boolean } = {}) {
  platform = fakePlatform(clock, opts);
  bg = createBackground(platform);
  await bg.start();
}

async function alarms() {
  return (await fakeBrowser.alarms.getAll()).map((a) => ({ name: a.name, at: new Date(a.scheduledTime).toISOString() }));
}

async function snapshot() {
  return JSON.stringify(await fakeBrowser.storage.local.get(null));
}

beforeEach(async () => {
  fakeBrowser.reset();
  clock = new Clock(Date.parse(T0));
  await seed({ schemaVersion: 1, settings: NY, profile: PROFILE });
  await boot();
});

describe('background: messages', () => {
  it('ignores a foreign sender entirely (no answer, no write)', async () => {
    const before = await snapshot();
    expect(bg.onMessage({ type: 'saveInterview', input: INPUT }, { id: 'another-extension', url: 'chrome-extension://another-extension/x.html' })).toBeUndefined();
    expect(bg.onMessage({ type: 'saveInterview', input: INPUT }, { id: fakeBrowser.runtime.id, url: 'https://evil.example/' })).toBeUndefined();
    expect(bg.onMessage({ type: 'saveInterview', input: INPUT }, undefined)).toBeUndefined();
    expect(await snapshot()).toBe(before);
  });

  it('answers a malformed message with an error and writes nothing', async () => {
    const before = await snapshot();
    platform.local.reset();
    expect(await send({ type: 'saveInterview' })).toEqual({ ok: false, error: { code: 'malformedMessage', type: 'saveInterview', field: 'input' } });
    expect(await send({ type: 'wipe' })).toEqual({ ok: false, error: { code: 'unknownMessage', type: 'wipe' } });
    expect(await send({ type: 'saveInterview', input: { ...INPUT, company: ' ' } })).toEqual({ ok: false, issues: [{ field: 'company', code: 'companyIsMissing', message: 'Company is missing' }] });
    expect(await send({ type: 'recordEvent', id: 'missing', event: { type: 'sent', step: 'thank-you' } })).toMatchObject({ ok: false });
    expect(platform.local.sets).toHaveLength(0);
    expect(await snapshot()).toBe(before);
  });

  it('a content script may only use the compose messages', async () => {
    expect(await send({ type: 'saveSettings', settings: NY }, content)).toEqual({ ok: false, error: { code: 'notAllowed', type: 'saveSettings' } });
    expect(await send({ type: 'deleteInterview', id: 'x' }, content)).toEqual({ ok: false, error: { code: 'notAllowed', type: 'deleteInterview' } });
    expect(await send({ type: 'composeContext', recipients: [] }, content)).toEqual({ ok: true, interviews: [], others: [], loggedAny: false });
  });

  it('saveInterview stores one record and arms the one alarm at its first notifyAt', async () => {
    const r = await send({ type: 'saveInterview', input: INPUT });
    expect(r.ok).toBe(true);
    const iv: Interview = r.interview;
    expect(iv).toMatchObject({ company: 'Acme', history: [], createdAt: T0, updatedAt: T0 });
    expect((await fakeBrowser.storage.local.get(`interview:${iv.id}`))[`interview:${iv.id}`]).toEqual(iv);
    expect(await alarms()).toEqual([{ name: 'followup-next', at: THANK_YOU_AT }]);
  });

  it('editing keeps the id, history and createdAt; an unknown id is refused', async () => {
    const { interview: iv } = await send({ type: 'saveInterview', input: INPUT });
    await send({ type: 'recordEvent', id: iv.id, event: { type: 'sent', step: 'thank-you' } });
    clock.advance(60_000);
    const r = await send({ type: 'saveInterview', id: iv.id, input: { ...INPUT, role: 'Senior Product Designer' } });
    expect(r.interview).toMatchObject({ id: iv.id, role: 'Senior Product Designer', createdAt: T0, history: [{ type: 'sent', step: 'thank-you', at: T0 }] });
    expect(await send({ type: 'saveInterview', id: 'nope', input: INPUT })).toMatchObject({ ok: false });
  });

  it('recordEvent "sent" moves the alarm to the next step; undo moves it back', async () => {
    const { interview: iv } = await send({ type: 'saveInterview', input: INPUT });
    const r = await send({ type: 'recordEvent', id: iv.id, event: { type: 'sent', step: 'thank-you' } });
    expect(r.interview.history).toEqual([{ type: 'sent', step: 'thank-you', at: T0 }]);
    expect(await alarms()).toEqual([{ name: 'followup-next', at: INQUIRY_AT }]);
    expect((await send({ type: 'undoEvent', id: iv.id, match: { type: 'sent', step: 'thank-you' } })).interview.history).toEqual([]);
    expect(await alarms()).toEqual([{ name: 'followup-next', at: THANK_YOU_AT }]);
    expect(await send({ type: 'undoEvent', id: iv.id, match: { type: 'sent', step: 'thank-you' } })).toEqual({ ok: false, error: { code: 'nothingToUndo' } });
  });

  it('delete and restore', async () => {
    const { interview: iv } = await send({ type: 'saveInterview', input: INPUT });
    const del = await send({ type: 'deleteInterview', id: iv.id });
    expect(del).toEqual({ ok: true, deleted: iv });
    expect(await alarms()).toEqual([]);
    expect(await send({ type: 'deleteInterview', id: iv.id })).toMatchObject({ ok: false });
    expect(await send({ type: 'restoreInterview', interview: del.deleted })).toEqual({ ok: true });
    expect(bg.store.interview(iv.id)).toMatchObject({ company: 'Acme', createdAt: T0 });
    expect(await alarms()).toEqual([{ name: 'followup-next', at: THANK_YOU_AT }]);
    expect(await send({ type: 'restoreInterview', interview: { id: 'x' } })).toMatchObject({ ok: false });
  });

  it('settings and profile are validated and saved', async () => {
    expect(await send({ type: 'saveSettings', settings: { ...NY, dayStart: '21:00' } })).toMatchObject({ ok: false, issues: [{ field: 'dayEnd' }] });
    const r = await send({ type: 'saveSettings', settings: { ...NY, timeZone: 'Europe/Berlin' } });
    expect(r).toMatchObject({ ok: true, settings: { timeZone: 'Europe/Berlin' } });
    expect(await send({ type: 'saveProfile', profile: { name: '', webmail: 'gmail' } })).toMatchObject({ ok: false, issues: [{ field: 'name' }] });
    expect(await send({ type: 'saveProfile', profile: { name: 'Sam', webmail: 'outlook' } })).toEqual({ ok: true, profile: { name: 'Sam', webmail: 'outlook' } });
  });
});

describe('background: reminders and their actions', () => {
  async function fireThankYou(): Promise<Interview> {
    const { interview: iv } = await send({ type: 'saveInterview', input: INPUT });
    clock.set(THANK_YOU_AT);
    await bg.onAlarm({ name: 'followup-next' });
    return iv;
  }

  it('the alarm shows the reminder once, with Chrome buttons, and the badge counts it', async () => {
    const iv = await fireThankYou();
    const id = `reminder:${iv.id}:thank-you:1`;
    const shown = shownNotifications()[id]!;
    expect(shown).toMatchObject({
      title: 'Send a thank-you to Acme',
      message: 'Thank Dana Lee at Acme for the Product Designer interview — best sent by 2:00 PM tomorrow',
      buttons: [{ title: 'Write email' }, { title: 'Snooze' }],
    });
    await bg.onAlarm({ name: 'followup-next' });
    await bg.onStartup();
    expect((await readShown(fakeBrowser.storage.session as unknown as StorageArea)).map((n) => n.id)).toEqual([id]);
    expect(platform.badgeText.at(-1)).toBe('1');
  });

  it('"Write email" opens the compose URL of the draft; the notification is cleared', async () => {
    const iv = await fireThankYou();
    const id = `reminder:${iv.id}:thank-you:1`;
    await bg.onButtonClicked(id, 0);
    expect(platform.opened).toHaveLength(1);
    const expected = draftEmail('thank-you', bg.store.interview(iv.id)!, { name: 'Alex Morgan', signature: 'Alex' }, { now: new Date(clock.ms), timeZone: NY.timeZone });
    expect(draftFromComposeUrl(platform.opened[0]!)).toEqual({ webmail: 'gmail', to: expected.to, subject: expected.subject, body: expected.body });
    expect(shownNotifications()[id]).toBeUndefined();
  });

  it('"Snooze" moves the step to the next sensible time and re-arms there', async () => {
    const iv = await fireThankYou();
    await bg.onButtonClicked(`reminder:${iv.id}:thank-you:1`, 1);
    const until = snoozeTime(NY, new Date(clock.ms));
    expect(bg.store.interview(iv.id)!.history.at(-1)).toEqual({ type: 'snoozed', step: 'thank-you', at: THANK_YOU_AT, until });
    expect(await alarms()).toEqual([{ name: 'followup-next', at: until }]);
    clock.set(until);
    await bg.onAlarm({ name: 'followup-next' });
    expect((await readShown(fakeBrowser.storage.session as unknown as StorageArea)).filter((n) => n.id.startsWith('reminder:'))).toHaveLength(1);
    // Fired twice: both marks are kept (F11 keeps the first and the last per step and round), the
    // last says when it fired again.
    expect(bg.store.interview(iv.id)!.history.filter((e) => e.type === 'notified')).toEqual([
      { type: 'notified', step: 'thank-you', at: THANK_YOU_AT, round: 1 },
      { type: 'notified', step: 'thank-you', at: until, round: 1 },
    ]);
  });

  it('snoozing a step that is not due yet leaves it where it is', async () => {
    const { interview: iv } = await send({ type: 'saveInterview', input: INPUT });
    await send({ type: 'recordEvent', id: iv.id, event: { type: 'sent', step: 'thank-you' } });
    const r = await send({ type: 'snooze', id: iv.id, step: 'status-inquiry' });
    expect(r).toEqual({ ok: true, until: INQUIRY_AT });
    expect(bg.store.interview(iv.id)!.history.some((e) => e.type === 'snoozed')).toBe(false);
  });

  it('a click on the notification opens the reminder page (the Firefox way to the same actions)', async () => {
    fakeBrowser.reset();
    await seed({ schemaVersion: 1, settings: NY, profile: PROFILE });
    await boot({ buttons: false });
    const iv = await fireThankYou();
    const id = `reminder:${iv.id}:thank-you:1`;
    expect(shownNotifications()[id]).not.toHaveProperty('buttons');
    await bg.onClicked(id);
    expect(platform.opened).toEqual([`chrome-extension://${fakeBrowser.runtime.id}/src/reminder/index.html?id=${encodeURIComponent(id)}`]);
  });

  it('the move-on advice offers "Got it", which dismisses it', async () => {
    const { interview: iv } = await send({ type: 'saveInterview', input: INPUT });
    await send({ type: 'recordEvent', id: iv.id, event: { type: 'sent', step: 'thank-you' } });
    clock.set(INQUIRY_AT);
    await send({ type: 'recordEvent', id: iv.id, event: { type: 'sent', step: 'status-inquiry' } });
    clock.set('2026-12-01T15:00:00.000Z'); // Tue 12-01 10:00 New York = sent + 5 work days
    await bg.onAlarm({ name: 'followup-next' });
    const id = `reminder:${iv.id}:move-on:1`;
    expect(shownNotifications()[id]).toMatchObject({ title: 'A thought about Acme', buttons: [{ title: 'Got it' }, { title: 'Snooze' }] });
    await bg.onButtonClicked(id, 0);
    expect(bg.store.interview(iv.id)!.history.at(-1)).toMatchObject({ type: 'dismissed', step: 'move-on' });
  });

  it('a background killed after start catches up on its next start', async () => {
    await send({ type: 'saveInterview', input: INPUT });
    await send({ type: 'saveInterview', input: { ...INPUT, company: 'Globex', contacts: [] } });
    await fakeBrowser.alarms.clearAll();
    clock.set('2026-11-18T13:00:00.000Z');
    await boot();
    const shown = await readShown(fakeBrowser.storage.session as unknown as StorageArea);
    expect(shown.map((n) => n.title)).toEqual(['2 follow-ups are due']);
    expect(await alarms()).toEqual([{ name: 'followup-next', at: INQUIRY_AT }]);
  });
});

describe('background: compose', () => {
  it('composeContext matches recipients case-insensitively and offers the drafts due now', async () => {
    const { interview: iv } = await send({ type: 'saveInterview', input: INPUT });
    await send({ type: 'saveInterview', input: { ...INPUT, company: 'Globex', contacts: [{ name: 'Priya', email: 'priya@globex.example' }] } });
    clock.set(THANK_YOU_AT);
    const r = await send({ type: 'composeContext', recipients: [' dana.lee@ACME.example '] }, content);
    expect(r.loggedAny).toBe(true);
    expect(r.interviews).toHaveLength(1);
    expect(r.interviews[0]).toMatchObject({ id: iv.id, company: 'Acme', matched: true });
    expect(r.interviews[0].drafts.map((d: { kind: string }) => d.kind)).toEqual(['thank-you']);
    expect(r.interviews[0].drafts[0].draft.to).toEqual(['Dana.Lee@Acme.example']);
  });

  it('drafts for the interviewer the compose is addressed to, and thanks each only once (issue 11)', async () => {
    const two = { ...INPUT, contacts: [{ name: 'Chris Park', email: 'chris.park@acme.example' }, { name: 'Jordan Reyes', email: 'jordan.reyes@acme.example' }] };
    const { interview: iv } = await send({ type: 'saveInterview', input: two });
    clock.set(THANK_YOU_AT);
    const forJordan = await send({ type: 'composeContext', recipients: ['jordan.reyes@acme.example'] }, content);
    const draft = forJordan.interviews[0].drafts[0];
    expect(draft.kind).toBe('thank-you');
    expect(draft.draft.to).toEqual(['jordan.reyes@acme.example']);
    expect(draft.draft.body.split('\n')[0]).toMatch(/^(Hi|Dear|Hello) Jordan,$/);
    expect(draft.draft.contact).toBe('jordan.reyes@acme.example');
    // Jordan thanked: a compose to Jordan is offered no second thank-you, one to Chris still is.
    await bg.store.update(iv.id, (cur) => cur && { ...cur, history: [...cur.history, { type: 'sent', step: 'thank-you', at: THANK_YOU_AT, contact: 'jordan.reyes@acme.example' }] });
    const again = await send({ type: 'composeContext', recipients: ['jordan.reyes@acme.example'] }, content);
    expect(again.interviews[0].drafts.map((d: { kind: string }) => d.kind)).not.toContain('thank-you');
    const forChris = await send({ type: 'composeContext', recipients: ['chris.park@acme.example'] }, content);
    expect(forChris.interviews[0].drafts[0].draft.body.split('\n')[0]).toMatch(/Chris,$/);
    // "Write email" from the popup or a reminder goes to the one still to thank.
    const opened = await send({ type: 'openCompose', id: iv.id, kind: 'thank-you' });
    expect(draftFromComposeUrl(opened.url)?.to).toEqual(['chris.park@acme.example']);
  });

  it('with no match it names recent interviews that have a draft, without their drafts', async () => {
    const { interview: iv } = await send({ type: 'saveInterview', input: INPUT });
    const r = await send({ type: 'composeContext', recipients: ['someone@else.example'] }, content);
    expect(r.interviews).toEqual([]);
    expect(r.others).toEqual([{ id: iv.id, company: 'Acme', role: 'Product Designer', interviewAt: INPUT.interviewAt }]);
  });

  it('openCompose uses the preferred webmail', async () => {
    const { interview: iv } = await send({ type: 'saveInterview', input: INPUT });
    await send({ type: 'saveProfile', profile: { ...PROFILE, webmail: 'outlook' } });
    const r = await send({ type: 'openCompose', id: iv.id, kind: 'status-inquiry' });
    expect(r.url.startsWith('https://outlook.office.com/mail/deeplink/compose?')).toBe(true);
    expect(platform.opened).toEqual([r.url]);
    expect(await send({ type: 'openCompose', id: 'missing', kind: 'thank-you' })).toMatchObject({ ok: false });
  });
});

describe('background: backups', () => {
  async function withTwo(): Promise<Backup> {
    await send({ type: 'saveInterview', input: INPUT });
    await send({ type: 'saveInterview', input: { ...INPUT, company: 'Globex' } });
    return (await send({ type: 'exportBackup' })).backup;
  }

  it('exports everything and imports it back unchanged', async () => {
    const backup = await withTwo();
    expect(backup).toMatchObject({ format: 'followup-backup', version: 1, settings: NY, profile: PROFILE });
    expect(backup.interviews).toHaveLength(2);
    expect(await send({ type: 'previewImport', backup })).toEqual({ ok: true, preview: { added: 0, updated: 0, unchanged: 2, settingsChanged: false, profileChanged: false } });
  });

  it('restores into an empty profile, all at once', async () => {
    const backup = JSON.parse(JSON.stringify(await withTwo())) as Backup;
    fakeBrowser.reset();
    await boot();
    platform.local.reset();
    expect(await send({ type: 'previewImport', backup })).toEqual({ ok: true, preview: { added: 2, updated: 0, unchanged: 0, settingsChanged: true, profileChanged: true } });
    expect(platform.local.sets).toHaveLength(0);
    expect(await send({ type: 'applyImport', backup })).toMatchObject({ ok: true, preview: { added: 2 } });
    expect(platform.local.sets).toHaveLength(1);
    expect(bg.store.interviews().map((i) => i.company).sort()).toEqual(['Acme', 'Globex']);
    expect(bg.store.settings()).toEqual(NY);
    expect(await alarms()).toHaveLength(1);
  });

  it('a malformed or foreign file changes nothing and says why', async () => {
    const backup = await withTwo();
    const before = await snapshot();
    const cases: [unknown, object, RegExp][] = [
      ['not json at all', { code: 'backupNotBackup' }, /not a FollowUp backup/],
      [{ format: 'other-app', interviews: [] }, { code: 'backupNotBackup' }, /not a FollowUp backup/],
      [{ ...backup, version: 99 }, { code: 'backupNewer', version: 99 }, /newer version/],
      [{ ...backup, interviews: 'x' }, { code: 'backupNoList' }, /list of interviews is missing or damaged/],
      [
        { ...backup, interviews: [backup.interviews[0], { ...backup.interviews[1], company: 'Changed', interviewAt: 'later' }] },
        { code: 'backupBadInterview', index: 2, company: 'Changed', issue: { field: 'interviewAt', code: 'interviewDateIsNotAValidDateAnd' } },
        /Interview 2 \(Changed\).*Interview date is not a valid date/,
      ],
      [{ ...backup, interviews: [backup.interviews[0], backup.interviews[0]] }, { code: 'backupDuplicate' }, /twice/],
      [{ ...backup, settings: { ...NY, workWeek: [] } }, { code: 'backupBadSettings' }, /settings can't be read/],
    ];
    for (const [file, problem, words] of cases) {
      const r = await send({ type: 'applyImport', backup: file });
      expect(r.ok, JSON.stringify(r)).toBe(false);
      // A code with its facts crosses the protocol; the page words it.
      expect(r.error).toMatchObject(problem);
      expect(problemText(r.error)).toMatch(words);
      expect(problemText(r.error)).toMatch(/Nothing was changed|nothing was changed/);
    }
    expect(await snapshot()).toBe(before);
  });
});

describe('background: corrupt records', () => {
  it('are set aside at start, reported, and can be dismissed', async () => {
    fakeBrowser.reset();
    await seed({ schemaVersion: 1, 'interview:ok': interview({ id: 'ok' }), 'interview:broken': { id: 'broken', company: 7 } });
    await boot();
    expect(bg.store.interviews().map((i) => i.id)).toEqual(['ok']);
    expect(bg.store.corrupt().map((c) => c.key)).toEqual(['interview:broken']);
    expect(await send({ type: 'dismissCorrupt', key: 'interview:broken' })).toEqual({ ok: true });
    expect(bg.store.corrupt()).toEqual([]);
    expect(Object.keys(await fakeBrowser.storage.local.get(null)).sort()).toEqual(['interview:ok', 'schemaVersion']);
  });
});

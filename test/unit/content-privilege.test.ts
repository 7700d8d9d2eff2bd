/**
 * Issue 16, F1: the webmail page (and anything running in the content script's world) gets no
 * more from the background than the compose panel needs. Each test failed before the fix: the
 * allow-list held openCompose and snooze, handlers never looked at the sender, composeContext with
 * no recipients gave five interviews with full drafts, and 50 openCompose calls opened 50 tabs.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fakeBrowser } from '@webext-core/fake-browser';
import { createBackground, OPEN_PANEL_COMMAND } from '../../src/background/app';
import { ERRORS_LIMIT, LEDGER_LIMIT } from '../../src/background/compose-guard';
import { RATE_LIMITS } from '../../src/background/handlers';
import { CONTENT_SCRIPT_MESSAGES } from '../../src/shared/protocol-schema';
import { Clock, fakePlatform, NY, pageSender, seed } from './background-fakes';

const T0 = '2026-11-18T15:00:00.000Z'; // the day after the interview: the thank-you is due
const PROFILE = { name: 'Alex Morgan', signature: 'Alex', webmail: 'gmail' as const };
const page = pageSender();
const tab = (id: number) => ({ id: fakeBrowser.runtime.id, url: 'https://mail.google.com/mail/u/0/#inbox', tab: { id } });
const ACME = {
  company: 'Acme',
  role: 'Product Designer',
  interviewAt: '2026-11-17T19:00:00.000Z',
  contacts: [{ name: 'Dana Lee', email: 'dana.lee@acme.example' }],
};

type Answer = { ok: boolean; [field: string]: any }; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read any answer field
let clock: Clock;
let platform: ReturnType<typeof fakePlatform>;
let bg: ReturnType<typeof createBackground>;
const send = async (message: unknown, sender: unknown = page): Promise<Answer> => (await bg.onMessage(message, sender as never)) as Answer;

async function saved(input: Record<string, unknown> = ACME): Promise<string> {
  const r = await send({ type: 'saveInterview', input });
  expect(r.ok).toBe(true);
  return r.interview.id;
}

beforeEach(async () => {
  fakeBrowser.reset();
  clock = new Clock(Date.parse(T0));
  await seed({ schemaVersion: 1, settings: NY, profile: PROFILE });
  platform = fakePlatform(clock);
  bg = createBackground(platform);
  await bg.start();
});

/** Every `send('type', …)` in src/content, i.e. what the content script can ask. */
function sentByContent(): string[] {
  const files = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));
  const found = new Set<string>();
  for (const f of files('src/content')) for (const m of readFileSync(f, 'utf8').matchAll(/\bsend\(\s*'([A-Za-z]+)'/g)) found.add(m[1]!);
  return [...found].sort();
}

describe('F1: least privilege for the webmail page', () => {
  it('F1: the content script\'s allow-list is exactly what the content script sends', () => {
    expect(sentByContent()).toEqual(['checkTone', 'composeContext', 'composeDraft', 'composePending', 'logFromEmail', 'mailboxWatch', 'recordEvent', 'repliesSeen', 'reportError', 'undoEvent']);
    expect([...CONTENT_SCRIPT_MESSAGES].sort()).toEqual(sentByContent());
  });

  it('F1: from a webmail page, no outcome deleted, no interview closed, no decision date moved, no snooze, no tab opened', async () => {
    const id = await saved();
    await send({ type: 'recordEvent', id, event: { type: 'outcome', outcome: 'offer' } });
    const before = JSON.stringify(bg.store.interview(id));
    const content = tab(3);
    expect(await send({ type: 'undoEvent', id, match: { type: 'outcome', outcome: 'offer' } }, content)).toMatchObject({ ok: false });
    expect(await send({ type: 'recordEvent', id, event: { type: 'outcome', outcome: 'rejected' } }, content)).toMatchObject({ ok: false });
    expect(await send({ type: 'recordEvent', id, event: { type: 'reply', newDecisionDate: '2999-01-01' } }, content)).toMatchObject({ ok: false });
    expect(await send({ type: 'recordEvent', id, event: { type: 'dismissed', step: 'move-on' } }, content)).toMatchObject({ ok: false });
    expect(await send({ type: 'snooze', id, step: 'thank-you' }, content)).toEqual({ ok: false, error: { code: 'notAllowed', type: 'snooze' } });
    expect(await send({ type: 'openCompose', id, kind: 'thank-you' }, content)).toEqual({ ok: false, error: { code: 'notAllowed', type: 'openCompose' } });
    expect(await send({ type: 'diagnostics' }, content)).toEqual({ ok: false, error: { code: 'notAllowed', type: 'diagnostics' } });
    expect(JSON.stringify(bg.store.interview(id))).toBe(before);
    expect(platform.opened).toEqual([]);
  });

  it('F1: "sent" from a page only for a step the panel was offered in that tab; Undo only for the "sent" that tab recorded', async () => {
    const id = await saved();
    // A thank-you is offered for one interviewer, and its "sent" names them (issue 11).
    const sent = { type: 'sent', step: 'thank-you', contact: 'dana.lee@acme.example' } as const;
    // Nothing offered yet: refused.
    expect(await send({ type: 'recordEvent', id, event: sent }, tab(3))).toEqual({ ok: false, error: { code: 'notOffered' } });
    // The panel in tab 3 is offered the thank-you (its compose is addressed to Dana).
    const ctx = await send({ type: 'composeContext', recipients: ['dana.lee@acme.example'] }, tab(3));
    expect(ctx.interviews[0].drafts.map((d: { kind: string }) => d.kind)).toEqual(['thank-you']);
    expect(await send({ type: 'recordEvent', id, event: { type: 'sent', step: 'status-inquiry' } }, tab(3))).toMatchObject({ ok: false });
    expect(await send({ type: 'recordEvent', id, event: sent }, tab(4))).toMatchObject({ ok: false });
    expect(await send({ type: 'recordEvent', id, event: { type: 'sent', step: 'thank-you' } }, tab(3))).toMatchObject({ ok: false });
    expect(await send({ type: 'recordEvent', id, event: sent }, tab(3))).toMatchObject({ ok: true });
    // Once: a second "sent" for the same offer is refused.
    expect(await send({ type: 'recordEvent', id, event: sent }, tab(3))).toMatchObject({ ok: false });
    expect(bg.store.interview(id)!.history.filter((e) => e.type === 'sent')).toHaveLength(1);
    // Another tab can't take it back; the tab that recorded it can (the toast's Undo), once.
    expect(await send({ type: 'undoEvent', id, match: sent }, tab(4))).toMatchObject({ ok: false });
    expect(await send({ type: 'undoEvent', id, match: sent }, tab(3))).toMatchObject({ ok: true });
    expect(await send({ type: 'undoEvent', id, match: sent }, tab(3))).toMatchObject({ ok: false });
    // A "sent" the user recorded in the popup is not the page's to undo.
    await send({ type: 'recordEvent', id, event: sent });
    expect(await send({ type: 'undoEvent', id, match: sent }, tab(3))).toMatchObject({ ok: false });
    expect(bg.store.interview(id)!.history.filter((e) => e.type === 'sent')).toHaveLength(1);
  });

  it('F1: drafts only for interviews the recipients match; the others by name, with their drafts only on request', async () => {
    const acme = await saved();
    const globex = await saved({ ...ACME, company: 'Globex', contacts: [{ name: 'Priya', email: 'priya@globex.example' }] });
    const none = await send({ type: 'composeContext', recipients: [] }, tab(3));
    expect(none.interviews).toEqual([]);
    expect(none.others.map((o: { id: string }) => o.id).sort()).toEqual([acme, globex].sort());
    for (const o of none.others) expect(Object.keys(o).sort()).toEqual(['company', 'id', 'interviewAt', 'role']);
    expect(JSON.stringify(none)).not.toMatch(/Dear|Hi |Thank you for/);
    const matched = await send({ type: 'composeContext', recipients: ['priya@globex.example'] }, tab(3));
    expect(matched.interviews.map((i: { id: string }) => i.id)).toEqual([globex]);
    expect(matched.others.map((o: { id: string }) => o.id)).toEqual([acme]);
    // The user picks Acme: its drafts come, and that step is now offered to that tab.
    const picked = await send({ type: 'composeDraft', id: acme }, tab(3));
    expect(picked.interview).toMatchObject({ id: acme, matched: false });
    expect(picked.interview.drafts.length).toBeGreaterThan(0);
    // A thank-you is offered for the interviewer it was drafted for: its 'sent' names them (issue 11).
    const first = picked.interview.drafts[0];
    const contact = first.kind === 'thank-you' ? { contact: first.draft.contact } : {};
    expect(await send({ type: 'recordEvent', id: acme, event: { type: 'sent', step: first.kind, ...contact } }, tab(3))).toMatchObject({ ok: true });
    expect(await send({ type: 'composeDraft', id: 'missing' }, tab(3))).toMatchObject({ ok: false });
  });

  it(`F1: openCompose is rate-limited: 50 calls at once open ${RATE_LIMITS.openCompose[0]} tabs`, async () => {
    const id = await saved();
    const answers = await Promise.all(Array.from({ length: 50 }, () => send({ type: 'openCompose', id, kind: 'thank-you' })));
    expect(answers.filter((a) => a.ok)).toHaveLength(RATE_LIMITS.openCompose[0]);
    expect(platform.opened).toHaveLength(RATE_LIMITS.openCompose[0]);
    expect(answers.find((a) => !a.ok)).toEqual({ ok: false, error: { code: 'tooFast' } });
    // A moment later it works again.
    clock.advance(RATE_LIMITS.openCompose[1]);
    expect(await send({ type: 'openCompose', id, kind: 'thank-you' })).toMatchObject({ ok: true });
  });

  it(`F1: recordEvent is rate-limited: 4,000 calls on one interview record ${RATE_LIMITS.recordEvent[0]}`, async () => {
    const id = await saved();
    const answers = await Promise.all(Array.from({ length: 4000 }, () => send({ type: 'recordEvent', id, event: { type: 'dismissed', step: 'move-on' } })));
    expect(answers.filter((a) => a.ok)).toHaveLength(RATE_LIMITS.recordEvent[0]);
    expect(bg.store.interview(id)!.history.filter((e) => e.type === 'dismissed')).toHaveLength(RATE_LIMITS.recordEvent[0]);
    // Another interview has its own budget.
    const other = await saved({ ...ACME, company: 'Globex' });
    expect(await send({ type: 'recordEvent', id: other, event: { type: 'reply' } })).toMatchObject({ ok: true });
  });

  it('F1: a tab\'s drafts, errors and sends are limited per tab, and the ledger stays bounded', async () => {
    const id = await saved();
    const drafts = await Promise.all(Array.from({ length: 100 }, () => send({ type: 'composeDraft', id }, tab(5))));
    expect(drafts.filter((a) => a.ok)).toHaveLength(RATE_LIMITS.content[0]);
    expect(await send({ type: 'composeDraft', id }, tab(6))).toMatchObject({ ok: true });
    for (let t = 0; t < LEDGER_LIMIT + 50; t++) await send({ type: 'composeContext', recipients: ['dana.lee@acme.example'] }, tab(100 + t));
    const ledger = (await fakeBrowser.storage.session.get('composeOffers')).composeOffers as unknown[];
    expect(ledger).toHaveLength(LEDGER_LIMIT);
  });

  it('F1: tone checks are limited per tab, and use an interview\'s facts only for one offered to that tab', async () => {
    const id = await saved();
    const text = 'Is anyone actually reading my emails?';
    const calmer = async (sender: unknown, interviewId?: string) => (await send({ type: 'checkTone', text, ...(interviewId ? { interviewId } : {}) }, sender)).findings[0].suggestion as string;
    // The interview's facts (role, company, interviewer), whichever kind of pressure the sentence is taken for.
    const facts = /Product Designer|Acme|Dana/;
    // Not offered to tab 3 yet: the page's id gives no facts.
    expect(await calmer(tab(3), id)).not.toMatch(facts);
    expect(await calmer(page, id)).toMatch(facts);
    await send({ type: 'composeContext', recipients: ['dana.lee@acme.example'] }, tab(3));
    expect(await calmer(tab(3), id)).toMatch(facts);
    expect(await calmer(tab(4), id)).not.toMatch(facts);

    clock.advance(60_000);
    const burst = await Promise.all(Array.from({ length: 100 }, () => send({ type: 'checkTone', text: 'Hello' }, tab(8))));
    expect(burst.filter((a) => a.ok)).toHaveLength(RATE_LIMITS.tone[0]);
    expect(burst.find((a) => !a.ok)).toEqual({ ok: false, error: { code: 'tooFast' } });
    // Another tab, and the extension's own pages, are not held up by it.
    expect(await send({ type: 'checkTone', text: 'Hello' }, tab(9))).toMatchObject({ ok: true });
    expect(await send({ type: 'checkTone', text: 'Hello' })).toMatchObject({ ok: true });
    clock.advance(RATE_LIMITS.tone[1]);
    expect(await send({ type: 'checkTone', text: 'Hello' }, tab(8))).toMatchObject({ ok: true });
  });

  it('F1: content-script errors are kept, few and without addresses, for diagnostics; only pages read them', async () => {
    for (let i = 0; i < 30; i++) await send({ type: 'reportError', where: 'fill-to', message: `failed for ana@acme.example (${i})`, skeleton: 'div.M9\n  span[aria-label="Ana ana@acme.example"]' }, tab(3 + i));
    const d = await send({ type: 'diagnostics' });
    expect(d.errors).toHaveLength(ERRORS_LIMIT);
    expect(d.errors.at(-1)).toMatchObject({ where: 'fill-to', message: 'failed for <address> (29)', host: 'mail.google.com' });
    expect(d.skeleton).toMatchObject({ where: 'fill-to', host: 'mail.google.com' });
    expect(JSON.stringify(d)).not.toContain('@');
    expect(await send({ type: 'reportError', where: 'x', message: 'y'.repeat(501) }, tab(7))).toMatchObject({ ok: false });
  });
});

describe('the keyboard shortcut (issue 14)', () => {
  it('is a manifest command with a suggested key and a translated description, and needs no permission', () => {
    const manifest = JSON.parse(readFileSync('manifest.json', 'utf8'));
    expect(manifest.commands[OPEN_PANEL_COMMAND]).toEqual({ suggested_key: { default: 'Alt+Shift+F' }, description: '__MSG_cmdOpenComposePanel__' });
    expect([...manifest.permissions].sort()).toEqual(['alarms', 'notifications', 'storage']);
  });

  it('asks the tab it was pressed in (else the active tab) to open the panel, and nothing else', async () => {
    const told: [number, unknown][] = [];
    const b = createBackground({ ...platform, sendToTab: async (id, m) => void told.push([id, m]), activeTab: async () => 9 });
    await b.onCommand(OPEN_PANEL_COMMAND, 4);
    await b.onCommand(OPEN_PANEL_COMMAND);
    await b.onCommand('something-else', 4);
    expect(told).toEqual([
      [4, { type: 'openPanel' }],
      [9, { type: 'openPanel' }],
    ]);
    // A tab without our content script refuses: logged, not thrown.
    const refusing = createBackground({ ...platform, sendToTab: () => Promise.reject(new Error('Could not establish connection')) });
    await expect(refusing.onCommand(OPEN_PANEL_COMMAND, 4)).resolves.toBeUndefined();
  });
});

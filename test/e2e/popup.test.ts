/**
 * The popup and options page in the built extension, in both browsers, against the real
 * background: log an interview keyboard-only and see it stored and scheduled; field errors;
 * every action on an interview; backup round trip and a refused import; the calendar export;
 * and axe-core finding no violations on each page state.
 */
import ICAL from 'ical.js';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextDue, planFollowUps } from '../../src/domain/plan';
import type { Interview, Settings } from '../../src/domain/types';
import { BROWSERS, DIST, ExtensionSession, waitForSelectorIn, waitInPage, type BrowserName } from './harness';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const DAY = 86_400_000;
const POPUP = 'src/popup/index.html';
const OPTIONS = 'src/options/index.html';
const SETTINGS: Settings = { timeZone: 'America/New_York', workWeek: [1, 2, 3, 4, 5], holidays: [], dayStart: '08:00', dayEnd: '20:00', preferredTime: '10:00' };

type Stored = Record<string, unknown>;
const interviewsIn = (all: Stored): Interview[] => Object.entries(all).filter(([k]) => k.startsWith('interview:')).map(([, v]) => v as Interview);
const dataOf = (all: Stored): Stored => Object.fromEntries(Object.entries(all).filter(([k]) => k.startsWith('interview:') || k === 'settings' || k === 'profile'));

async function until<T>(what: string, fn: () => Promise<T | undefined | false | null>, timeoutMs = 15_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function openPopup(session: ExtensionSession): Promise<Page> {
  const page = await session.openExtensionPage(POPUP);
  await session.sizeViewport(page, 380, 600);
  await waitForSelectorIn(page, 'main h1', 10_000);
  return page;
}

/** The element whose visible label is `label` (the nth one). */
function field(page: Page, label: string, index = 0): Promise<ElementHandle<HTMLInputElement>> {
  return until(`field "${label}"`, async () => {
    const h = await page.evaluateHandle(
      (l, i) => ([...document.querySelectorAll('label')].filter((x) => x.textContent?.trim() === l)[i] as HTMLLabelElement | undefined)?.control ?? null,
      label,
      index,
    );
    const el = h.asElement() as ElementHandle<HTMLInputElement> | null;
    return el ?? undefined;
  });
}

/** A button by its text, inside the card of `company` when given. */
function button(page: Page, name: string, company?: string): Promise<ElementHandle<HTMLButtonElement>> {
  return until(`button "${name}"${company ? ` in ${company}` : ''}`, async () => {
    const h = await page.evaluateHandle(
      (n, c) => {
        let root: ParentNode = document;
        if (c) {
          const h3 = [...document.querySelectorAll('h3')].find((x) => x.textContent?.startsWith(c));
          if (!h3) return null;
          root = h3.closest('li')!;
        }
        return [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === n && !b.disabled) ?? null;
      },
      name,
      company ?? '',
    );
    return (h.asElement() as ElementHandle<HTMLButtonElement> | null) ?? undefined;
  });
}

/** Sets a date / datetime-local value as the browser's picker would, firing `input`. */
async function setValue(el: ElementHandle<HTMLInputElement>, value: string): Promise<void> {
  await el.evaluate((e, v) => {
    e.value = v;
    e.dispatchEvent(new Event('input', { bubbles: true }));
    e.dispatchEvent(new Event('change', { bubbles: true }));
  }, value);
}

const cardText = (page: Page, company: string): Promise<string> =>
  page.evaluate((c) => [...document.querySelectorAll('h3')].find((x) => x.textContent?.startsWith(c))?.closest('li')?.textContent ?? '', company);

const statusText = (page: Page): Promise<string> => page.evaluate(() => document.querySelector('[role="status"].toast')?.textContent ?? '');

const activeId = (page: Page): Promise<string> => page.evaluate(() => document.activeElement?.id ?? document.activeElement?.tagName ?? '');

/** Runs axe-core in the page (evaluated, not injected as a script tag, so extension CSP doesn't block it). */
async function axeViolations(page: Page): Promise<{ id: string; nodes: string[] }[]> {
  const present = await page.evaluate(() => typeof (globalThis as { axe?: unknown }).axe !== 'undefined');
  if (!present) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(c: Document, o: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

async function expectNoAxeViolations(page: Page, name: BrowserName): Promise<void> {
  expect(await axeViolations(page)).toEqual([]);
  if (name === 'chromium') {
    // Chromium can emulate the dark scheme; the second palette must pass too.
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
    expect(await axeViolations(page)).toEqual([]);
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
  }
}

/** Keeps every Blob the page turns into a download URL, so the test can read exported files. */
async function captureDownloads(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __blobs: Blob[] };
    w.__blobs = [];
    const original = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (b: Blob | MediaSource) => {
      if (b instanceof Blob) w.__blobs.push(b);
      return original(b);
    };
  });
}

async function lastDownload(page: Page, count: number): Promise<{ text: string; type: string }> {
  await waitInPage(page, (n) => (window as unknown as { __blobs: Blob[] }).__blobs.length >= n, { timeout: 10_000 }, count);
  return page.evaluate(async () => {
    const blobs = (window as unknown as { __blobs: Blob[] }).__blobs;
    const b = blobs[blobs.length - 1]!;
    return { text: await b.text(), type: b.type };
  });
}

/** Chooses a file in the import input as a user would (the input's files, then `change`). */
async function chooseFile(page: Page, text: string, name: string): Promise<void> {
  const input = await field(page, 'Import a backup file');
  await input.evaluate(
    (el, t, n) => {
      const dt = new DataTransfer();
      dt.items.add(new File([t], n, { type: 'application/json' }));
      el.files = dt.files;
      el.dispatchEvent(new Event('change', { bubbles: true }));
    },
    text,
    name,
  );
}


/**
 * The smallest computed font size of anything on the page a person reads: every element with
 * text of its own, and every control. Hidden elements (display: none) don't count.
 */
function smallestText(page: Page): Promise<{ px: number; where: string }> {
  return page.evaluate(() => {
    let min = { px: Infinity, where: '' };
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      if (el.getClientRects().length === 0) continue;
      const ownText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '');
      if (!ownText && !el.matches('input, button, select, textarea, summary, label, legend')) continue;
      const px = parseFloat(getComputedStyle(el).fontSize);
      if (px < min.px) min = { px, where: `${el.tagName.toLowerCase()}.${el.className} "${(el.textContent ?? '').trim().slice(0, 40)}"` };
    }
    return min;
  });
}

async function expectReadable(page: Page): Promise<void> {
  const smallest = await smallestText(page);
  expect(smallest.px, smallest.where).toBeGreaterThanOrEqual(13);
  expect(await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize))).toBeGreaterThanOrEqual(13);
}

const keptDraft = (session: ExtensionSession): Promise<{ fields?: { company?: string; role?: string; contacts?: { name: string; email: string }[] } } | undefined> =>
  session.inExtension(async () => (await globalThis.chrome.storage.session.get('popupFormDraft')).popupFormDraft as never);

describe.each(BROWSERS)('popup and options in %s', (name) => {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await ExtensionSession.launch(name);
    expect(await session.send({ type: 'saveSettings', settings: SETTINGS })).toMatchObject({ ok: true });
    expect(await session.send({ type: 'saveProfile', profile: { name: 'Alex Morgan', webmail: 'gmail' } })).toMatchObject({ ok: true });
  });
  afterAll(() => session?.close());

  it('teaches on the empty popup, with no accessibility violations', async () => {
    const page = await openPopup(session);
    await waitInPage(page, () => document.activeElement?.textContent === 'Log your first interview', { timeout: 10_000 });
    expect(await page.$eval('main', (m) => m.textContent)).toMatch(/thank-you email within 24 hours/i);
    await expectNoAxeViolations(page, name);
    await page.close();
  });

  it('logs an interview keyboard-only, stores it and arms the alarm at its first step', async () => {
    const page = await openPopup(session);
    await waitInPage(page, () => document.activeElement?.textContent === 'Log your first interview', { timeout: 10_000 });
    const started = Date.now();
    await page.keyboard.press('Enter');
    await waitInPage(page, () => document.activeElement?.id === 'iv-company', { timeout: 10_000 });
    await page.keyboard.type('Keyboard Labs');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Platform Engineer');
    await page.keyboard.press('Enter');
    // The saved card gets focus and shows the whole plan.
    await waitInPage(page, () => document.activeElement?.matches('li.card') && document.activeElement.textContent?.includes('Keyboard Labs'), { timeout: 10_000 });
    console.log(`[${name}] keyboard-only: form open → saved with plan shown in ${Date.now() - started} ms (typing at puppeteer speed)`);
    const text = await cardText(page, 'Keyboard Labs');
    expect(text).toMatch(/Thank-you.*Inquiry/);

    const all = await session.storage();
    const [iv] = interviewsIn(all).filter((i) => i.company === 'Keyboard Labs');
    expect(iv).toMatchObject({ company: 'Keyboard Labs', role: 'Platform Engineer', contacts: [], history: [] });
    // The default time is the start of an hour-long interview that just ended, on the local half hour.
    const minutes = new Date(iv!.interviewAt).getUTCMinutes();
    expect([0, 30, 15, 45]).toContain(minutes);
    expect(Date.parse(iv!.interviewAt)).toBeGreaterThanOrEqual(started - 91 * 60_000);
    expect(Date.parse(iv!.interviewAt)).toBeLessThanOrEqual(started - 59 * 60_000);
    // Scheduled: the one alarm sits at the planner's next step.
    const next = nextDue(interviewsIn(all), SETTINGS, new Date());
    expect(next?.interviewId).toBe(iv!.id);
    expect(next?.step.kind).toBe('thank-you');
    const alarms = (await session.alarms()).map((a) => ({ name: a.name, scheduledTime: a.scheduledTime }));
    expect(alarms).toEqual([{ name: 'followup-next', scheduledTime: Date.parse(next!.step.notifyAt) }]);
    // The plan the card shows is the planner's.
    const steps = planFollowUps(iv!, SETTINGS);
    expect(await page.evaluate(() => document.activeElement?.querySelectorAll('.timeline li').length)).toBe(steps.length);
    await page.close();
  });

  it('shows field errors next to their fields, focuses the first, stores nothing; the form passes axe', async () => {
    const before = await session.storage();
    const page = await openPopup(session);
    await (await button(page, 'Log interview')).click();
    await waitInPage(page, () => document.activeElement?.id === 'iv-company', { timeout: 10_000 });
    const email = await field(page, 'Interviewer email');
    await email.focus();
    await page.keyboard.type('not-an-email');
    await page.keyboard.press('Enter');
    await waitInPage(page, () => document.getElementById('iv-company')?.getAttribute('aria-invalid') === 'true', { timeout: 10_000 });
    expect(await activeId(page)).toBe('iv-company');
    const errors = await page.evaluate(() =>
      [...document.querySelectorAll('[aria-invalid="true"]')].map((el) => [
        (el as HTMLInputElement).labels?.[0]?.textContent,
        document.getElementById(el.getAttribute('aria-describedby')!.split(' ').pop()!)?.textContent,
      ]),
    );
    expect(errors).toEqual([
      ['Company', 'Company is missing'],
      ['Role', 'Role is missing'],
      ['Interviewer name', 'Interviewer name is missing'],
      ['Interviewer email', 'That email address is not valid'],
    ]);
    expect(await email.evaluate((e) => e.value)).toBe('not-an-email');
    expect(dataOf(await session.storage())).toEqual(dataOf(before));
    await expectNoAxeViolations(page, name);
    // Esc cancels back to the list.
    await page.keyboard.press('Escape');
    await waitInPage(page, () => !document.getElementById('iv-company'), { timeout: 10_000 });
    await page.close();
  });

  it('keeps half a form when the popup closes, and shows it again when it reopens', async () => {
    const page = await openPopup(session);
    await (await button(page, 'Log interview')).click();
    await waitInPage(page, () => document.activeElement?.id === 'iv-company', { timeout: 10_000 });
    await page.keyboard.type('Contoso Pharma');
    await (await field(page, 'Interviewer email')).focus();
    await page.keyboard.type('ana.lima@contoso.example');
    // Kept as typed (a click outside a real toolbar popup closes it at once).
    await until('draft kept', async () => (await keptDraft(session))?.fields?.contacts?.[0]?.email === 'ana.lima@contoso.example');
    await page.close();

    const again = await openPopup(session);
    await waitInPage(again, () => (document.getElementById('iv-company') as HTMLInputElement | null)?.value === 'Contoso Pharma', { timeout: 10_000 });
    expect(await (await field(again, 'Interviewer email')).evaluate((e) => e.value)).toBe('ana.lima@contoso.example');
    expect(await again.evaluate(() => document.querySelector('.interview-form')?.textContent)).toMatch(/Your unsaved entries are back/);
    await expectNoAxeViolations(again, name);
    await expectReadable(again);
    // Discarding is said, and undoable.
    await (await button(again, 'Discard draft')).click();
    await until('discarded', async () => /Entries discarded/.test(await statusText(again)));
    await until('draft forgotten', async () => (await keptDraft(session)) === undefined);
    await (await button(again, 'Undo')).click();
    await waitInPage(again, () => (document.getElementById('iv-company') as HTMLInputElement | null)?.value === 'Contoso Pharma', { timeout: 10_000 });
    await until('kept again', async () => (await keptDraft(session))?.fields?.company === 'Contoso Pharma');
    // Cancel leaves it the same way: said, undoable, and nothing kept.
    await (await button(again, 'Cancel')).click();
    await until('cancelled', async () => /Entries discarded/.test(await statusText(again)));
    await until('draft forgotten again', async () => (await keptDraft(session)) === undefined);
    await again.close();
  });

  it('shows text at 13 px or more on the popup, the options page and the reminder page', async () => {
    const popup = await openPopup(session);
    await until('cards', async () => (await popup.$$('li.card')).length > 0);
    await expectReadable(popup);
    await (await button(popup, 'More', 'Keyboard Labs')).click();
    await expectReadable(popup);
    await (await button(popup, 'Log interview')).click();
    await waitForSelectorIn(popup, '#iv-company', 10_000);
    await expectReadable(popup);
    await popup.keyboard.press('Escape');
    await popup.close();

    const options = await session.openExtensionPage(OPTIONS);
    await field(options, 'Your name');
    await expectReadable(options);
    await options.close();

    const iv = interviewsIn(await session.storage()).find((i) => i.company === 'Keyboard Labs')!;
    const reminder = await session.openExtensionPage(`src/reminder/index.html?id=${encodeURIComponent(`reminder:${iv.id}:thank-you:1`)}`);
    await waitForSelectorIn(reminder, 'main[data-ready] button', 10_000);
    await expectReadable(reminder);
    await expectNoAxeViolations(reminder, name);
    await reminder.close();
  });

  it('marks steps sent, records a reply with a new date and an outcome, deletes and undoes', async () => {
    const seeded = await session.send<{ ok: true; interview: Interview }>({
      type: 'saveInterview',
      input: { company: 'Seeded Co', role: 'Analyst', interviewAt: new Date(Date.now() - 10 * DAY).toISOString(), contacts: [{ name: 'Robin Diaz', email: 'robin@seeded.example' }] },
    });
    expect(seeded.ok).toBe(true);
    const id = seeded.interview.id;
    const key = `interview:${id}`;
    const history = async () => ((await session.storage())[key] as Interview | undefined)?.history ?? [];
    const page = await openPopup(session);

    await (await button(page, 'Mark thank-you sent', 'Seeded Co')).click();
    await until('thank-you recorded', async () => (await history()).some((e) => e.type === 'sent' && e.step === 'thank-you'));
    await until('toast', async () => /Thank-you email marked as sent/.test(await statusText(page)));

    await (await button(page, 'Mark inquiry sent', 'Seeded Co')).click();
    await until('inquiry recorded', async () => (await history()).some((e) => e.type === 'sent' && e.step === 'status-inquiry'));
    // The move-on step follows the sent inquiry on the timeline.
    await until('move-on on the timeline', async () => /Move on/.test(await cardText(page, 'Seeded Co')));

    const newDate = new Date(Date.now() + 7 * DAY).toISOString().slice(0, 10);
    await (await button(page, 'More', 'Seeded Co')).click();
    await (await button(page, 'They replied', 'Seeded Co')).click();
    await setValue(await field(page, 'New decision date (optional)'), newDate);
    await (await button(page, 'Save reply', 'Seeded Co')).click();
    const reply = await until('reply recorded', async () => (await history()).find((e) => e.type === 'reply'));
    expect(reply).toMatchObject({ type: 'reply', newDecisionDate: newDate });
    // A new inquiry round is planned after the new date.
    const planned = planFollowUps((await session.storage())[key] as Interview, SETTINGS).find((s) => s.kind === 'status-inquiry' && s.round === 2 && s.status === 'pending');
    expect(planned).toBeTruthy();
    await until('upcoming badge', async () => /Upcoming/.test(await cardText(page, 'Seeded Co')));

    await (await button(page, 'More', 'Seeded Co')).click();
    await (await button(page, 'Record outcome', 'Seeded Co')).click();
    await (await button(page, 'I got an offer', 'Seeded Co')).click();
    await until('outcome recorded', async () => (await history()).some((e) => e.type === 'outcome' && e.outcome === 'offer'));
    await until('kind words', async () => /Congratulations on the offer/.test(await statusText(page)));
    await until('moved to closed', async () => !(await cardText(page, 'Seeded Co')));

    // Delete from the closed section, then Undo restores the same record.
    await page.evaluate(() => {
      const d = document.querySelector('details.closed-section') as HTMLDetailsElement;
      d.querySelector('summary')!.click();
    });
    await until('closed card', async () => /Closed: offer/.test(await cardText(page, 'Seeded Co')));
    const beforeDelete = (await session.storage())[key];
    await (await button(page, 'More', 'Seeded Co')).click();
    await (await button(page, 'Delete', 'Seeded Co')).click();
    await until('deleted', async () => !(key in (await session.storage())));
    await until('undo focused', async () => (await page.evaluate(() => document.activeElement?.textContent)) === 'Undo');
    await page.keyboard.press('Enter');
    await until('restored', async () => key in (await session.storage()));
    // Everything comes back; only the store's own updatedAt stamp moves on.
    const restored = (await session.storage())[key] as Interview;
    const old = beforeDelete as Interview;
    expect({ ...restored, updatedAt: undefined }).toEqual({ ...old, updatedAt: undefined });
    expect(Date.parse(restored.updatedAt!)).toBeGreaterThanOrEqual(Date.parse(old.updatedAt!));
    await page.close();
  });

  it('passes axe with several interviews listed and a card opened', async () => {
    const page = await openPopup(session);
    await until('cards', async () => (await page.$$('li.card')).length > 0);
    await (await button(page, 'More', 'Keyboard Labs')).click();
    await expectNoAxeViolations(page, name);
    await page.close();
  });

  describe('options page', () => {
    let page: Page;
    beforeAll(async () => {
      // Interviews whose follow-ups are all ahead, so the calendar export is stable during the test.
      for (const [company, days] of [['Future One', 3], ['Future Two', 10]] as const) {
        const r = await session.send<{ ok: boolean }>({
          type: 'saveInterview',
          // Whole minutes, as the form records them (an .ics holds whole seconds).
          input: { company, role: 'Designer', interviewAt: new Date(Math.floor((Date.now() + days * DAY) / 60_000) * 60_000).toISOString(), contacts: [{ name: 'Sam, “the” Lead; PM' }], decisionExpectedBy: new Date(Date.now() + (days + 4) * DAY).toISOString().slice(0, 10) },
        });
        expect(r.ok).toBe(true);
      }
      page = await session.openExtensionPage(OPTIONS);
      await waitForSelectorIn(page, 'main h1', 10_000);
      await field(page, 'Your name');
      await captureDownloads(page);
    });
    afterAll(() => page?.close());

    it('has no accessibility violations', async () => {
      await expectNoAxeViolations(page, name);
    });

    it('never drops an unsaved field without saying so: one Save for every section, and a warning on leaving', async () => {
      const edit = await session.openExtensionPage(OPTIONS);
      const nameField = await field(edit, 'Your name');
      await nameField.focus();
      await nameField.evaluate((e) => e.select());
      await edit.keyboard.type('Alex Q. Morgan');
      const profileText = () => edit.evaluate(() => document.getElementById('profile-title')!.closest('section')!.textContent ?? '');
      await until('profile marked unsaved', async () => /Unsaved changes/.test(await profileText()));
      expect(await edit.$eval('.save-bar', (b) => b.textContent)).toMatch(/Unsaved changes/);
      await setValue(await field(edit, 'Preferred time for inquiries'), '09:15');
      // Leaving now asks first (the browser words the question).
      if (name === 'chromium') {
        const asked = new Promise<string>((resolve) => edit.once('dialog', (d) => void d.dismiss().then(() => resolve(d.type()))));
        await edit.close({ runBeforeUnload: true });
        expect(await asked).toBe('beforeunload');
        expect(edit.isClosed()).toBe(false);
      } else {
        expect(await edit.evaluate(() => !window.dispatchEvent(new Event('beforeunload', { cancelable: true })))).toBe(true);
      }
      // One Save keeps both: the name is not lost by saving the schedule.
      await (await button(edit, 'Save changes')).click();
      await until('saved', async () => /Changes saved/.test(await edit.$eval('.save-bar', (b) => b.textContent ?? '')));
      const all = await session.storage();
      expect((all.profile as { name: string }).name).toBe('Alex Q. Morgan');
      expect((all.settings as Settings).preferredTime).toBe('09:15');
      expect(await edit.evaluate(() => !window.dispatchEvent(new Event('beforeunload', { cancelable: true })))).toBe(false);
      await expectNoAxeViolations(edit, name);
      await edit.close();
      expect(await session.send({ type: 'saveSettings', settings: SETTINGS })).toMatchObject({ ok: true });
      expect(await session.send({ type: 'saveProfile', profile: { name: 'Alex Morgan', webmail: 'gmail' } })).toMatchObject({ ok: true });
    });

    it('exports a backup that imports back to identical data', async () => {
      const before = dataOf(await session.storage());
      await (await button(page, 'Export backup')).click();
      const file = await lastDownload(page, 1);
      expect(file.type).toBe('application/json');
      const backup = JSON.parse(file.text);
      expect(backup).toMatchObject({ format: 'followup-backup', settings: SETTINGS });
      expect(backup.interviews).toHaveLength(interviewsIn(before).length);

      // Change things, then bring the backup back.
      const victim = interviewsIn(before).find((i) => i.company === 'Keyboard Labs')!;
      expect(await session.send({ type: 'deleteInterview', id: victim.id })).toMatchObject({ ok: true });
      expect(await session.send({ type: 'saveSettings', settings: { ...SETTINGS, preferredTime: '11:30' } })).toMatchObject({ ok: true });
      await chooseFile(page, file.text, 'followup-backup.json');
      const preview = await until('import preview', async () => page.evaluate(() => document.querySelector('[aria-labelledby="import-preview-title"]')?.textContent ?? ''));
      expect(preview).toMatch(/add 1 interview/);
      expect(preview).toMatch(/replace your schedule settings/);
      // Nothing changes before Apply.
      expect(((await session.storage()).settings as Settings).preferredTime).toBe('11:30');
      await (await button(page, 'Apply import')).click();
      await until('applied', async () => /Import applied/.test(await page.evaluate(() => document.body.textContent ?? '')));
      expect(dataOf(await session.storage())).toEqual(before);
    });

    it('refuses a corrupted or foreign backup and changes nothing', async () => {
      await (await button(page, 'Export backup')).click();
      const good = JSON.parse((await lastDownload(page, 2)).text);
      const before = await session.storage();
      const alertText = () => page.evaluate(() => document.querySelector('section [role="alert"]')?.textContent ?? '');

      await chooseFile(page, JSON.stringify(good).slice(0, 200), 'truncated.json');
      await until('not-JSON alert', async () => /not valid JSON/.test(await alertText()));

      const broken = structuredClone(good);
      broken.interviews[1].interviewAt = 'the day after tomorrow';
      broken.settings.preferredTime = '07:00';
      await chooseFile(page, JSON.stringify(broken), 'broken.json');
      await until('broken-record alert', async () => /Interview 2 .*can't be read/.test(await alertText()));
      expect(await page.evaluate(() => [...document.querySelectorAll('button')].some((b) => b.textContent === 'Apply import'))).toBe(false);

      await chooseFile(page, JSON.stringify({ format: 'something-else', interviews: [] }), 'foreign.json');
      await until('foreign alert', async () => /not a FollowUp backup/.test(await alertText()));

      // Even if applied directly, all or nothing.
      expect(await session.send({ type: 'applyImport', backup: broken })).toMatchObject({ ok: false });
      expect(await session.storage()).toEqual(before);
    });

    it('exports upcoming follow-ups as an .ics file that a calendar parser reads back', async () => {
      const t0 = Date.now();
      await (await button(page, 'Export follow-ups (.ics)')).click();
      const file = await lastDownload(page, 3);
      const t1 = Date.now();
      expect(file.type).toBe('text/calendar');
      expect(file.text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
      expect(file.text.split('\r\n').every((l) => new TextEncoder().encode(l).length <= 75)).toBe(true);
      const events = new ICAL.Component(ICAL.parse(file.text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
      const stored = interviewsIn(await session.storage());
      const settings = (await session.storage()).settings as Settings;
      const expected = stored.flatMap((iv) =>
        planFollowUps(iv, settings)
          .filter((s) => s.status === 'pending' && Date.parse(s.notifyAt) >= t0)
          .map((s) => ({ uid: `${iv.id.replace(/[^A-Za-z0-9._-]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`)}-${s.kind}-${s.round}@followup.invalid`, start: Date.parse(s.notifyAt) })),
      );
      const got = events.map((e) => ({ uid: e.uid, start: e.startDate.toJSDate().getTime() }));
      const byUid = (a: { uid: string }, b: { uid: string }) => a.uid.localeCompare(b.uid);
      // The file holds what is ahead at the moment of the click, somewhere in [t0, t1]: a step falling
      // due inside that window may be on either side; every other one is exactly where it belongs.
      const settled = (e: { start: number }) => e.start < t0 || e.start > t1;
      expect(got.filter(settled).sort(byUid)).toEqual(expected.filter(settled).sort(byUid));
      expect(got.every((e) => e.start >= t0)).toBe(true);
      expect(expected.filter(settled).length).toBeGreaterThan(4);
      const future = stored.find((i) => i.company === 'Future One')!;
      const thanks = events.find((e) => e.uid.includes(`-thank-you-1@`) && e.summary.includes('Future One'))!;
      expect(thanks.summary).toBe('Thank-you email: Future One (Designer)');
      expect(thanks.description).toContain('Sam, “the” Lead; PM');
      expect(thanks.startDate.toJSDate().getTime()).toBe(Date.parse(planFollowUps(future, settings)[0]!.notifyAt));
    });
  });
});

/**
 * The dark palette in Firefox: WebDriver BiDi has no media emulation, so the browser starts
 * with pages told prefers-color-scheme: dark, and axe checks every page there.
 */
describe('dark theme in firefox', () => {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await ExtensionSession.launch('firefox', { colorScheme: 'dark' });
    expect(await session.send({ type: 'saveSettings', settings: SETTINGS })).toMatchObject({ ok: true });
    expect(await session.send({ type: 'saveProfile', profile: { name: 'Alex Morgan', webmail: 'gmail' } })).toMatchObject({ ok: true });
    const r = await session.send<{ ok: boolean }>({
      type: 'saveInterview',
      input: { company: 'Dark Mode Inc', role: 'Analyst', interviewAt: new Date(Date.now() - 10 * DAY).toISOString(), contacts: [{ name: 'Robin Diaz', email: 'robin@dark.example' }], invitedToCall: true },
    });
    expect(r.ok).toBe(true);
  });
  afterAll(() => session?.close());

  it('has no accessibility violations on the popup, its form, the options page and the reminder page', async () => {
    const popup = await openPopup(session);
    expect(await popup.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
    await until('cards', async () => (await popup.$$('li.card')).length > 0);
    await (await button(popup, 'More', 'Dark Mode Inc')).click();
    expect(await axeViolations(popup)).toEqual([]);
    await (await button(popup, 'Log interview')).click();
    await waitForSelectorIn(popup, '#iv-company', 10_000);
    await popup.keyboard.press('Enter');
    await waitInPage(popup, () => document.getElementById('iv-company')?.getAttribute('aria-invalid') === 'true', { timeout: 10_000 });
    expect(await axeViolations(popup)).toEqual([]);
    await popup.close();
    const options = await session.openExtensionPage(OPTIONS);
    await field(options, 'Your name');
    expect(await axeViolations(options)).toEqual([]);
    await options.close();
    const iv = interviewsIn(await session.storage())[0]!;
    const reminder = await session.openExtensionPage(`src/reminder/index.html?id=${encodeURIComponent(`reminder:${iv.id}:status-inquiry:1`)}`);
    await waitForSelectorIn(reminder, 'main[data-ready] button', 10_000);
    expect(await axeViolations(reminder)).toEqual([]);
    await reminder.close();
  });
});

/** Every script a page loads (its own and the chunks they import, transitively), gzip-compressed. */
function pageScriptsGzip(dist: string, page: string): number {
  const html = readFileSync(join(dist, page), 'utf8');
  const seen = new Set<string>();
  const queue = [...html.matchAll(/src="([^"]+\.js)"/g)].map((m) => join(dist, m[1]!.replace(/^\//, '')));
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    for (const m of readFileSync(file, 'utf8').matchAll(/(?:import|from)\s*\(?\s*["']([^"']+\.js)["']/g)) queue.push(m[1]!.startsWith('/') ? join(dist, m[1]!.slice(1)) : join(dirname(file), m[1]!));
  }
  return [...seen].reduce((n, f) => n + gzipSync(readFileSync(f), { level: 9 }).length, 0);
}

describe('popup budget', () => {
  it.each(BROWSERS)('the %s popup loads at most 30 KB of JavaScript, gzip (lazy chunks included)', (name) => {
    expect(pageScriptsGzip(DIST[name], 'src/popup/index.html')).toBeLessThanOrEqual(30 * 1024);
  });
});

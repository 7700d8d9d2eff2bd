/**
 * `npm run screenshots`: the README's pictures, taken of the real built extension (dist/chrome)
 * in the e2e harness's Chromium, so they show what users see (Chromium's 75 % text size for
 * extension pages included): the popup (empty, with several interviews, the form with errors,
 * a half-typed form brought back; light and dark), the options page and the reminder page.
 * The data goes in through the background (an import); the pages' clock is pinned to
 * Tuesday 24 November 2026, 12:30 in New York, so the pictures don't change from run to run.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { it } from 'vitest';
import { ExtensionSession, waitInPage } from '../test/e2e/harness';
import { SAMPLE_NOW, SAMPLE_SETTINGS, sampleInterviews } from '../test/support/samples';

const DOCS = resolve(import.meta.dirname, '../docs');
const PROFILE = { name: 'Alex Doe', signature: 'Alex Doe\n555-0100', webmail: 'gmail' };

/** Pins the page's clock (Date and Date.now) to `now`, before any of its scripts run. */
function pinClock(now: number): void {
  const RealDate = Date;
  const offset = now - RealDate.now();
  class PinnedDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(RealDate.now() + offset);
      else super(...(args as [string]));
    }
    static override now(): number {
      return RealDate.now() + offset;
    }
  }
  (globalThis as { Date: DateConstructor }).Date = PinnedDate as DateConstructor;
}

type Shot = { name: string; path: string; width: number; height: number; scheme: 'light' | 'dark'; full?: boolean; prepare?: (page: Page) => Promise<void> };

async function shoot(session: ExtensionSession, shot: Shot): Promise<string> {
  const page = await session.newTab();
  await page.setViewport({ width: shot.width, height: shot.height, deviceScaleFactor: 2 });
  await page.emulateTimezone('America/New_York');
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: shot.scheme }]);
  await page.evaluateOnNewDocument(pinClock, SAMPLE_NOW);
  await page.goto(session.extensionUrl(shot.path), { waitUntil: 'load' });
  await waitInPage(page, () => document.querySelector('main h1') !== null && !document.querySelector('[aria-busy="true"]'));
  if (shot.prepare) await shot.prepare(page);
  // At rest: no focus ring from the initial focus, fonts loaded.
  await page.evaluate(async () => {
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
    await document.fonts.ready;
  });
  if (shot.full) {
    // The whole page in one window (fullPage would leave the sticky save bar at the first screen's bottom).
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.setViewport({ width: shot.width, height, deviceScaleFactor: 2 });
  }
  const file = join(DOCS, `${shot.name}.png`);
  await page.screenshot({ path: file as `${string}.png` });
  await page.close();
  return file;
}

const click = async (page: Page, text: string): Promise<void> => {
  await waitInPage(page, (t) => [...document.querySelectorAll('button')].some((b) => b.textContent?.trim() === t), {}, text);
  await page.evaluate((t) => [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === t)!.click(), text);
};

it('renders docs/*.png from the built extension', async () => {
  mkdirSync(DOCS, { recursive: true });
  const session = await ExtensionSession.launch('chromium');
  const written: string[] = [];
  const popup = { path: 'src/popup/index.html', width: 380, height: 600 };
  try {
    for (const scheme of ['light', 'dark'] as const) written.push(await shoot(session, { ...popup, name: `popup-empty-${scheme}`, scheme, height: 520 }));

    const seeded = await session.send<{ ok: boolean }>({
      type: 'applyImport',
      backup: { format: 'followup-backup', version: 1, exportedAt: new Date(SAMPLE_NOW).toISOString(), settings: SAMPLE_SETTINGS, profile: PROFILE, interviews: sampleInterviews() },
    });
    if (!seeded.ok) throw new Error(`seeding failed: ${JSON.stringify(seeded)}`);

    for (const scheme of ['light', 'dark'] as const) written.push(await shoot(session, { ...popup, name: `popup-${scheme}`, scheme }));
    written.push(
      await shoot(session, {
        ...popup,
        name: 'popup-form-errors-light',
        scheme: 'light',
        full: true,
        prepare: async (page) => {
          await click(page, 'Log interview');
          await page.waitForSelector('#iv-company');
          await page.type('#iv-role', 'Support Engineer');
          await page.type('[id$="-email"]', 'not-an-email');
          await click(page, 'Save interview');
          await waitInPage(page, () => document.querySelectorAll('.error').length >= 3);
        },
      }),
    );
    // The errors shot left its entries kept; start the next form afresh.
    await session.send({ type: 'saveFormDraft', draft: null });
    // Half a form typed, the popup closed and opened again: the entries are back.
    const typing = await session.newTab();
    await typing.evaluateOnNewDocument(pinClock, SAMPLE_NOW - 4 * 60_000);
    await typing.goto(session.extensionUrl(popup.path));
    await waitInPage(typing, () => [...document.querySelectorAll('button')].some((b) => b.textContent === 'Log interview'));
    await click(typing, 'Log interview');
    await typing.waitForSelector('#iv-company');
    await typing.type('#iv-company', 'Northwind Traders');
    await typing.type('#iv-role', 'Support Lead');
    await typing.type('[id$="-name"]', 'Ana Lima');
    await waitInPage(typing, async () => {
      const got = await (globalThis as unknown as { chrome: { storage: { session: { get(k: string): Promise<Record<string, { fields?: { contacts?: { name: string }[] } }>> } } } }).chrome.storage.session.get('popupFormDraft');
      return got.popupFormDraft?.fields?.contacts?.[0]?.name === 'Ana Lima';
    });
    await typing.close();
    written.push(await shoot(session, { ...popup, name: 'popup-draft-light', scheme: 'light' }));

    for (const scheme of ['light', 'dark'] as const) {
      written.push(await shoot(session, { path: 'src/options/index.html', name: `options-${scheme}`, scheme, width: 900, height: 900, full: true }));
    }
    written.push(await shoot(session, { path: `src/reminder/index.html?id=${encodeURIComponent('reminder:globex:status-inquiry:1')}`, name: 'reminder-light', scheme: 'light', width: 700, height: 420 }));
  } finally {
    await session.close();
  }
  for (const file of written) console.log(`wrote ${file}`);
});

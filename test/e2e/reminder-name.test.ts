/**
 * Issue 11, on the reminder page (where a notification click leads): with no name in the profile
 * (a fresh install), "Write email" asks for it first, as the popup does, then opens the compose
 * signed with it. The built extension, in Chromium and Firefox, on a fresh profile.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftFromComposeUrl } from '../../src/background/compose-links';
import { BROWSERS, ExtensionSession, waitForSelectorIn, waitInPage } from './harness';

const ARTIFACTS = join(import.meta.dirname, '../../artifacts/shots');

/** The URL of the first tab that starts loading `prefix` (an offline tab shows its address in an error page). */
function tabOpening(session: ExtensionSession, prefix: string): Promise<string> {
  const requested = (url: string) => (url.startsWith('about:neterror?') ? (new URLSearchParams(url.slice(url.indexOf('?') + 1)).get('u') ?? url) : url);
  return session.browser.waitForTarget((t) => requested(t.url()).startsWith(prefix), { timeout: 15_000 }).then((t) => requested(t.url()));
}

describe.each(BROWSERS)('the reminder page in %s', (name) => {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await ExtensionSession.launch(name);
  });
  afterAll(() => session?.close());

  it('with no name in the profile, Write email asks for it first, then opens the compose signed with it', async () => {
    const saved = await session.send<{ ok: boolean; interview: { id: string } }>({
      type: 'saveInterview',
      input: { company: 'Acme', role: 'Product Designer', interviewAt: new Date(Date.now() - 3 * 3_600_000).toISOString(), contacts: [{ name: 'Dana Lee', email: 'dana.lee@acme.example' }] },
    });
    expect(saved.ok).toBe(true);
    // A fresh install: no name kept.
    expect(((await session.storage()).profile as { name?: string } | undefined)?.name ?? '').toBe('');

    const page = await session.openExtensionPage(`src/reminder/index.html?id=${encodeURIComponent(`reminder:${saved.interview.id}:thank-you:1`)}`);
    await waitForSelectorIn(page, 'main[data-ready] button[data-action="write"]', 15_000);
    await page.click('button[data-action="write"]');
    await waitForSelectorIn(page, '#name-prompt-name', 15_000);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('name-prompt-name');
    if (name === 'chromium') {
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, 'reminder-name-prompt.png') as `${string}.png` });
    }
    await page.keyboard.type('Jane Doe');
    const target = tabOpening(session, 'https://mail.google.com/mail/');
    await page.keyboard.press('Enter');
    const url = await target;
    expect(draftFromComposeUrl(url).body.trimEnd().endsWith('\nJane Doe')).toBe(true);
    await waitInPage(page, () => /open in a new tab/.test(document.querySelector('.status')?.textContent ?? ''), { timeout: 15_000 });
    expect(await page.$('#name-prompt-name')).toBeNull();
    await page.close();
  });
});

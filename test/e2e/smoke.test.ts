import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, ExtensionSession, fixture, waitForSelectorIn, waitInPage } from './harness';

describe.each(BROWSERS)('smoke in %s', (name) => {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await ExtensionSession.launch(name);
    session.serve({
      'https://mail.google.com/*': { body: fixture('gmail-inbox.html') },
      'https://outlook.office.com/*': { body: fixture('outlook-inbox.html') },
      'https://outlook.cloud.microsoft/*': { body: fixture('outlook-inbox.html') },
      'https://example.com/*': { body: fixture('other.html'), headers: { 'content-type': 'text/html' } },
    });
  });
  afterAll(() => session?.close());

  it('loads the extension and renders the popup page', async () => {
    const page = await session.openExtensionPage('src/popup/index.html');
    await waitForSelectorIn(page, 'main h1', 10_000);
    expect(await page.$eval('main h1', (h) => h.textContent)).toContain('FollowUp');
    await page.close();
  });

  it('asks for exactly storage, alarms and notifications', async () => {
    const manifest = await session.inExtension(() => globalThis.chrome.runtime.getManifest());
    expect([...(manifest.permissions ?? [])].sort()).toEqual(['alarms', 'notifications', 'storage']);
  });

  for (const url of ['https://mail.google.com/mail/u/0/#inbox', 'https://outlook.office.com/mail/', 'https://outlook.cloud.microsoft/mail/']) {
    it(`runs the content script on ${url}`, async () => {
      const page = await session.openPage(url);
      await waitInPage(page, () => document.documentElement.dataset.followup === 'ready', { timeout: 10_000 });
      await page.close();
    });
  }

  it('does not run the content script on another host', async () => {
    // Content scripts run at document_idle. After load, two idle callbacks and two frames,
    // a matching page has it (checked first, the same way), so an unmatched page never will.
    const settled = async (url: string) => {
      const page = await session.openPage(url);
      await page.evaluate(() => new Promise<void>((r) => requestIdleCallback(() => requestIdleCallback(() => r()))));
      await session.afterFrames(page);
      const ran = await page.evaluate(() => document.documentElement.dataset.followup ?? null);
      await page.close();
      return ran;
    };
    expect(await settled('https://mail.google.com/mail/u/0/#inbox')).toBe('ready');
    expect(await settled('https://example.com/')).toBeNull();
  });
});

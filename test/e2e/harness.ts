/**
 * End-to-end harness: launches the *built* extension (dist/chrome or
 * dist/firefox) headless in Debian's Chromium or Firefox ESR through
 * puppeteer-core, and serves fixture pages at the real webmail URLs by
 * request interception, so the shipped match patterns are what is tested.
 */
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { GECKO_ID } from '../../scripts/manifest-for';

export type BrowserName = 'chromium' | 'firefox';
export const BROWSERS: BrowserName[] = ['chromium', 'firefox'];

const ROOT = resolve(import.meta.dirname, '../..');
export const DIST = { chromium: join(ROOT, 'dist/chrome'), firefox: join(ROOT, 'dist/firefox') };
const FIXTURES = join(ROOT, 'test/fixtures');

/** Firefox's internal add-on UUID is random unless pinned; pinning lets tests open its pages. */
const FIREFOX_UUID = '6f0c2f6e-5c1b-4f5e-9a34-2d0c1a7e9b10';

export function browserPath(name: BrowserName): string {
  const path =
    name === 'chromium'
      ? (process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')
      : (process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr');
  if (!existsSync(path)) {
    const pkg = name === 'chromium' ? 'chromium' : 'firefox-esr';
    const env = name === 'chromium' ? 'CHROMIUM_PATH' : 'FIREFOX_PATH';
    throw new Error(`${name} not found at ${path}: install it with \`apt-get install ${pkg}\` or set ${env}.`);
  }
  return path;
}

/** Response headers the real sites send that matter here. */
export const WEBMAIL_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': "require-trusted-types-for 'script'",
};

export type Route = { body: string; headers?: Record<string, string>; status?: number };
/** Maps a URL (exact, or a prefix ending in `*`) to a response. */
export type Routes = Record<string, Route>;

export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

export type LaunchOptions = {
  /** Reuse a profile (for restarts); a fresh temporary one otherwise. */
  profileDir?: string;
  /** Firefox: seconds of idle before the event page is suspended. */
  firefoxIdleSeconds?: number;
  /** Whether close() removes the profile; a restarted session inherits it. */
  ownsProfile?: boolean;
};

export class ExtensionSession {
  private routes: Routes = {};
  private probePage?: Page;

  private constructor(
    readonly name: BrowserName,
    readonly browser: Browser,
    readonly profileDir: string,
    readonly ownsProfile: boolean,
    readonly origin: string,
    private readonly options: LaunchOptions,
  ) {}

  static async launch(name: BrowserName, options: LaunchOptions = {}): Promise<ExtensionSession> {
    const dist = DIST[name];
    if (!existsSync(join(dist, 'manifest.json'))) throw new Error(`${dist} is missing: run \`npm run build\` first.`);
    const ownsProfile = options.ownsProfile ?? !options.profileDir;
    const profileDir = options.profileDir ?? mkdtempSync(join(tmpdir(), `followup-${name}-`));
    if (name === 'chromium') {
      const browser = await puppeteer.launch({
        executablePath: browserPath(name),
        headless: true,
        pipe: true,
        userDataDir: profileDir,
        enableExtensions: [dist],
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--disable-quic',
          '--no-first-run',
          '--no-default-browser-check',
        ],
      });
      const worker = await browser.waitForTarget(
        (t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'),
        { timeout: 30_000 },
      );
      // Node gives non-special schemes an opaque origin, so build it from the host.
      const origin = `chrome-extension://${new URL(worker.url()).host}`;
      return new ExtensionSession(name, browser, profileDir, ownsProfile, origin, options);
    }
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: browserPath(name),
      headless: true,
      userDataDir: profileDir,
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
        // A temporary add-on is removed at shutdown; keep its storage and UUID
        // so a restart on the same profile behaves like a real browser restart.
        'extensions.webextensions.keepStorageOnUninstall': true,
        'extensions.webextensions.keepUuidOnUninstall': true,
        'extensions.background.idle.timeout': (options.firefoxIdleSeconds ?? 30) * 1000,
        'browser.shell.checkDefaultBrowser': false,
        'datareporting.policy.dataSubmissionEnabled': false,
        'app.update.enabled': false,
        'network.captive-portal-service.enabled': false,
        'network.connectivity-service.enabled': false,
      },
    });
    await browser.installExtension(DIST.firefox);
    return new ExtensionSession(name, browser, profileDir, ownsProfile, `moz-extension://${FIREFOX_UUID}`, options);
  }

  /** Serves `routes` to every page opened afterwards through `openPage`. */
  serve(routes: Routes): void {
    Object.assign(this.routes, routes);
  }

  private routeFor(url: string): Route | undefined {
    if (this.routes[url]) return this.routes[url];
    let best: [string, Route] | undefined;
    for (const [pattern, route] of Object.entries(this.routes)) {
      if (pattern.endsWith('*') && url.startsWith(pattern.slice(0, -1))) {
        if (!best || pattern.length > best[0].length) best = [pattern, route];
      }
    }
    return best?.[1];
  }

  /**
   * Opens `url` in a new tab with request interception: routed URLs get the
   * fixture; any other http(s) request is refused (there is no network).
   */
  async openPage(url: string): Promise<Page> {
    const page = await this.browser.newPage();
    await page.setRequestInterception(true);
    page.on('request', (request: HTTPRequest) => {
      const reqUrl = request.url();
      if (!/^https?:/.test(reqUrl)) return void request.continue();
      const route = this.routeFor(reqUrl);
      if (!route) return void request.respond({ status: 404, contentType: 'text/plain', body: 'not served in tests' });
      void request.respond({ status: route.status ?? 200, headers: route.headers ?? WEBMAIL_HEADERS, body: route.body });
    });
    await page.goto(url, { waitUntil: 'load' });
    return page;
  }

  extensionUrl(path: string): string {
    return `${this.origin}/${path.replace(/^\//, '')}`;
  }

  /** Opens an extension page (e.g. the popup) in a tab. */
  async openExtensionPage(path: string): Promise<Page> {
    const page = await this.browser.newPage();
    const url = this.extensionUrl(path);
    // Firefox may never report an extension-page navigation as finished (goto would sit out its
    // whole timeout, 10 s per page), so watch the page itself arrive instead of awaiting goto.
    void page.goto(url, { waitUntil: 'domcontentloaded', timeout: 15_000 }).catch(() => undefined);
    const deadline = Date.now() + 15_000;
    for (;;) {
      const at = await page.evaluate(() => [location.href, document.readyState] as const).catch(() => undefined);
      if (at && at[0] === url && at[1] !== 'loading') return page;
      if (Date.now() > deadline) throw new Error(`${url} did not load (at ${at?.[0] ?? 'nothing yet'})`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  /**
   * Runs `fn` in an extension page, where the whole extension API is
   * available (`browser` in Firefox and recent Chromium, `chrome` otherwise).
   */
  async inExtension<T, A extends unknown[]>(fn: (...args: A) => T | Promise<T>, ...args: A): Promise<T> {
    if (!this.probePage || this.probePage.isClosed()) {
      this.probePage = await this.openExtensionPage('src/options/index.html');
    }
    return (await this.probePage.evaluate(fn as never, ...(args as unknown as never[]))) as T;
  }

  storage(): Promise<Record<string, unknown>> {
    return this.inExtension(() => (globalThis as any).chrome.storage.local.get(null)); // eslint-disable-line
  }

  alarms(): Promise<{ name: string; scheduledTime: number }[]> {
    return this.inExtension(() => (globalThis as any).chrome.alarms.getAll());
  }

  /** Sends a protocol message to the background from an extension page and returns its answer. */
  send<T = any>(message: unknown): Promise<T> { // eslint-disable-line
    return this.inExtension((m) => (globalThis as any).chrome.runtime.sendMessage(m), message) as Promise<T>; // eslint-disable-line
  }

  /** What the background recorded as shown (storage.session `shownNotifications`, newest last). */
  shownNotifications(): Promise<{ id: string; title: string; message: string; at: string; items: { interviewId: string; step: string }[] }[]> {
    return this.inExtension(async () => {
      const got = await (globalThis as any).chrome.storage.session.get('shownNotifications'); // eslint-disable-line
      return got.shownNotifications ?? [];
    });
  }

  /**
   * Chromium only: runs `fn` in our content script's isolated world on `page`
   * (found through CDP), where `chrome.runtime.sendMessage` reaches the
   * background as the content script would. Firefox exposes no such world to
   * the test driver.
   */
  async inContentScript<T, A extends unknown[]>(page: Page, fn: (...args: A) => T | Promise<T>, ...args: A): Promise<T> {
    if (this.name !== 'chromium') throw new Error('inContentScript is only supported in Chromium');
    const cdp = await page.createCDPSession();
    const contexts: { id: number; origin: string; auxData?: { type?: string; frameId?: string; isDefault?: boolean } }[] = [];
    cdp.on('Runtime.executionContextCreated', (e: { context: (typeof contexts)[number] }) => void contexts.push(e.context));
    await cdp.send('Runtime.enable');
    const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
    const mainFrame = frameTree.frame.id;
    const world = () => contexts.find((c) => c.origin === this.origin && c.auxData?.type === 'isolated' && c.auxData?.frameId === mainFrame);
    for (let i = 0; i < 50 && !world(); i++) await new Promise((r) => setTimeout(r, 100));
    const ctx = world();
    if (!ctx) throw new Error(`no content-script world of ${this.origin} on ${page.url()}`);
    const expression = `(${fn.toString()})(...${JSON.stringify(args)})`;
    const result = (await cdp.send('Runtime.evaluate', { contextId: ctx.id, expression, awaitPromise: true, returnByValue: true })) as {
      result: { value?: T };
      exceptionDetails?: { text: string; exception?: { description?: string } };
    };
    await cdp.detach();
    if (result.exceptionDetails) throw new Error(result.exceptionDetails.exception?.description ?? result.exceptionDetails.text);
    return result.result.value as T;
  }

  /** Stops the background: Chromium terminates the service worker; Firefox waits for the event page to idle out. */
  async stopBackground(): Promise<void> {
    if (this.name === 'chromium') {
      const page = (await this.browser.pages())[0] ?? (await this.browser.newPage());
      const cdp = await page.createCDPSession();
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await cdp.detach();
      return;
    }
    throw new Error('stopBackground is only supported in Chromium; launch Firefox with a short firefoxIdleSeconds instead');
  }

  /** Closes the browser and starts it again on the same profile. */
  async restart(): Promise<ExtensionSession> {
    await this.browser.close();
    return ExtensionSession.launch(this.name, { ...this.options, profileDir: this.profileDir, ownsProfile: this.ownsProfile });
  }

  /**
   * Closes the browser, keeps it closed for `downMs` (reminders fall due meanwhile),
   * then starts it again on the same profile.
   */
  async restartAfter(downMs: number): Promise<ExtensionSession> {
    await this.browser.close();
    await new Promise((r) => setTimeout(r, downMs));
    return ExtensionSession.launch(this.name, { ...this.options, profileDir: this.profileDir, ownsProfile: this.ownsProfile });
  }

  async close(): Promise<void> {
    await this.browser.close().catch(() => undefined);
    if (this.ownsProfile) rmSync(this.profileDir, { recursive: true, force: true });
  }
}

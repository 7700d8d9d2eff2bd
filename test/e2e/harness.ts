/**
 * End-to-end harness: launches the *built* extension (dist/chrome or
 * dist/firefox) headless in Debian's Chromium or Firefox ESR through
 * puppeteer-core, and serves fixture pages at the real webmail URLs by
 * request interception, so the shipped match patterns are what is tested.
 */
import puppeteer, { type Browser, type ElementHandle, type HTTPRequest, type Page } from 'puppeteer-core';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { GECKO_ID } from '../../scripts/manifest-for';

export type BrowserName = 'chromium' | 'firefox';
export const BROWSERS: BrowserName[] = ['chromium', 'firefox'];

const ROOT = resolve(import.meta.dirname, '../..');
export const DIST = { chromium: join(ROOT, 'dist/chrome'), firefox: join(ROOT, 'dist/firefox') };
const FIXTURES = join(ROOT, 'test/fixtures');

/**
 * Every window starts at this size (set at launch, which every supported browser honours),
 * so no test needs a viewport-emulation command to see a desktop-sized page.
 */
export const WINDOW = { width: 1400, height: 1000 };

/** Where each launch records the browser version it drove; `npm test` prints the set. */
export const VERSIONS_FILE = join(ROOT, 'artifacts/e2e-browsers.txt');

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
  /** The colour scheme pages see (Firefox has no media emulation over WebDriver BiDi; Chromium can also emulate it per page). */
  colorScheme?: 'light' | 'dark';
  /** Chromium: more command-line switches (the content bench shares one renderer between two pages). */
  chromiumArgs?: string[];
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
        defaultViewport: null,
        args: [
          `--window-size=${WINDOW.width},${WINDOW.height}`,
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--disable-quic',
          '--no-first-run',
          '--no-default-browser-check',
          ...(options.chromiumArgs ?? []),
        ],
      });
      const worker = await browser.waitForTarget(
        (t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'),
        { timeout: 30_000 },
      );
      // Node gives non-special schemes an opaque origin, so build it from the host.
      const origin = `chrome-extension://${new URL(worker.url()).host}`;
      await recordVersion(name, browser);
      return new ExtensionSession(name, browser, profileDir, ownsProfile, origin, options);
    }
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: browserPath(name),
      headless: true,
      userDataDir: profileDir,
      // No defaultViewport: puppeteer would emulate it on every new page with
      // emulation.setScreenOrientationOverride, which Firefox ESR 140 does not know.
      defaultViewport: null,
      args: ['--remote-allow-system-access'],
      // Headless Firefox sizes its screen, and so its window, from these (default 1366×768).
      env: { ...process.env, MOZ_HEADLESS_WIDTH: String(WINDOW.width), MOZ_HEADLESS_HEIGHT: String(WINDOW.height) },
      extraPrefsFirefox: {
        // Closing a test's last tab must never close the window: with no window left,
        // every later newPage() fails.
        'browser.tabs.closeWindowWithLastTab': false,
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
        // 0 = dark, 1 = light: what prefers-color-scheme reports to every page.
        ...(options.colorScheme ? { 'layout.css.prefers-color-scheme.content-override': options.colorScheme === 'dark' ? 0 : 1 } : {}),
      },
    });
    await browser.installExtension(DIST.firefox);
    await recordVersion(name, browser);
    return new ExtensionSession(name, browser, profileDir, ownsProfile, `moz-extension://${FIREFOX_UUID}`, options);
  }

  /**
   * Emulates a viewport of `width` × `height` on `page` (e.g. the toolbar popup's size).
   * puppeteer's BiDi setViewport sends the size together with a screen-orientation
   * override that Firefox ESR 140 answers with "unknown command"; the size command is
   * supported everywhere, so only that refusal is tolerated, and the size is checked.
   */
  async sizeViewport(page: Page, width: number, height: number): Promise<void> {
    try {
      await page.setViewport({ width, height });
    } catch (error) {
      if (!/unknown command|unsupported operation/i.test(String(error))) throw error;
    }
    // Polled with evaluate: waitForFunction is refused by an extension page's CSP in Firefox.
    let got = '';
    for (let tries = 0; tries < 100; tries++) {
      got = await page.evaluate(() => `${innerWidth}×${innerHeight}`);
      if (got === `${width}×${height}`) return;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`${this.name} did not size the viewport to ${width}×${height} (it is ${got})`);
  }

  /**
   * A new tab. Firefox before 153 opens it in the most recent window of any kind, and while a
   * notification is on screen (headless Firefox draws it in an alert window of its own, for
   * 20 s) that window has no tabs: browsingContext.create fails with
   * "TabManager.getTabBrowser(...) is undefined". Clearing the extension's notifications
   * closes their windows (the user dismissing them); then the tab opens. Any other error is a
   * real failure.
   */
  async newTab(): Promise<Page> {
    const end = Date.now() + 30_000;
    for (;;) {
      try {
        return await this.browser.newPage();
      } catch (error) {
        if (this.name !== 'firefox' || !/getTabBrowser/.test(String(error)) || Date.now() > end) throw error;
        if (this.probePage && !this.probePage.isClosed()) {
          await this.probePage.evaluate(async () => {
            type Notifications = { getAll(): Promise<Record<string, unknown>>; clear(id: string): Promise<boolean> };
            const n = (globalThis as unknown as { browser: { notifications: Notifications } }).browser.notifications;
            await Promise.all(Object.keys(await n.getAll()).map((id) => n.clear(id)));
          });
        }
        await new Promise((r) => setTimeout(r, 100));
      }
    }
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
    const page = await this.newTab();
    await page.setRequestInterception(true);
    page.on('request', (request: HTTPRequest) => {
      const reqUrl = request.url();
      if (!/^https?:/.test(reqUrl)) return void request.continue();
      const route = this.routeFor(reqUrl);
      if (!route) return void request.respond({ status: 404, contentType: 'text/plain', body: 'not served in tests' });
      void request.respond({ status: route.status ?? 200, headers: route.headers ?? WEBMAIL_HEADERS, body: route.body });
    });
    await page.goto(url, { waitUntil: 'load' });
    // Focus events (which the webmail pages and the content script rely on) only fire in the
    // focused window; a notification may have taken focus (Firefox draws it in a window).
    await page.bringToFront();
    return page;
  }

  extensionUrl(path: string): string {
    return `${this.origin}/${path.replace(/^\//, '')}`;
  }

  /** Opens an extension page (e.g. the popup) in a tab. */
  async openExtensionPage(path: string): Promise<Page> {
    const page = await this.newTab();
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
    return this.inExtension(() => globalThis.chrome.storage.local.get(null));
  }

  alarms(): Promise<{ name: string; scheduledTime: number }[]> {
    return this.inExtension(() => globalThis.chrome.alarms.getAll());
  }

  /** Sends a protocol message to the background from an extension page and returns its answer. */
  send<T = unknown>(message: unknown): Promise<T> {
    return this.inExtension((m) => globalThis.chrome.runtime.sendMessage(m), message) as Promise<T>;
  }

  /** What the background recorded as shown (storage.session `shownNotifications`, newest last). */
  shownNotifications(): Promise<{ id: string; title: string; message: string; at: string; items: { interviewId: string; step: string }[] }[]> {
    return this.inExtension(async () => {
      const got = await globalThis.chrome.storage.session.get('shownNotifications');
      return (got.shownNotifications ?? []) as { id: string; title: string; message: string; at: string; items: { interviewId: string; step: string }[] }[];
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
      const page = (await this.browser.pages())[0] ?? (await this.newTab());
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

  /**
   * Waits until the page has painted two more frames. The content script handles a DOM
   * change in the first animation frame after it (its observer callback runs before the
   * test can ask for a frame), so after this an absent control is absent for good, with
   * no guess at a duration.
   */
  async afterFrames(page: Page): Promise<void> {
    await page.bringToFront();
    await page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
  }

  async close(): Promise<void> {
    await this.browser.close().catch(() => undefined);
    if (this.ownsProfile) rmSync(this.profileDir, { recursive: true, force: true });
  }
}

/** Appends `name version` to VERSIONS_FILE (one line per launch; `npm test` prints the distinct set). */
async function recordVersion(name: BrowserName, browser: Browser): Promise<void> {
  const raw = await browser.version(); // "HeadlessChrome/150.0.7871.100" or "firefox/140.12.0esr"
  const version = raw.slice(raw.indexOf('/') + 1);
  mkdirSync(dirname(VERSIONS_FILE), { recursive: true });
  appendFileSync(VERSIONS_FILE, `${name} ${version}\n`);
}

/**
 * Waits until `fn`, evaluated in `page`, returns something truthy, and returns it.
 * Polls with page.evaluate: puppeteer's waitForFunction / waitForSelector build their
 * predicate with Function(), which an extension page's CSP refuses in Firefox ESR 140.
 */
export async function waitInPage<T, A extends unknown[]>(
  page: Page,
  fn: (...args: A) => T | Promise<T>,
  options: { timeout?: number; what?: string } = {},
  ...args: A
): Promise<T> {
  const end = Date.now() + (options.timeout ?? 15_000);
  for (;;) {
    const value = (await page.evaluate(fn as never, ...(args as unknown as never[])).catch((error: unknown) => {
      // A navigation in progress destroys the context; anything else is a real failure.
      if (/context|navigat|detached/i.test(String(error))) return undefined;
      throw error;
    })) as T | undefined;
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${options.what ?? fn.toString().slice(0, 120)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** waitInPage for a selector; returns once an element matches. */
export async function waitForSelectorIn(page: Page, selector: string, timeout?: number): Promise<void> {
  await waitInPage(page, (s) => document.querySelector(s) !== null, { timeout, what: `"${selector}"` }, selector);
}

/**
 * A real mouse click on `el`. puppeteer's ElementHandle.click needs the element of a child
 * frame, which Firefox ESR 140 cannot locate over WebDriver BiDi ("locator.type … context"),
 * so inside a (same-origin) frame the frame's offset is added here and the page's mouse clicks.
 */
export async function clickOn(el: ElementHandle<Element>): Promise<void> {
  const frame = el.frame;
  const page = frame.page();
  if (frame === page.mainFrame()) return el.click();
  const mark = `f${Math.random().toString(36).slice(2)}`;
  const inner = await el.evaluate((e, m) => {
    e.scrollIntoView({ block: 'center' });
    e.ownerDocument.documentElement.dataset.clickMark = m;
    const r = e.getBoundingClientRect();
    return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  }, mark);
  const offset = await page.evaluate((m) => {
    const f = [...document.querySelectorAll('iframe')].find((x) => x.contentDocument?.documentElement.dataset.clickMark === m);
    if (!f) return null;
    const r = f.getBoundingClientRect();
    return { x: r.x + f.clientLeft, y: r.y + f.clientTop };
  }, mark);
  if (!offset) throw new Error('clickOn: the frame is not a same-origin frame of the page');
  await page.mouse.click(offset.x + inner.x, offset.y + inner.y);
}

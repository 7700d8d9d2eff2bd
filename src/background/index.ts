/**
 * The background entry (Chrome service worker, Firefox event page). Every
 * listener is registered synchronously on the first turn, so an event that
 * wakes a stopped background is never missed; each one then waits for
 * start-up (migrations, load, catch-up of missed reminders, the one alarm).
 */
import { browser } from '../platform/browser';
import { createBackground, type BackgroundPlatform } from './app';
import type { NotificationOptions } from './notifications';

type Area = BackgroundPlatform['local'];

/** Firefox has runtime.getBrowserInfo and no notification buttons. */
const isFirefox = typeof (browser.runtime as { getBrowserInfo?: unknown }).getBrowserInfo === 'function';

const platform: BackgroundPlatform = {
  local: browser.storage.local as unknown as Area,
  session: browser.storage.session as unknown as Area,
  alarms: {
    create: (name, info) => browser.alarms.create(name, info),
    clear: (name) => browser.alarms.clear(name),
    getAll: () => browser.alarms.getAll(),
  },
  notifications: {
    create: (id, options: NotificationOptions) => browser.notifications.create(id, options as never),
    clear: (id) => browser.notifications.clear(id),
  },
  badge: {
    async setText(text) {
      await browser.action.setBadgeText({ text });
      if (text) await browser.action.setBadgeBackgroundColor({ color: '#b45309' });
    },
  },
  openTab: (url) => browser.tabs.create({ url }),
  runtimeId: browser.runtime.id,
  extensionUrl: (path) => browser.runtime.getURL(path),
  buttons: !isFirefox,
  now: () => Date.now(),
  log: (message, error) => console.warn(`[FollowUp] ${message}`, error ?? ''),
  about: () => ({ version: browser.runtime.getManifest().version, browser: navigator.userAgent }),
  sendToTab: (tabId, message) => browser.tabs.sendMessage(tabId, message),
  activeTab: async () => (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id,
  // Chrome 127+ opens the popup on request (with a focused window); Firefox refuses outside a
  // click in the extension's own UI, and the page then tells the user to open it.
  openPopup: async () => {
    const open = (browser.action as { openPopup?: () => Promise<unknown> }).openPopup;
    if (typeof open !== 'function') return false;
    try {
      await open.call(browser.action);
      return true;
    } catch {
      return false;
    }
  },
};

const app = createBackground(platform);

browser.runtime.onMessage.addListener(((message: unknown, sender: unknown) =>
  app.onMessage(message, sender as Parameters<typeof app.onMessage>[1])) as never);
browser.alarms.onAlarm.addListener((alarm) => void app.onAlarm(alarm));
browser.commands.onCommand.addListener((command, tab) => void app.onCommand(command, tab?.id));
browser.runtime.onInstalled.addListener(() => void app.onInstalled());
browser.runtime.onStartup.addListener(() => void app.onStartup());
browser.notifications.onClicked.addListener((id) => void app.onClicked(id));
// Firefox has no notification buttons (nor this event).
browser.notifications.onButtonClicked?.addListener((id, index) => void app.onButtonClicked(id, index));

void app.start();

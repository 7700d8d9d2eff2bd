/**
 * The background, assembled from its parts over an injected platform, so the
 * whole of it runs in unit tests on fake-browser and in the bench on plain
 * in-memory storage. src/background/index.ts wires it to the real browser API.
 */
import type { TabMessage } from '../shared/protocol';
import type { SenderLike } from '../shared/protocol-schema';
import { fullFrom, STORAGE_HEALTH_KEY } from '../shared/state-core';
import { createHandlers, dispatch, type Handlers } from './handlers';
import { Notifier, parseReminderId, REMINDER_PAGE, type NotificationsApi, type ReminderAction, type ReminderItem } from './notifications';
import { ALARM_NAME, Scheduler, type AlarmsApi, type BadgeApi, type ReconcileResult } from './scheduler';
import { keepPopupIndex } from './popup-index';
import { REPLY_NOTIFICATION_PREFIX } from './replies';

/** The popup as a page, for a "wrote back" notification when the browser won't open the popup itself. */
const POPUP_PAGE = 'src/popup/index.html';
import { Store, type StorageArea } from './store';

export const STARTS_KEY = 'backgroundStarts';

export type BackgroundPlatform = {
  local: StorageArea;
  session: StorageArea;
  alarms: AlarmsApi;
  notifications: NotificationsApi;
  badge?: BadgeApi;
  openTab(url: string): Promise<unknown>;
  runtimeId: string;
  extensionUrl(path: string): string;
  /** Chrome: notification buttons; Firefox has none. */
  buttons: boolean;
  now(): number;
  minAlarmDelayMs?: number;
  log?: (message: string, error?: unknown) => void;
  /** The extension's version and the browser, for "Copy diagnostics". */
  about?: () => { version: string; browser: string };
  /** Sends a message to the content scripts of a tab (tabs.sendMessage: no permission needed). */
  sendToTab?: (tabId: number, message: TabMessage) => Promise<unknown>;
  /** The active tab of the focused window, when a command arrives without one. */
  activeTab?: () => Promise<number | undefined>;
  /** action.openPopup (issue 15): true when the popup opened; Firefox refuses it outside a click in our own UI. */
  openPopup?: () => Promise<boolean>;
};

/** The keyboard command (manifest.json "commands") that opens the compose panel in the focused compose. */
export const OPEN_PANEL_COMMAND = 'open-compose-panel';

export type Background = ReturnType<typeof createBackground>;

export function createBackground(platform: BackgroundPlatform) {
  const log = platform.log ?? (() => undefined);
  const store = new Store(platform.local, platform.now, log);
  const notifier = new Notifier(platform.notifications, platform.session, {
    buttons: platform.buttons,
    iconUrl: platform.extensionUrl('icons/icon-128.png'),
    log,
  });
  const scheduler = new Scheduler({
    store,
    alarms: platform.alarms,
    notifier,
    session: platform.session,
    ...(platform.badge ? { badge: platform.badge } : {}),
    now: platform.now,
    ...(platform.minAlarmDelayMs !== undefined ? { minDelayMs: platform.minAlarmDelayMs } : {}),
    log,
  });
  const popupIndex = keepPopupIndex(store, platform.session, platform.now, log);
  const handlers: Handlers = createHandlers({
    store,
    scheduler,
    notifier,
    openTab: platform.openTab,
    now: platform.now,
    log,
    session: platform.session,
    local: platform.local,
    ...(platform.about ? { about: platform.about } : {}),
    notifications: platform.notifications,
    iconUrl: platform.extensionUrl('icons/icon-128.png'),
    ...(platform.openPopup ? { openPopup: platform.openPopup } : {}),
  });
  const gate = { runtimeId: platform.runtimeId, extensionOrigin: platform.extensionUrl('') };

  // What the pages can't read in storage.local (it refused a write for lack of room) goes to
  // storage.session, which has room of its own. Written in order, so the last word wins.
  let healthWrite: Promise<unknown> = Promise.resolve();
  let lastFull: string | undefined;
  /** What an earlier instance published stays true until a write goes through. */
  const restoreHealth = async (): Promise<void> => {
    try {
      const full = fullFrom((await platform.session.get(STORAGE_HEALTH_KEY))[STORAGE_HEALTH_KEY]);
      if (full) {
        lastFull = full.at;
        store.assumeFull(full.at);
      }
    } catch (error) {
      log('could not read the storage health', error);
    }
  };
  store.onHealth((health) => {
    const full = health.full?.at;
    if (full === lastFull) return;
    lastFull = full;
    healthWrite = healthWrite
      .then(() => (full ? platform.session.set({ [STORAGE_HEALTH_KEY]: { full: health.full } }) : platform.session.remove(STORAGE_HEALTH_KEY)))
      .catch((error: unknown) => log('could not publish the storage health', error));
  });

  /** How many times the background started in this browser session (storage.session; for diagnosis and tests). */
  const countStart = async (): Promise<void> => {
    try {
      const got = await platform.session.get(STARTS_KEY);
      const n = typeof got[STARTS_KEY] === 'number' ? (got[STARTS_KEY] as number) : 0;
      await platform.session.set({ [STARTS_KEY]: n + 1 });
    } catch (error) {
      log('counting the start failed', error);
    }
  };

  let started: Promise<ReconcileResult | undefined> | undefined;
  /** Migrates and loads storage, fires what fell due while we weren't running, arms the one alarm. */
  const start = (): Promise<ReconcileResult | undefined> => {
    started ??= countStart()
      .then(() => restoreHealth())
      .then(() => store.open())
      .then(() => (popupIndex.refresh(), scheduler.reconcile()))
      .catch((error: unknown) => {
        log('start-up failed', error);
        return undefined;
      });
    return started;
  };

  const reconcile = async (): Promise<ReconcileResult | undefined> => {
    await start();
    return scheduler.reconcile().catch((error: unknown) => {
      log('reconcile failed', error);
      return undefined;
    });
  };

  /** The item a notification was about: from storage.session, or read back from its id. */
  const itemOf = async (notificationId: string): Promise<{ item: ReminderItem; buttons: ReminderAction[] } | undefined> => {
    const shown = await notifier.lookup(notificationId);
    if (shown && shown.items.length === 1) return { item: shown.items[0]!, buttons: shown.buttons };
    const parsed = parseReminderId(notificationId);
    if (!parsed) return undefined;
    const draftKind = parsed.step === 'move-on' ? undefined : parsed.step;
    const actions: ReminderAction[] = draftKind ? ['write', 'snooze'] : ['dismiss', 'snooze'];
    const item: ReminderItem = { ...parsed, company: '', role: '', title: '', message: '', actions };
    if (draftKind) item.draftKind = draftKind;
    return { item, buttons: actions };
  };

  const act = async (item: ReminderItem, action: ReminderAction): Promise<unknown> => {
    if (action === 'write' && item.draftKind) return handlers.openCompose({ type: 'openCompose', id: item.interviewId, kind: item.draftKind }, 'page');
    if (action === 'snooze') return handlers.snooze({ type: 'snooze', id: item.interviewId, step: item.step }, 'page');
    if (action === 'dismiss') return handlers.recordEvent({ type: 'recordEvent', id: item.interviewId, event: { type: 'dismissed', step: item.step } }, 'page');
    return undefined;
  };

  return {
    store,
    scheduler,
    notifier,
    handlers,
    start,
    reconcile,

    /**
     * Answers as soon as storage is loaded (each handler waits for that), never for the
     * catch-up of missed reminders, which start() runs alongside.
     */
    onMessage(message: unknown, sender: SenderLike | undefined): Promise<unknown> | undefined {
      const answer = dispatch(handlers, gate, message, sender);
      if (answer !== undefined) void start();
      return answer;
    },

    async onAlarm(alarm: { name: string }): Promise<void> {
      if (alarm.name !== ALARM_NAME) log(`unexpected alarm ${alarm.name}`);
      await reconcile();
    },

    /** Install, update, browser update: migrations ran in start(); alarms may have been cleared. */
    async onInstalled(): Promise<void> {
      await reconcile();
    },

    async onStartup(): Promise<void> {
      await reconcile();
    },

    /** Chrome buttons: "Write email" / "Snooze" (or "Got it" / "Snooze" for the move-on advice). */
    async onButtonClicked(notificationId: string, buttonIndex: number): Promise<void> {
      await start();
      const found = await itemOf(notificationId);
      await notifier.clear(notificationId);
      const action = found?.buttons[buttonIndex];
      if (found && action) await act(found.item, action);
    },

    /**
     * The keyboard shortcut: asks the content script of the tab to open the panel in its focused
     * compose (for a compose FollowUp did not recognise). A tab without our content script refuses.
     */
    async onCommand(command: string, tabId?: number): Promise<void> {
      if (command !== OPEN_PANEL_COMMAND || !platform.sendToTab) return;
      const tab = tabId ?? (await platform.activeTab?.().catch(() => undefined));
      if (tab === undefined) return;
      await platform.sendToTab(tab, { type: 'openPanel' }).catch((error: unknown) => log('the shortcut found no compose in that tab', error));
    },

    /** A click on the notification itself (the only way in Firefox): the reminder page, with the same actions. */
    async onClicked(notificationId: string): Promise<void> {
      await notifier.clear(notificationId);
      // "Priya wrote back": the question is on the popup's card.
      if (notificationId.startsWith(REPLY_NOTIFICATION_PREFIX)) {
        if (!(await platform.openPopup?.().catch(() => false))) await platform.openTab(platform.extensionUrl(POPUP_PAGE));
        return;
      }
      await platform.openTab(platform.extensionUrl(`${REMINDER_PAGE}?id=${encodeURIComponent(notificationId)}`));
    },
  };
}

/**
 * The pages' Connection over the real background: createBackground and its handlers, running
 * on in-memory storage (test/support/memory-storage.ts) with a settable clock. Unit tests,
 * the dev preview and the bench render the popup and options page on it, so they exercise
 * the same validation, errors and drafts as the extension, not a second, hand-written
 * background. Every request is recorded in `calls`.
 */
import messages from '../../public/_locales/en/messages.json';
import { createBackground, type Background } from '../../src/background/app';
import { defaultProfile, defaultSettings } from '../../src/domain/model';
import type { Interview, Profile, Settings } from '../../src/domain/types';
import { createConnection, type Connection } from '../../src/shared/connection';
import { setFallbackMessages, type Messages } from '../../src/shared/i18n';
import type { Message } from '../../src/shared/protocol';
import type { AppState } from '../../src/shared/state';
import { MemoryStorage } from './memory-storage';

/** Makes `t()` work without the extension's i18n API. */
export function installFallbackMessages(): void {
  setFallbackMessages(messages as Messages);
}

export type TestOptions = {
  interviews?: Interview[];
  settings?: Settings;
  profile?: Profile;
  /** Anything else to put in storage.local first, as raw values (e.g. an unreadable record). */
  stored?: Record<string, unknown>;
  /** The clock of the background (and so of every event it stamps). */
  now?: () => number;
  /** Milliseconds each answer takes (0 = as soon as the background answers). */
  latency?: number;
};

const RUNTIME_ID = 'followup-test';
const ORIGIN = `chrome-extension://${RUNTIME_ID}/`;

export type TestConnection = Connection & {
  /** Every request sent, in order. */
  calls: Message[];
  background: Background;
  storage: MemoryStorage;
  /** The background's view of what is stored (after it has started). */
  readonly state: AppState;
  /** Resolves once the background has started (migrated, loaded, armed). */
  ready: Promise<unknown>;
  /** Reminders shown through the notifications API. */
  notifications: { id: string; title: string; message: string }[];
  /** Tabs the background opened (compose links). */
  opened: string[];
};

export function testConnection(options: TestOptions = {}): TestConnection {
  const now = options.now ?? (() => Date.now());
  const storage = new MemoryStorage();
  const seed: Record<string, unknown> = {
    schemaVersion: 1,
    settings: options.settings ?? defaultSettings('America/New_York'),
    profile: options.profile ?? { ...defaultProfile(), name: 'Alex Doe' },
    ...options.stored,
  };
  for (const iv of options.interviews ?? []) seed[`interview:${iv.id}`] = iv;
  for (const [k, v] of Object.entries(seed)) storage.local.data.set(k, JSON.parse(JSON.stringify(v)) as unknown);

  const notifications: TestConnection['notifications'] = [];
  const opened: string[] = [];
  let alarm: { name: string; scheduledTime: number } | undefined;
  const background = createBackground({
    local: storage.local,
    session: storage.session,
    alarms: {
      create: (name, info) => void (alarm = { name, scheduledTime: info.when }),
      clear: async () => ((alarm = undefined), true),
      getAll: async () => (alarm ? [alarm] : []),
    },
    notifications: {
      create: async (id, o) => (notifications.push({ id, title: o.title, message: o.message }), id),
      clear: async () => true,
    },
    openTab: async (url) => void opened.push(url),
    runtimeId: RUNTIME_ID,
    extensionUrl: (path) => `${ORIGIN}${path.replace(/^\//, '')}`,
    buttons: true,
    now,
  });
  const ready = background.start();
  const sender = { id: RUNTIME_ID, url: `${ORIGIN}src/popup/index.html` };
  const calls: Message[] = [];

  const sendMessage = async (message: unknown): Promise<unknown> => {
    calls.push(structuredClone(message) as Message);
    // Messages are copied on the way in and out, as runtime.sendMessage does.
    const answer = await background.onMessage(structuredClone(message), sender);
    if (options.latency) await new Promise((r) => setTimeout(r, options.latency));
    if (answer === undefined) throw new Error('Could not establish connection. Receiving end does not exist.');
    return structuredClone(answer);
  };

  const connection = Object.assign(createConnection({ runtime: { sendMessage }, storage }), { calls, background, storage, ready, notifications, opened });
  // A getter (Object.assign would copy one value): the state as it is when a test reads it.
  return Object.defineProperty(connection, 'state', { get: (): AppState => background.store.state() }) as TestConnection;
}

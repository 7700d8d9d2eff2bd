/**
 * The app's state as pages see it, read straight from storage.local and
 * validated with the domain schemas. Pages never write storage: they ask the
 * background through `send` (src/shared/protocol.ts) and re-render from
 * `watchState`, which storage.onChanged drives.
 */
import { pageApi, type PageStorage, type StorageListener } from '../platform/extension-api';
import { STORAGE_KEYS, type PopupIndex } from './protocol';
import { assembleState, fullFrom, parseEntry, parseState, STORAGE_HEALTH_KEY, type AppState, type ParsedEntry } from './state-core';

export * from './state-core';

/** What loading and watching read: storage.local, the background's health record in storage.session, and their change events (the page's, or a test's in-memory one). */
export type StateSource = Pick<PageStorage, 'local' | 'session' | 'onChanged'>;

/** The background's storage health record (storage.session); nothing if the session area is out of reach. */
async function sessionHealth(storage: StateSource): Promise<Record<string, unknown>> {
  try {
    return await storage.session.get(STORAGE_HEALTH_KEY);
  } catch {
    return {};
  }
}

export async function loadState(storage: StateSource = pageApi().storage): Promise<AppState> {
  const [all, session] = await Promise.all([storage.local.get(null), sessionHealth(storage)]);
  return parseState(all, session);
}

/** Longest a page waits to see a change while writes keep coming. */
export const WATCH_THROTTLE_MS = 50;

/**
 * Calls `cb` with the new state after changes to storage.local (bursts coalesced). Only the
 * changed keys are parsed again, so a page stays fast with thousands of interviews.
 * Returns a function that stops watching.
 */
export type WatchOptions = {
  /** Also report the state as first read (so a page reads storage once, not once to load and once to watch). */
  initial?: boolean;
  /** The first read failed. */
  onError?(error: unknown): void;
};

export function watchState(cb: (state: AppState) => void, storage: StateSource = pageApi().storage, options: WatchOptions = {}): () => void {
  const entries = new Map<string, ParsedEntry>();
  let full: { at: string } | undefined;
  let seeded = false;
  let stopped = false;
  let pending: Record<string, { newValue?: unknown }>[] = [];

  const apply = (changes: Record<string, { newValue?: unknown }>): void => {
    for (const [key, change] of Object.entries(changes)) {
      if (change.newValue === undefined || change.newValue === null) entries.delete(key);
      else entries.set(key, parseEntry(key, change.newValue));
    }
  };

  const listener: StorageListener = (changes, area) => {
    if (stopped) return;
    if (area === 'session') {
      const health = changes[STORAGE_HEALTH_KEY];
      if (!health) return;
      full = fullFrom(health.newValue);
      if (seeded) notify();
      return;
    }
    if (area !== 'local') return;
    if (!seeded) {
      pending.push(changes);
      return;
    }
    apply(changes);
    notify();
  };

  // Under a burst of writes (an import, many edits) call back at most once per
  // THROTTLE_MS with the latest state, instead of once per write; a lone change
  // is reported on the next turn.
  // The gap grows with what the callback costs (a page re-rendering thousands of rows), so a
  // page spends at most a fifth of its time on it; in Firefox, extension pages share one
  // thread with the background, which must keep answering.
  let timer: ReturnType<typeof setTimeout> | undefined;
  let nextAllowed = 0;
  const notify = (): void => {
    if (timer !== undefined) return;
    timer = setTimeout(() => {
      timer = undefined;
      if (stopped) return;
      const t0 = Date.now();
      nextAllowed = t0 + WATCH_THROTTLE_MS;
      cb(assembleState(entries.values(), full));
      // Measured on the next task, so work the callback queued as microtasks (a render) counts.
      setTimeout(() => {
        nextAllowed = Math.max(nextAllowed, t0 + 5 * (Date.now() - t0));
      }, 0);
    }, Math.max(0, nextAllowed - Date.now()));
  };
  storage.onChanged.addListener(listener);

  Promise.all([storage.local.get(null), sessionHealth(storage)]).then(
    ([all, session]) => {
      if (stopped) return;
      full ??= fullFrom(session[STORAGE_HEALTH_KEY]);
      for (const [k, v] of Object.entries(all)) entries.set(k, parseEntry(k, v));
      seeded = true;
      const queued = pending;
      pending = [];
      // Changes that arrived while seeding are applied after it, in order: replaying one
      // the snapshot already holds sets the same value again.
      for (const c of queued) apply(c);
      if (options.initial) cb(assembleState(entries.values(), full));
      else if (queued.length > 0) notify();
    },
    (error: unknown) => {
      if (!stopped) options.onError?.(error);
    },
  );

  return () => {
    stopped = true;
    if (timer !== undefined) clearTimeout(timer);
    storage.onChanged.removeListener(listener);
  };
}

const isIndex = (x: unknown): x is PopupIndex => {
  const i = x as PopupIndex | undefined;
  return !!i && Array.isArray(i.ids) && i.ids.length <= 100 && i.ids.every((id) => typeof id === 'string') && Number.isInteger(i.open) && Number.isInteger(i.closed);
};

/** The popup's first screen: the background's index of the open interviews that come first, and just those records. */
export type FirstPage = { state: AppState; index: PopupIndex };

/** Reads the first screen's few records (undefined when the background has written no index yet). */
export async function loadFirstPage(storage: StateSource & Pick<PageStorage, 'session'>): Promise<FirstPage | undefined> {
  const got = (await storage.session.get(STORAGE_KEYS.popupIndex))[STORAGE_KEYS.popupIndex];
  if (!isIndex(got)) return undefined;
  const keys = [STORAGE_KEYS.settings, STORAGE_KEYS.profile, ...got.ids.map((id) => `${STORAGE_KEYS.interviewPrefix}${id}`)];
  const [records, session] = await Promise.all([storage.local.get(keys), sessionHealth(storage)]);
  return { state: parseState(records, session), index: got };
}

/**
 * What the extension's pages (popup, options, reminder) use of the extension API: messages to
 * the background, reads of storage and its change events. Firefox's `browser` and Chrome's MV3
 * `chrome` both return promises for these, so the pages need no polyfill (the background keeps
 * src/platform/browser.ts). Unit tests get fake-browser's `browser` here.
 */
export type StorageChanges = Record<string, { oldValue?: unknown; newValue?: unknown }>;
export type StorageListener = (changes: StorageChanges, areaName: string) => void;

/** A storage area as the pages read it. */
export type ReadableArea = { get(keys?: null | string | string[]): Promise<Record<string, unknown>> };

export type PageStorage = {
  local: ReadableArea;
  session: ReadableArea;
  onChanged: { addListener(listener: StorageListener): void; removeListener(listener: StorageListener): void };
};

export type PageApi = {
  runtime: { sendMessage(message: unknown): Promise<unknown>; openOptionsPage?(): Promise<void> | void };
  storage: PageStorage;
};

type Namespaces = { browser?: PageApi; chrome?: PageApi };

/** The extension API of the page this runs in. */
export function pageApi(): PageApi {
  const g = globalThis as Namespaces;
  const api = g.browser ?? g.chrome;
  if (!api?.runtime || !api.storage) throw new Error('The extension API is not available here');
  return api;
}

/**
 * How a page talks to the extension: `send` asks the background (the only
 * writer), `load` reads the validated state, `watch` re-renders on every
 * storage change. UI code takes a Connection so tests run it over the real
 * background on in-memory storage (test/support/test-connection.ts).
 */
import { pageApi, type PageApi } from '../platform/extension-api';
import { readFormDraft } from './form-draft';
import { createClient, STORAGE_KEYS, type FormDraft, type Send } from './protocol';
import { loadFirstPage, loadState, watchState, type AppState, type FirstPage, type StateSource, type WatchOptions } from './state';

export type Connection = {
  send: Send;
  load(): Promise<AppState>;
  watch(cb: (state: AppState) => void, options?: WatchOptions): () => void;
  /** The popup's first screen, read before everything else (see PopupIndex). */
  firstPage(): Promise<FirstPage | undefined>;
  /** The popup form's kept entries (storage.session), if any. */
  formDraft(): Promise<FormDraft | undefined>;
};

/** A connection over an extension API (the page's own, or a stand-in with the same shape). */
export function createConnection(api: { runtime: Pick<PageApi['runtime'], 'sendMessage'>; storage: StateSource & Pick<PageApi['storage'], 'session'> }): Connection {
  return {
    send: createClient({ sendMessage: (message) => api.runtime.sendMessage(message) }),
    load: () => loadState(api.storage),
    watch: (cb, options) => watchState(cb, api.storage, options),
    firstPage: () => loadFirstPage(api.storage),
    formDraft: async () => readFormDraft((await api.storage.session.get(STORAGE_KEYS.formDraft))[STORAGE_KEYS.formDraft]),
  };
}

export function extensionConnection(): Connection {
  return createConnection(pageApi());
}

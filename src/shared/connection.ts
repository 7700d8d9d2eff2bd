/**
 * How a page talks to the extension: `send` asks the background (the only
 * writer), `load` reads the validated state, `watch` re-renders on every
 * storage change. UI code takes a Connection so it can run on a fake one in
 * tests and previews.
 */
import { browser } from '../platform/browser';
import { createClient, type Send } from './protocol';
import { loadState, watchState, type AppState } from './state';

export type Connection = {
  send: Send;
  load(): Promise<AppState>;
  watch(cb: (state: AppState) => void): () => void;
};

export function extensionConnection(): Connection {
  return {
    send: createClient({ sendMessage: (message) => browser.runtime.sendMessage(message) }),
    load: loadState,
    watch: watchState,
  };
}

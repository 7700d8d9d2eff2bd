/**
 * Keeps the popup's first screen (PopupIndex, storage.session) current: after start-up and
 * after every change to the interviews or settings, the ids of the open interviews that come
 * first, in the popup's order, and the counts. With thousands of interviews, reading them all
 * takes the popup longer than a glance; it paints these first and the rest follows.
 */
import { buildRows } from '../shared/rows';
import { STORAGE_KEYS, type PopupIndex } from '../shared/protocol';
import type { Store, StorageArea } from './store';

/** More than a screenful, so the first paint is the popup's first page (20 cards). */
export const POPUP_INDEX_SIZE = 20;

export function popupIndexOf(store: Store, now: number): PopupIndex {
  const { open, closed } = buildRows(store.interviews(), store.settings(), now);
  return { ids: open.slice(0, POPUP_INDEX_SIZE).map((r) => r.interview.id), open: open.length, closed: closed.length };
}

/** Writes the index after each change (coalesced: a burst of changes writes it once). */
export function keepPopupIndex(store: Store, session: StorageArea, now: () => number, log: (m: string, e?: unknown) => void): { refresh(): void } {
  let queued = false;
  const refresh = (): void => {
    if (queued) return;
    queued = true;
    setTimeout(() => {
      queued = false;
      void session.set({ [STORAGE_KEYS.popupIndex]: popupIndexOf(store, now()) }).catch((error: unknown) => log('keeping the popup index failed', error));
    }, 0);
  };
  store.onChange(refresh);
  return { refresh };
}

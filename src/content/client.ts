/** The content script's line to the background (src/shared/protocol.ts). */
import { browser } from '../platform/browser';
import { createClient } from '../shared/protocol';

export const send = createClient({ sendMessage: (m) => browser.runtime.sendMessage(m) });

/** False once the extension was reloaded or removed under this page. */
export function connected(): boolean {
  try {
    return !!browser.runtime.id;
  } catch {
    return false;
  }
}

/** The content script's line to the background (src/shared/protocol.ts). */
import { runtime } from '../platform/runtime';
import { createClient } from '../shared/protocol';

export const send = createClient({
  sendMessage: (m) => runtime()?.sendMessage(m) ?? Promise.reject(new Error('extension unavailable')),
});

/** False once the extension was reloaded or removed under this page. */
export function connected(): boolean {
  try {
    return !!runtime()?.id;
  } catch {
    return false;
  }
}

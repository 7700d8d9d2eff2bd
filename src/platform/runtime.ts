/**
 * The content script's lean line to the extension runtime. Firefox's `browser`
 * and Chrome's MV3 `chrome` both return promises from runtime.sendMessage, and
 * that is all a mail frame needs, so the polyfill (~3 KB gzip) stays out of
 * every Gmail and Outlook frame. Extension pages and the background keep using
 * src/platform/browser.ts.
 */
type Listener = (message: unknown, sender: unknown, respond: (answer: unknown) => void) => void;
type LeanRuntime = {
  readonly id?: string;
  sendMessage(message: unknown): Promise<unknown>;
  /** Messages from the background (tabs.sendMessage), answered synchronously through `respond`. */
  onMessage?: { addListener(listener: Listener): void };
};
type Namespaces = { browser?: { runtime?: LeanRuntime }; chrome?: { runtime?: LeanRuntime } };

/** The runtime, or undefined once the extension was reloaded or removed under this page. */
export function runtime(): LeanRuntime | undefined {
  const g = globalThis as Namespaces;
  return g.browser?.runtime ?? g.chrome?.runtime;
}

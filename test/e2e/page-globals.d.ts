/**
 * What code that a test evaluates inside a page can see: the extension API in an extension
 * page (`browser` in Firefox and Chromium 148+, `chrome` everywhere in Chromium), and the
 * globals the webmail fixtures and the tests themselves leave on `window`.
 */
import type { Browser } from 'webextension-polyfill';

declare global {
  var chrome: Browser;
  var browser: Browser;
  /** Fixture pages: every input event, by field (and whether it came from the pop-out frame). */
  var __inputs: { field: string; inputType: string; frame?: boolean }[];
  /** Fixture pages: what Send sent. */
  var __sent: { to: string[]; subject: string; body: string }[];
  /** Set only if hostile interview data ran as code. */
  var __pwned: unknown;
  /** Notification events seen from an extension page (Firefox). */
  var __seen: string[];
}

export {};

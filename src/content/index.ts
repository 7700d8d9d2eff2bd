/**
 * Content script for Gmail and Outlook on the web: picks the site adapter for
 * this page and watches for compose windows. Runs in the isolated world only.
 */
import type { ComposeAdapter } from './adapter';
import { gmail } from './sites/gmail';
import { outlook } from './sites/outlook';
import { safe, watch } from './watch';

document.documentElement.dataset.followup = 'ready';

const site: ComposeAdapter | null = location.hostname === 'mail.google.com' ? gmail : /^outlook\./.test(location.hostname) ? outlook : null;

/** A frame whose parent we can reach is watched by the parent's content script (see watch.ts). */
function parentWatches(): boolean {
  try {
    return window !== window.top && window.frameElement !== null;
  } catch {
    return false;
  }
}

if (site && !parentWatches()) safe(watch)(site, document);

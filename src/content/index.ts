/**
 * Content script for Gmail and Outlook on the web, run at document_start so its event guard
 * (ui.ts) is the first listener on the window, before any page script's. Once the document is
 * parsed it picks the site adapter and watches for compose windows. Isolated world only.
 */
import type { ComposeAdapter } from './adapter';
import type { TabMessage } from '../shared/protocol';
import { runtime } from '../platform/runtime';
import { report } from './report';
import { watchMailbox } from './mailbox';
import { gmail } from './sites/gmail';
import { outlook } from './sites/outlook';
import { guard } from './ui';
import { watch } from './watch';

guard(window);

const site: ComposeAdapter | null = location.hostname === 'mail.google.com' ? gmail : /^outlook\./.test(location.hostname) ? outlook : null;

/** A frame whose parent we can reach is watched by the parent's content script (see watch.ts). */
function parentWatches(): boolean {
  try {
    return window !== window.top && window.frameElement !== null;
  } catch {
    return false;
  }
}

function start(this: void): void {
  try {
    const watcher = watch(site!, document);
    // The keyboard shortcut (manifest "commands"), relayed by the background to this tab.
    runtime()?.onMessage?.addListener((message, _sender, respond) => {
      if ((message as TabMessage | null)?.type === 'openPanel') respond(watcher.openFocused());
    });
    // Issue 15: replies from interviewers, and "Log this interview" on an open message.
    watchMailbox(site === gmail ? 'gmail' : 'outlook', document);
    document.documentElement.dataset.followup = 'ready';
  } catch (error) {
    report('start', error);
  }
}

if (site && !parentWatches()) {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
}

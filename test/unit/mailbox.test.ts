// @vitest-environment happy-dom
/**
 * The mailbox watcher (issue 15) on the Gmail and Outlook fixtures, with a fake background: what it
 * reads (only watched senders' address, time, subject, id), what it never reads (any row while the
 * switch is off), no page-wide subtree observer, one report per message, and the site adapters'
 * selectors against the fixtures' markup.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from '@webext-core/fake-browser';
import { watchMailbox } from '../../src/content/mailbox';
import { GMAIL_MAILBOX } from '../../src/content/sites/gmail';
import { OUTLOOK_MAILBOX } from '../../src/content/sites/outlook';
import type { MailboxSite } from '../../src/shared/protocol';
import { countRecords, load } from './content-dom';
import { press, shadowOf } from '../../src/content/ui';

type Asked = { type: string; [k: string]: unknown };
const messages: Asked[] = [];
let watchList: { on: boolean; addresses: string[]; domains: string[] };
let stop: (() => void) | undefined;

function answer(site: MailboxSite) {
  fakeBrowser.runtime.onMessage.addListener(((m: Asked, _s: unknown, respond: (r: unknown) => void) => {
    messages.push(m);
    const reply = m.type === 'mailboxWatch' ? { ok: true, ...watchList, site } : { ok: true, recorded: 0 };
    Promise.resolve().then(() => respond(reply));
    return true;
  }) as never);
}

/** Past the watcher's message round trips and its 300 ms batching, on the fake clock. */
const settle = () => vi.advanceTimersByTimeAsync(1000);
const seen = () => messages.filter((m) => m.type === 'repliesSeen').flatMap((m) => m.messages as Record<string, unknown>[]);

/** Loads a fixture with its {{…}} times filled in: the first 10:42 AM, each next one a minute later. */
function fill(html: string): void {
  load(html);
  let minute = 42;
  for (const el of document.querySelectorAll('[title*="{{"], [content*="{{"]')) {
    for (const a of ['title', 'content']) if (el.getAttribute(a)?.includes('{{')) el.setAttribute(a, a === 'content' ? '2026-12-03T19:00:00Z' : `Tue, Dec 1, 2026, 10:${minute++} AM`);
  }
  // Times shown as text (Outlook's date heading): the full date; short times in the list: the time alone.
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (/\{\{\w+_TITLE\}\}/.test(n.nodeValue!)) n.nodeValue = `Tue 12/1/2026 11:${minute++} AM`;
    else if (n.nodeValue!.includes('{{')) n.nodeValue = n.nodeValue!.replace(/\{\{\w+\}\}/g, '10:42 AM');
  }
  for (const el of document.querySelectorAll('[aria-label*="{{"]')) el.setAttribute('aria-label', el.getAttribute('aria-label')!.replace(/\{\{\w+\}\}/g, '10:42 AM'));
}

beforeEach(() => {
  vi.useFakeTimers();
  fakeBrowser.reset();
  messages.length = 0;
  watchList = { on: true, addresses: ['priya@acme.example', 'lee.chen@globex.example'], domains: [] };
});

afterEach(() => {
  stop?.();
  stop = undefined;
  vi.useRealTimers();
  vi.restoreAllMocks();
  document.documentElement.innerHTML = '<head></head><body></body>';
});

describe('Gmail', () => {
  beforeEach(() => {
    answer(GMAIL_MAILBOX);
    fill('gmail-mailbox.html');
  });

  it('reports only watched senders, with address, time, subject and id, and each message once', async () => {
    stop = watchMailbox('gmail', document);
    await settle();
    expect(seen()).toEqual([
      { from: 'priya@acme.example', time: 'Tue, Dec 1, 2026, 10:42 AM', subject: 'Re: Thank you — Product Designer' },
      { from: 'priya@acme.example', time: 'Tue, Dec 1, 2026, 10:44 AM', subject: 'Interview confirmation' },
    ]);
    // Scans again (focus, hash change, list change) send nothing new.
    window.dispatchEvent(new Event('focus'));
    window.dispatchEvent(new Event('hashchange'));
    await settle();
    expect(seen()).toHaveLength(2);
    // A new row in the list is seen through the list's childList observer.
    const row = document.getElementById('row-priya')!.cloneNode(true) as HTMLElement;
    row.querySelector('.xW [title]')!.setAttribute('title', 'Tue, Dec 1, 2026, 11:05 AM');
    document.querySelector('table.F > tbody')!.append(row);
    await settle();
    expect(seen().map((m) => m.time)).toEqual(['Tue, Dec 1, 2026, 10:42 AM', 'Tue, Dec 1, 2026, 10:44 AM', 'Tue, Dec 1, 2026, 11:05 AM']);
  });

  it('a confirmed domain is watched too', async () => {
    watchList = { on: true, addresses: [], domains: ['acme-robotics.example'] };
    stop = watchMailbox('gmail', document);
    await settle();
    expect(seen()).toEqual([{ from: 'jo.park@acme-robotics.example', time: expect.any(String), subject: 'Interview for Senior Product Designer at Acme Robotics', messageId: '19a0000000000009' }]);
  });

  it('switched off, no row or message is read, and nothing is reported', async () => {
    watchList = { on: false, addresses: [], domains: [] };
    const queried: string[] = [];
    const real = Document.prototype.querySelectorAll;
    vi.spyOn(Document.prototype, 'querySelectorAll').mockImplementation(function (this: Document, sel: string) {
      queried.push(sel);
      return real.call(this, sel);
    } as never);
    const getAttribute = vi.spyOn(Element.prototype, 'getAttribute');
    stop = watchMailbox('gmail', document);
    await settle();
    window.dispatchEvent(new Event('focus'));
    await settle();
    expect(messages.map((m) => m.type)).toEqual(['mailboxWatch', 'mailboxWatch']);
    expect(queried).not.toContain(GMAIL_MAILBOX.items);
    // No sender, time or id attribute was read anywhere.
    expect(getAttribute.mock.calls.map(([a]) => a).filter((a) => ['email', 'title', 'data-legacy-message-id', 'datetime'].includes(a))).toEqual([]);
  });

  it('asks the background once when the tab comes back, though focus and visibilitychange both say so', async () => {
    stop = watchMailbox('gmail', document);
    await settle();
    window.dispatchEvent(new Event('focus'));
    document.dispatchEvent(new Event('visibilitychange'));
    window.dispatchEvent(new Event('focus'));
    await settle();
    const asked = () => messages.filter((m) => m.type === 'mailboxWatch').length;
    expect(asked()).toBe(2);
    // Answered, the next return asks again.
    document.dispatchEvent(new Event('visibilitychange'));
    await settle();
    expect(asked()).toBe(3);
  });

  it('watches with childList observers only, never a subtree', async () => {
    const observe = vi.spyOn(MutationObserver.prototype, 'observe');
    stop = watchMailbox('gmail', document);
    await settle();
    expect(observe.mock.calls.length).toBeGreaterThan(0);
    for (const [target, options] of observe.mock.calls) {
      expect(options).toEqual({ childList: true });
      expect(target).not.toBe(document.body);
    }
  });

  it('a churning list costs one mutation record until the scan it schedules, not one per node', async () => {
    const records = countRecords();
    stop = watchMailbox('gmail', document);
    await settle();
    const list = document.querySelector('table.F > tbody')!;
    for (let round = 1; round <= 3; round++) {
      records.n = 0;
      // 200 changes, each in its own task, before the scan a second later.
      for (let i = 0; i < 200; i++) {
        list.append(document.createElement('tr'));
        await vi.advanceTimersByTimeAsync(1);
      }
      expect(records.n).toBe(1);
      await settle();
    }
    vi.unstubAllGlobals();
  });

  it('"Log this interview" sits in a closed shadow root on the open message', async () => {
    stop = watchMailbox('gmail', document);
    await settle();
    const host = document.querySelector('div.adn .gH followup-log');
    expect(host).not.toBeNull();
    expect(host!.shadowRoot).toBeNull();
  });
});

describe('Outlook', () => {
  beforeEach(() => {
    answer(OUTLOOK_MAILBOX);
    fill('outlook-mailbox.html');
  });

  it('reports the watched sender of a list row (its own subject, no conversation id), and puts a control on each open message', async () => {
    stop = watchMailbox('outlook', document);
    await settle();
    expect(seen()).toEqual([{ from: 'lee.chen@globex.example', time: 'Tue, Dec 1, 2026, 10:42 AM', subject: 'Re: Data Analyst interview' }]);
    // One control per message of the conversation, beside its date heading, none in the list.
    const controls = [...document.querySelectorAll('followup-log')];
    expect(controls).toHaveLength(2);
    for (const c of controls) expect(c.parentElement!.querySelector(':scope > [data-testid="SentReceivedSavedTime"]') ?? c.parentElement!.closest('[aria-label="Email message"]')).not.toBeNull();
    expect(document.querySelector('#MailList followup-log')).toBeNull();
  });

  it('reads the open conversation message by message: each one\'s own date, the subject heading (not the date heading)', async () => {
    watchList = { on: true, addresses: ['recruiting@initech.example'], domains: [] };
    stop = watchMailbox('outlook', document);
    await settle();
    expect(seen()).toEqual([
      { from: 'recruiting@initech.example', time: 'Tue, Dec 1, 2026, 10:43 AM', subject: 'Invitation: Data Engineer interview' },
      { from: 'recruiting@initech.example', time: 'Tue 12/1/2026 11:44 AM', subject: 'Invitation: Data Engineer interview' },
      { from: 'recruiting@initech.example', time: 'Tue 12/1/2026 11:45 AM', subject: 'Invitation: Data Engineer interview' },
    ]);
  });

  it('a row that appears inside the list\'s nested group is seen (the rows\' parent is observed, childList only)', async () => {
    stop = watchMailbox('outlook', document);
    await settle();
    const row = document.getElementById('row-lee')!.cloneNode(true) as HTMLElement;
    row.querySelector('[title^="Tue"]')!.setAttribute('title', 'Tue 12/1/2026 11:05 AM');
    document.getElementById('row-lee')!.parentElement!.prepend(row);
    await settle();
    expect(seen().map((m) => m.time)).toEqual(['Tue, Dec 1, 2026, 10:42 AM', 'Tue 12/1/2026 11:05 AM']);
  });

  it('"Log this interview" sends that message\'s sender, recipients (once each), subject and body', async () => {
    stop = watchMailbox('outlook', document);
    await settle();
    const last = [...document.querySelectorAll('followup-log')].pop()!;
    press(shadowOf(last)!.querySelector('button')!);
    await settle();
    const email = messages.find((m) => m.type === 'logFromEmail')!.email as { from: unknown; to: unknown; subject: string; text: string; ics: string };
    expect(email.from).toEqual({ name: 'Initech Recruiting', email: 'recruiting@initech.example' });
    expect(email.to).toEqual([
      { name: 'Alex Morgan', email: 'alex.morgan@outlook.com' },
      { name: 'Bill Lumbergh', email: 'bill.lumbergh@initech.example' },
    ]);
    expect(email.subject).toBe('Invitation: Data Engineer interview');
    expect(email.text).toContain('You have been invited to: Data Engineer interview');
    expect(email.text).not.toContain('could you share times');
    expect(email.ics).toContain('startDate:2026-12-03T19:00:00Z');
  });
});

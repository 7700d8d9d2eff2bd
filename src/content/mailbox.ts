/**
 * Issue 15 in the webmail page: noticing replies, and "Log this interview" on an open message.
 * The site's selectors (src/content/sites/*.ts, MailboxSite) come from the background with the
 * watch list, which keeps their strings out of this script's 12 KB.
 *
 * Replies: of each message row and open message, only the sender's address, the time as shown,
 * the subject and the site's message id are read, and only for senders the background asked us
 * to look for (open interviews' contacts, confirmed company domains); nothing is read while
 * "Notice replies from my interviewers" is off. No page-wide subtree observer: childList
 * observers on the site's list containers, and scans when the page's hash changes, the window
 * takes focus or the tab becomes visible (the cheap signals of watch.ts).
 *
 * Log this interview: a button in a closed shadow root on each open message; only when the user
 * presses it is the message read (sender, recipients, subject, visible text, invitation) and sent.
 */
import { emailsIn } from './adapter';
import { connected, send } from './client';
import { T } from './strings';
import { toast } from './toast';
import { button, shadowHost } from './ui';
import type { EmailFacts, MailboxSite, SeenMessage } from '../shared/protocol';

/** Sent in batches of at most this many (the background's limit). */
const BATCH = 50;
/** A churning list (rows in and out) is read again this long after its first change: a new reply can wait a second, and each read costs the page. */
const LIST_REST = 1000;
const EMAIL_TEXT_LIMIT = 20_000;

const attr = (el: Element | null | undefined, name: string): string => el?.getAttribute(name) ?? '';

/** The person an element names: `email`/`data-hovercard-id`/`title`/`aria-label` attribute or text, and `name` or text ("Name <address>" gives Name). */
function person(el: Element): { name: string; email: string } {
  const email = emailsIn(`${attr(el, 'email')} ${attr(el, 'data-hovercard-id')} ${attr(el, 'title')} ${attr(el, 'aria-label')} ${el.textContent}`)[0] ?? '';
  const name = (attr(el, 'name') || el.textContent || '').replace(/<[^>]*>/g, '').trim();
  return { name: name.includes('@') ? '' : name, email };
}

/** What an element shows as a time: its `title` (the full date, where the list shows "10:42 AM"), `datetime` or text. */
const shownTime = (el: Element): string => (attr(el, 'title') || attr(el, 'datetime') || el.textContent || '').trim();
/** A full date: a year and a time of day, in any language's order ("Tue 12/1/2026 10:42 AM", "Di 01.12.2026 10:42"). */
const dated = (t: string): boolean => /\d{4}/.test(t) && /\d:\d\d/.test(t);

/** The schema.org Event microdata calendar invitations carry, as "itemprop:value" lines (.ics text in the body the background finds itself). */
const invitation = (msg: HTMLElement): string =>
  [...msg.querySelectorAll('[itemtype$="schema.org/Event"] [itemprop]')].map((e) => `${attr(e, 'itemprop')}:${attr(e, 'content') || attr(e, 'datetime') || e.textContent}`).join('\n');

export function watchMailbox(name: 'gmail' | 'outlook', doc: Document): () => void {
  let site: MailboxSite | undefined;
  /** Whom to look for; undefined while off (or not yet known): then no row is read. */
  let want: { addresses: Set<string>; domains: Set<string> } | undefined;
  /** What this page already reported: a message seen again on a later scan is not sent twice. */
  const reported = new Set<string>();
  const mounted = new WeakSet<Element>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const win = doc.defaultView;

  // Lengths are capped by the background, which keeps the first part of anything longer. A row
  // has its own subject (or none: never the open message's); an open message, the page's heading.
  const subjectOf = (item: Element, site: MailboxSite): string => {
    const el = item.matches(site.items) ? item.querySelector(site.subject) : doc.querySelector(site.heading);
    return (attr(el, 'title') || el?.textContent || '').trim();
  };

  const read = (item: Element, site: MailboxSite): SeenMessage | undefined => {
    const from = [...item.querySelectorAll(site.from)].pop();
    const time = [...item.querySelectorAll(site.time)].map(shownTime).filter(dated).pop();
    const address = from && person(from).email;
    if (!address || !time) return undefined;
    const m: SeenMessage = { from: address, time, subject: '' };
    const id = site.id && attr(item, site.id);
    if (id) m.messageId = id;
    return m;
  };

  /** The open messages (see MailboxSite.climb). */
  const messages = (site: MailboxSite): HTMLElement[] => {
    const marks = [...doc.querySelectorAll<HTMLElement>(site.open)];
    if (!site.climb) return marks;
    return marks.map((m) => {
      let msg = m;
      for (let up = msg.parentElement; up && up.querySelectorAll(site.open).length === 1 && !up.querySelector(site.items) && up !== doc.body; up = up.parentElement) msg = up;
      return msg;
    });
  };

  const facts = (msg: HTMLElement, site: MailboxSite): EmailFacts => {
    const from = [...msg.querySelectorAll(site.from)].pop();
    // Several selectors may name the same person (a well and the persona in it): once each.
    const to = new Map([...msg.querySelectorAll(site.to)].map(person).filter((p) => p.email).map((p) => [p.email, p]));
    return {
      from: from ? person(from) : { name: '', email: '' },
      to: [...to.values()].slice(0, 100),
      subject: subjectOf(msg, site),
      text: ((msg.querySelector<HTMLElement>(site.text) ?? msg).innerText || '').slice(0, EMAIL_TEXT_LIMIT),
      ics: invitation(msg),
    };
  };

  const logFrom = async (msg: HTMLElement, site: MailboxSite): Promise<void> => {
    const r = await send('logFromEmail', { email: facts(msg, site) }).catch(() => undefined);
    toast(doc, !r?.ok ? T('logFailed') : r.opened ? T('logOpened') : T('logOpenPopup'));
  };

  const mount = (msg: HTMLElement, site: MailboxSite): void => {
    const spot = msg.matches(site.spot) ? msg : msg.querySelector(site.spot);
    if (mounted.has(msg) || !spot) return;
    mounted.add(msg);
    const [host, root] = shadowHost(doc, 'followup-log');
    root.append(button(doc, T('logLabel'), () => void logFrom(msg, site), { 'aria-label': T('logControl') }));
    spot.append(host);
  };

  const scan = (): void => {
    timer = undefined;
    if (!connected()) return stop();
    if (!site) return;
    // Observing a node again only renews the same options: no bookkeeping needed.
    const observe = (el: Node | null) => el && observer.observe(el, { childList: true });
    doc.querySelectorAll(site.lists).forEach(observe);
    const open = messages(site);
    for (const msg of open) mount(msg, site);
    if (!want) return;
    const batch: SeenMessage[] = [];
    const rows = [...doc.querySelectorAll(site.items)];
    for (const row of rows) observe(row.parentNode);
    for (const item of [...rows, ...open]) {
      const m = read(item, site);
      if (!m || !(want.addresses.has(m.from) || want.domains.has(m.from.split('@')[1]!))) continue;
      const key = `${m.messageId}|${m.from}|${m.time}`;
      if (reported.has(key)) continue;
      reported.add(key);
      m.subject = subjectOf(item, site);
      batch.push(m);
    }
    for (let i = 0; i < batch.length; i += BATCH) send('repliesSeen', { messages: batch.slice(i, i + BATCH) }).catch(() => undefined);
  };

  /** A scan soon: a message may have opened. */
  const later = (): void => {
    timer ??= setTimeout(scan, 300);
  };
  /** A scan after a longer rest: the list churned, and new rows can wait a second. */
  const afterChurn = (): void => {
    timer ??= setTimeout(scan, LIST_REST);
  };

  /** A question to the background not yet answered: a tab coming back fires focus and visibilitychange together, and one answer does for both. */
  let asking = false;
  /** Asks whom to look for (the switch may have changed while the tab was hidden), then scans. */
  const refresh = (): void => {
    if (doc.visibilityState === 'hidden' || asking) return;
    asking = true;
    send('mailboxWatch', { site: name })
      .then(
        (r) => {
          site = r?.site;
          want = r?.on ? { addresses: new Set(r.addresses), domains: new Set(r.domains) } : undefined;
          scan();
        },
        () => undefined,
      )
      .finally(() => (asking = false));
  };

  // The first change stops the observing until the scan it schedules (LIST_REST later), which
  // observes again: a list that churns (thousands of rows a second) then costs one record and one
  // scan a second, not one per node.
  const observer = new MutationObserver(() => (observer.disconnect(), afterChurn()));
  const off = new AbortController();
  const opts = { signal: off.signal };
  win?.addEventListener('hashchange', later, opts);
  win?.addEventListener('focus', refresh, opts);
  doc.addEventListener('visibilitychange', refresh, opts);
  function stop(): void {
    observer.disconnect();
    clearTimeout(timer);
    off.abort();
  }
  refresh();
  return stop;
}

/**
 * Replies seen in the user's webmail (issue 15): which interview a message is from, whether it is
 * news (received after the interview and after our latest sent step, not seen before, not one the
 * user said was about something else), and the question the popup asks about it. Pure: the
 * content script reads only sender, time, subject and message id; the background decides here.
 *
 * A seen message is named by the site's message id where the markup has one, else by its sender
 * and the minute it was received; two sightings are the same message when either names them both
 * (a Gmail list row has no message id, the open conversation has one: same sender, same minute).
 */
import { MINUTE_MS, parseInstantMs } from './calendar';
import type { Contact, Interview, InterviewEvent } from './types';

/** What the content script reports of one message (after the background parsed its time). */
export type ReplyCandidate = { from: string; receivedAt: string; subject: string; messageId?: string };

export type ReplySeen = Extract<InterviewEvent, { type: 'replySeen' }>;
export type ReplyNotOurs = Extract<InterviewEvent, { type: 'replyNotOurs' }>;

/** Why a candidate is not recorded for an interview. */
export type ReplyRejection = 'noMatch' | 'closed' | 'beforeInterview' | 'beforeSent' | 'future' | 'duplicate' | 'notOurs';
export type ReplyVerdict = { ok: true; event: ReplySeen; contact?: Contact; byDomain: boolean } | { ok: false; reason: ReplyRejection };

/** How far ahead of our clock a message time may be (clocks and the site's rounding differ). */
const CLOCK_SLACK_MS = 5 * MINUTE_MS;
const DEFAULT_DURATION_MIN = 60;

/** Public mail providers: a domain anyone can have an address at is never offered for matching. */
const PUBLIC_DOMAINS = new Set(
  'gmail.com googlemail.com outlook.com hotmail.com live.com msn.com yahoo.com ymail.com icloud.com me.com mac.com aol.com proton.me protonmail.com gmx.com gmx.de web.de mail.com zoho.com yandex.com yandex.ru fastmail.com hey.com qq.com 163.com'.split(
    ' ',
  ),
);

export const normalAddress = (s: unknown): string => (typeof s === 'string' ? s.trim().toLowerCase() : '');

/** The domain of an address ("acme.com"), or '' when it has none. */
export function domainOf(address: unknown): string {
  const a = normalAddress(address);
  const at = a.lastIndexOf('@');
  return at > 0 && at < a.length - 1 ? a.slice(at + 1) : '';
}

export const isPublicDomain = (domain: string): boolean => PUBLIC_DOMAINS.has(domain.toLowerCase());

/** The minute a time falls in (sightings of one message agree to the minute, not the second). */
const minuteOf = (iso: string): number => Math.floor(parseInstantMs(iso) / MINUTE_MS);

/** True when two sightings name the same message: by site id, else by sender and minute. */
export function sameMessage(a: Pick<ReplyCandidate, 'from' | 'receivedAt' | 'messageId'>, b: Pick<ReplyCandidate, 'from' | 'receivedAt' | 'messageId'>): boolean {
  if (a.messageId && b.messageId && a.messageId === b.messageId) return true;
  return normalAddress(a.from) === normalAddress(b.from) && minuteOf(a.receivedAt) === minuteOf(b.receivedAt);
}

/** The domains the user confirmed for this interview (lower case). */
export function confirmedDomains(iv: Pick<Interview, 'history'>): string[] {
  const out = new Set<string>();
  for (const ev of iv.history ?? []) if (ev?.type === 'replyDomain' && typeof ev.domain === 'string') out.add(ev.domain.toLowerCase());
  return [...out];
}

/** The company domain the popup may offer to confirm: the first contact's, unless it is a public provider or confirmed already. */
export function domainToConfirm(iv: Pick<Interview, 'contacts' | 'history'>): string | undefined {
  const have = confirmedDomains(iv);
  for (const c of iv.contacts ?? []) {
    const d = domainOf(c?.email);
    if (d && !isPublicDomain(d)) return have.includes(d) ? undefined : d;
  }
  return undefined;
}

/** Who a sender is to this interview: a contact (by address), the confirmed company domain, or nobody. */
export function senderMatch(iv: Pick<Interview, 'contacts' | 'history'>, from: string): { contact?: Contact; byDomain: boolean } | undefined {
  const address = normalAddress(from);
  if (!address.includes('@')) return undefined;
  const contact = (iv.contacts ?? []).find((c) => normalAddress(c?.email) === address);
  if (contact) return { contact, byDomain: false };
  const domain = domainOf(address);
  if (domain && !isPublicDomain(domain) && confirmedDomains(iv).includes(domain)) return { byDomain: true };
  return undefined;
}

/** The addresses and domains a mailbox watcher should look for across open interviews. */
export function watchList(interviews: readonly Interview[], isOpen: (iv: Interview) => boolean): { addresses: string[]; domains: string[] } {
  const addresses = new Set<string>();
  const domains = new Set<string>();
  for (const iv of interviews) {
    if (!isOpen(iv)) continue;
    for (const c of iv.contacts ?? []) {
      const a = normalAddress(c?.email);
      if (a.includes('@')) addresses.add(a);
    }
    for (const d of confirmedDomains(iv)) domains.add(d);
  }
  return { addresses: [...addresses].sort(), domains: [...domains].sort() };
}

/** When our latest step went out (the latest 'sent' event), or -Infinity. */
function latestSent(iv: Interview): number {
  let t = -Infinity;
  for (const ev of iv.history ?? []) if (ev?.type === 'sent') t = Math.max(t, parseInstantMs(ev.at));
  return t;
}

/** True when an outcome closed the interview (a reply reopens only "no response", which the planner decides). */
function hasOutcome(iv: Interview): boolean {
  return (iv.history ?? []).some((ev) => ev?.type === 'outcome');
}

/**
 * Whether `candidate` is a reply to record on `iv` at `now` (epoch ms): from a contact (or a
 * confirmed domain), received after the interview ended and after our latest sent step, not in
 * the future, not already seen, and not a message the user said was about something else.
 */
export function judgeReply(iv: Interview, candidate: ReplyCandidate, now: number): ReplyVerdict {
  const match = senderMatch(iv, candidate.from);
  if (!match) return { ok: false, reason: 'noMatch' };
  if (hasOutcome(iv)) return { ok: false, reason: 'closed' };
  const received = parseInstantMs(candidate.receivedAt);
  const start = parseInstantMs(iv.interviewAt);
  const minutes = typeof iv.durationMinutes === 'number' && iv.durationMinutes > 0 ? iv.durationMinutes : DEFAULT_DURATION_MIN;
  if (!Number.isFinite(received) || !Number.isFinite(start) || received < start + minutes * MINUTE_MS) return { ok: false, reason: 'beforeInterview' };
  if (received > now + CLOCK_SLACK_MS) return { ok: false, reason: 'future' };
  if (received <= latestSent(iv)) return { ok: false, reason: 'beforeSent' };
  const history = iv.history ?? [];
  if (history.some((ev) => ev?.type === 'replyNotOurs' && sameMessage(ev, candidate))) return { ok: false, reason: 'notOurs' };
  if (history.some((ev) => ev?.type === 'replySeen' && sameMessage(ev, candidate))) return { ok: false, reason: 'duplicate' };
  const event: ReplySeen = {
    type: 'replySeen',
    at: new Date(now).toISOString(),
    from: normalAddress(candidate.from),
    receivedAt: new Date(received).toISOString(),
    subject: candidate.subject.trim().slice(0, 400),
  };
  if (candidate.messageId) event.messageId = candidate.messageId;
  return { ok: true, event, byDomain: match.byDomain, ...(match.contact ? { contact: match.contact } : {}) };
}

/** True when the user said this seen reply was not about the interview. */
export function isDisowned(history: readonly InterviewEvent[], seen: ReplySeen): boolean {
  return history.some((ev) => ev?.type === 'replyNotOurs' && sameMessage(ev, seen));
}

/**
 * The seen reply the user has not answered yet: the latest one not disowned, with no reply,
 * outcome or "not about this" recorded after it. The popup asks about it.
 */
export function pendingReply(iv: Pick<Interview, 'history'>): ReplySeen | undefined {
  const history = iv.history ?? [];
  for (let i = history.length - 1; i >= 0; i--) {
    const ev = history[i];
    if (!ev) continue;
    if (ev.type === 'reply' || ev.type === 'outcome') return undefined;
    if (ev.type === 'replySeen' && !isDisowned(history, ev)) return ev;
  }
  return undefined;
}

/** The person behind a seen reply: the contact with that address, else undefined (a domain match). */
export function replyContact(iv: Pick<Interview, 'contacts'>, seen: Pick<ReplySeen, 'from'>): Contact | undefined {
  return (iv.contacts ?? []).find((c) => normalAddress(c?.email) === normalAddress(seen.from));
}

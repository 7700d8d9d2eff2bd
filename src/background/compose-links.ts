/**
 * Webmail compose URLs for a draft. Every parameter is percent-encoded with
 * encodeURIComponent, so spaces, line breaks, "&", "#", "+" and non-ASCII text
 * survive the round trip exactly (URLSearchParams would turn spaces into "+",
 * which Outlook shows literally).
 */
import type { Draft, Profile } from '../domain/types';

export const GMAIL_COMPOSE = 'https://mail.google.com/mail/';
export const OUTLOOK_COMPOSE = 'https://outlook.office.com/mail/deeplink/compose';

function query(params: [string, string][]): string {
  return params.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
}

/** Webmail bodies expect CRLF-free text with "\n" line breaks; normalise whatever the draft holds. */
function normaliseBody(body: string): string {
  return body.replace(/\r\n?/g, '\n');
}

/** Gmail at account `account` (/mail/u/N/), the first one when absent. */
export function gmailComposeUrl(draft: Draft, account?: number): string {
  const base = account === undefined ? GMAIL_COMPOSE : `${GMAIL_COMPOSE}u/${account}/`;
  return `${base}?${query([
    ['view', 'cm'],
    ['fs', '1'],
    ['to', draft.to.join(',')],
    ['su', draft.subject],
    ['body', normaliseBody(draft.body)],
  ])}`;
}

/** Outlook on `host` (outlook.live.com for personal accounts), outlook.office.com when absent. */
export function outlookComposeUrl(draft: Draft, host?: string): string {
  const base = host ? OUTLOOK_COMPOSE.replace('outlook.office.com', host) : OUTLOOK_COMPOSE;
  return `${base}?${query([
    ['to', draft.to.join(',')],
    ['subject', draft.subject],
    ['body', normaliseBody(draft.body)],
  ])}`;
}

/** `account`: which Gmail account or Outlook site (src/background/mail-account.ts). */
export function composeUrl(webmail: Profile['webmail'], draft: Draft, account: { gmail?: number; outlook?: string } = {}): string {
  return webmail === 'outlook' ? outlookComposeUrl(draft, account.outlook) : gmailComposeUrl(draft, account.gmail);
}

/** The draft a compose URL carries (for tests and the reminder page): decoded parameters. */
export function draftFromComposeUrl(url: string): Draft & { webmail: Profile['webmail'] } {
  const u = new URL(url);
  // URLSearchParams decodes "+" as a space; our encoder never emits a bare "+", so this is exact.
  const p = u.searchParams;
  const webmail = u.hostname === 'mail.google.com' ? 'gmail' : 'outlook';
  const to = (p.get('to') ?? '').split(',').filter((s) => s.length > 0);
  return { webmail, to, subject: p.get(webmail === 'gmail' ? 'su' : 'subject') ?? '', body: p.get('body') ?? '' };
}

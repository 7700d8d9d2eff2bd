/**
 * Which webmail account "Write email" opens (issue 11): people signed in to a personal and a work
 * Gmail need /mail/u/N/, and Outlook has a personal (outlook.live.com) and a work or school
 * (outlook.office.com) site. The user's choice in Options wins; else the account where they last
 * used FollowUp, which the content script reports (kept in storage.local under MAIL_ACCOUNT_KEY);
 * else the first account.
 */
import * as v from 'valibot';
import type { Profile } from '../domain/types';
import type { StorageArea } from './store';

export const MAIL_ACCOUNT_KEY = 'lastMailAccount';
/** The Outlook sites a compose link may open. */
export const OUTLOOK_HOSTS = ['outlook.office.com', 'outlook.live.com'] as const;
export type OutlookHost = (typeof OUTLOOK_HOSTS)[number];
/** Where the user last used FollowUp. */
export type MailAccount = { gmail?: number; outlook?: OutlookHost };

const accountSchema = v.object({
  gmail: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(99))),
  outlook: v.optional(v.picklist(OUTLOOK_HOSTS)),
});

export async function lastAccount(local: StorageArea | undefined): Promise<MailAccount> {
  if (!local) return {};
  const got = v.safeParse(accountSchema, (await local.get(MAIL_ACCOUNT_KEY))[MAIL_ACCOUNT_KEY]);
  return got.success ? (got.output as MailAccount) : {};
}

/** The Outlook site a content script runs on, as one a link can open (office365 and cloud.microsoft are work sites). */
export function outlookSite(host: string | undefined): OutlookHost | undefined {
  if (!host || !host.startsWith('outlook.')) return undefined;
  return host === 'outlook.live.com' ? 'outlook.live.com' : 'outlook.office.com';
}

/** Keeps where FollowUp was just used; writes only when it changed. */
export async function noteAccount(local: StorageArea | undefined, used: MailAccount): Promise<void> {
  if (!local) return;
  const cur = await lastAccount(local);
  const next = { ...cur, ...used };
  if (next.gmail !== cur.gmail || next.outlook !== cur.outlook) await local.set({ [MAIL_ACCOUNT_KEY]: next });
}

/** The account a compose link opens: the Options choice, else the last one used. */
export function accountFor(profile: Profile, last: MailAccount): MailAccount {
  const gmail = profile.gmailAccount ?? last.gmail;
  const outlook = profile.outlookHost ?? last.outlook;
  return { ...(gmail !== undefined ? { gmail } : {}), ...(outlook ? { outlook } : {}) };
}

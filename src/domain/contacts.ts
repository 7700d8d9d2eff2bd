/**
 * Who an email or an event is for. Contacts have no id of their own (the form lists names and
 * addresses), so a contact is named by its key: the email address when it has one, else the
 * name, both compared without case or extra spaces. An event matches a contact by either, so a
 * thank-you recorded by name still counts after the user adds the person's address, and one
 * recorded by address still counts after a name is corrected.
 */
import type { Contact, Interview } from './types';

/** Lower case, control characters dropped, spaces collapsed and trimmed. */
function normal(s: unknown): string {
  return typeof s === 'string'
    ? s
        .replace(/\p{Cc}/gu, ' ')
        .replace(/\s+/g, ' ')
        .trim()
        .toLowerCase()
    : '';
}

/** What names `contact` in events and drafts: its email address if it has one, else its name; '' for neither. */
export function contactKey(contact: Pick<Contact, 'name' | 'email'> | undefined): string {
  const email = normal(contact?.email);
  return email.includes('@') ? email : normal(contact?.name);
}

/** True when `key` (a contactKey, an address or a name, any case) names `contact`. */
export function contactMatches(contact: Pick<Contact, 'name' | 'email'> | undefined, key: string | undefined): boolean {
  const k = normal(key);
  if (!k || !contact) return false;
  return k === normal(contact.email) || k === normal(contact.name);
}

/** The interview's contact named by `key`, with its position; undefined when none is. */
export function findContact(interview: Pick<Interview, 'contacts'>, key: string | undefined): { contact: Contact; index: number } | undefined {
  const list = Array.isArray(interview.contacts) ? interview.contacts : [];
  const index = list.findIndex((c) => contactMatches(c, key));
  return index < 0 ? undefined : { contact: list[index]!, index };
}

/** The first of the interview's contacts a compose is addressed to (its To, Cc… addresses), if any. */
export function contactForRecipients(interview: Pick<Interview, 'contacts'>, recipients: readonly string[]): { contact: Contact; index: number } | undefined {
  const list = Array.isArray(interview.contacts) ? interview.contacts : [];
  const wanted = new Set(recipients.map(normal).filter((r) => r.includes('@')));
  const index = list.findIndex((c) => wanted.has(normal(c.email)));
  return index < 0 ? undefined : { contact: list[index]!, index };
}

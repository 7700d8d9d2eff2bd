/**
 * Composes the background opened ("Write email", issue 11): what each was for, kept in
 * storage.session so the content script can recognise the compose at Send (by its subject and a
 * recipient) and the 'sent' is recorded as for a draft inserted from the panel. Gone when the
 * browser closes; a week old, or beyond the newest PENDING_LIMIT, an entry is forgotten.
 */
import * as v from 'valibot';
import type { DraftKind } from '../domain/types';
import type { StorageArea } from './store';

export const PENDING_KEY = 'pendingComposes';
export const PENDING_LIMIT = 20;
export const PENDING_MAX_AGE = 7 * 24 * 3_600_000;

const entrySchema = v.object({
  id: v.string(),
  kind: v.picklist(['thank-you', 'status-inquiry', 'final-check-in']),
  contact: v.optional(v.string()),
  subject: v.string(),
  to: v.array(v.string()),
  at: v.number(),
});
export type PendingEntry = { id: string; kind: DraftKind; contact?: string; subject: string; to: string[]; at: number };

/** Subjects compared as the user sees them: spaces collapsed, any case. */
const normal = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

async function read(session: StorageArea, now: number): Promise<PendingEntry[]> {
  const raw = (await session.get(PENDING_KEY))[PENDING_KEY];
  const list = Array.isArray(raw) ? raw : [];
  return list.flatMap((x) => {
    const got = v.safeParse(entrySchema, x);
    return got.success && now - got.output.at < PENDING_MAX_AGE ? [got.output as PendingEntry] : [];
  });
}

/** Remembers a compose just opened (the same step for the same person replaces the older entry). */
export async function rememberPending(session: StorageArea, entry: PendingEntry): Promise<void> {
  const list = (await read(session, entry.at)).filter((e) => !(e.id === entry.id && e.kind === entry.kind && e.contact === entry.contact));
  await session.set({ [PENDING_KEY]: [...list, entry].slice(-PENDING_LIMIT) });
}

/**
 * The newest remembered compose with this subject, sent to one of its addresses (any recipient,
 * when the draft had no address to put in To).
 */
export async function findPending(session: StorageArea, recipients: readonly string[], subject: string, now: number): Promise<PendingEntry | undefined> {
  const wanted = normal(subject);
  if (!wanted) return undefined;
  const to = new Set(recipients.map((r) => r.trim().toLowerCase()));
  const list = await read(session, now);
  for (let i = list.length - 1; i >= 0; i--) {
    const e = list[i]!;
    if (normal(e.subject) === wanted && (e.to.length === 0 || e.to.some((a) => to.has(a.trim().toLowerCase())))) return e;
  }
  return undefined;
}

/**
 * Ordered storage migrations. `schemaVersion` in storage.local says which
 * layout the data is in; on every background start (so on install and on
 * update too) the store runs each migration from that version up to
 * SCHEMA_VERSION. A migration is pure (everything stored → keys to set and keys
 * to remove) and idempotent: if the browser dies half-way, running it again
 * gives the same result.
 *
 * Versions:
 * - 0: the prototype layout: one `interviews` array holding every record
 *   (`position`, `date`, a single `interviewer`, `*SentAt` stamps) and settings
 *   with `workDays` / `inquiryTime`. No `schemaVersion` key.
 * - 1: one key per interview (`interview:<id>`) with an event history, plus
 *   `settings` and `profile` as the domain types describe them.
 */
import { STORAGE_KEYS } from '../shared/protocol';
import type { Contact, InterviewEvent } from '../domain/types';

export const SCHEMA_VERSION = 1;

export type MigrationResult = { set: Record<string, unknown>; remove: string[] };
export type Migration = { from: number; to: number; describe: string; run(all: Record<string, unknown>): MigrationResult };

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => !!x && typeof x === 'object' && !Array.isArray(x);
const str = (x: unknown): string | undefined => (typeof x === 'string' && x.trim() !== '' ? x : undefined);

function contactV0(x: unknown): Contact | undefined {
  if (typeof x === 'string' && x.trim()) return { name: x.trim() };
  if (!isObj(x)) return undefined;
  const name = str(x.name);
  if (!name) return undefined;
  const c: Contact = { name };
  if (str(x.email)) c.email = str(x.email)!;
  if (str(x.title)) c.title = str(x.title)!;
  return c;
}

/** v0 fields this migration understands; anything else is kept in the notes so nothing is lost. */
const KNOWN_V0 = new Set([
  'id', 'company', 'position', 'role', 'date', 'interviewAt', 'durationMinutes', 'interviewer', 'interviewers', 'otherInterviewers',
  'decisionBy', 'decisionExpectedBy', 'invitedToCall', 'callCustomary', 'otherOffers', 'hasOtherOffers', 'topic', 'notes',
  'thankYouSentAt', 'inquirySentAt', 'repliedAt', 'newDecisionDate', 'outcome', 'outcomeAt', 'createdAt', 'updatedAt',
]);

export function interviewFromV0(x: Obj, index: number): Obj {
  const id = str(x.id) ?? `legacy-${index + 1}`;
  const contacts: Contact[] = [];
  for (const c of [x.interviewer, ...(Array.isArray(x.interviewers) ? x.interviewers : []), ...(Array.isArray(x.otherInterviewers) ? x.otherInterviewers : [])]) {
    const contact = contactV0(c);
    if (contact) contacts.push(contact);
  }
  const history: InterviewEvent[] = [];
  if (str(x.thankYouSentAt)) history.push({ type: 'sent', step: 'thank-you', at: x.thankYouSentAt as string });
  if (str(x.inquirySentAt)) history.push({ type: 'sent', step: 'status-inquiry', at: x.inquirySentAt as string });
  if (str(x.repliedAt)) {
    const reply: InterviewEvent = { type: 'reply', at: x.repliedAt as string };
    if (str(x.newDecisionDate)) reply.newDecisionDate = x.newDecisionDate as string;
    history.push(reply);
  }
  if (x.outcome === 'offer' || x.outcome === 'rejected' || x.outcome === 'withdrew') {
    const at = str(x.outcomeAt) ?? str(x.updatedAt) ?? str(x.repliedAt) ?? str(x.date) ?? str(x.interviewAt) ?? new Date(0).toISOString();
    history.push({ type: 'outcome', outcome: x.outcome, at });
  }
  history.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));

  const out: Obj = {
    id,
    company: x.company,
    role: x.role ?? x.position,
    interviewAt: x.interviewAt ?? x.date,
    contacts,
    history,
  };
  const copy = (to: string, ...from: string[]): void => {
    for (const f of from) if (x[f] !== undefined && x[f] !== null) return void (out[to] = x[f]);
  };
  copy('durationMinutes', 'durationMinutes');
  copy('decisionExpectedBy', 'decisionExpectedBy', 'decisionBy');
  copy('invitedToCall', 'invitedToCall');
  copy('callCustomary', 'callCustomary');
  copy('hasOtherOffers', 'hasOtherOffers', 'otherOffers');
  copy('topic', 'topic');
  copy('notes', 'notes');
  copy('createdAt', 'createdAt');
  copy('updatedAt', 'updatedAt');

  const extra = Object.fromEntries(Object.entries(x).filter(([k, val]) => !KNOWN_V0.has(k) && val !== undefined && val !== null && val !== ''));
  if (Object.keys(extra).length > 0) {
    const line = `From an older version of FollowUp: ${JSON.stringify(extra)}`;
    out.notes = typeof out.notes === 'string' && out.notes.trim() ? `${out.notes}\n\n${line}` : line;
  }
  return out;
}

export function settingsFromV0(x: unknown): unknown {
  if (!isObj(x)) return x;
  const out: Obj = { ...x };
  if (out.workWeek === undefined && out.workDays !== undefined) out.workWeek = out.workDays;
  if (out.preferredTime === undefined && out.inquiryTime !== undefined) out.preferredTime = out.inquiryTime;
  delete out.workDays;
  delete out.inquiryTime;
  return out;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    from: 0,
    to: 1,
    describe: 'split the interviews array into one key per interview; events replace *SentAt stamps',
    run(all) {
      const set: Record<string, unknown> = {};
      const remove: string[] = [];
      const list = all.interviews;
      if (Array.isArray(list)) {
        list.forEach((x, i) => {
          if (isObj(x)) {
            const iv = interviewFromV0(x, i);
            set[`${STORAGE_KEYS.interviewPrefix}${String(iv.id)}`] = iv;
          } else {
            // Not even an object: keep it, set aside, for the user to see.
            set[`${STORAGE_KEYS.corruptPrefix}interviews[${i}]`] = {
              key: `interviews[${i}]`,
              reason: 'not an interview record (from an older version)',
              at: new Date().toISOString(),
              raw: JSON.stringify(x) ?? String(x),
            };
          }
        });
        remove.push('interviews');
      }
      if (all.settings !== undefined) set.settings = settingsFromV0(all.settings);
      return { set, remove };
    },
  },
];

/** The version the stored data is in: its `schemaVersion`, or 0 for the prototype layout, or current for an empty store. */
export function storedVersion(all: Record<string, unknown>): number {
  const v = all[STORAGE_KEYS.schemaVersion];
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return v;
  if ('interviews' in all) return 0;
  const hasData = Object.keys(all).some((k) => k.startsWith(STORAGE_KEYS.interviewPrefix));
  return hasData ? SCHEMA_VERSION : all.settings !== undefined ? 0 : SCHEMA_VERSION;
}

/** Runs every migration from `from` up to SCHEMA_VERSION over a copy of `all`; returns the combined change. */
export function migrate(all: Record<string, unknown>, from = storedVersion(all)): MigrationResult & { from: number; to: number } {
  const data: Record<string, unknown> = { ...all };
  const set: Record<string, unknown> = {};
  const removed = new Set<string>();
  let version = from;
  for (const m of MIGRATIONS) {
    if (m.from !== version) continue;
    const r = m.run(data);
    for (const [k, val] of Object.entries(r.set)) {
      data[k] = val;
      set[k] = val;
      removed.delete(k);
    }
    for (const k of r.remove) {
      delete data[k];
      delete set[k];
      removed.add(k);
    }
    version = m.to;
  }
  if (version !== from || all[STORAGE_KEYS.schemaVersion] !== version) set[STORAGE_KEYS.schemaVersion] = version;
  return { set, remove: [...removed], from, to: version };
}

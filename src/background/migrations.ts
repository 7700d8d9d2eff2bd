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
 *
 * Ids are made unique before anything is written (normalizeV0Ids: a repeated id or a generated
 * one that is taken gets a suffix), the same way on every run. A store too big to copy whole
 * migrates from 0 to 1 in chunks (v0Chunk), each one atomic write of its new keys together
 * with the shortened old list, so it never needs room for two copies.
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

/** A v0 id as given: a non-blank string, or a number (some prototypes counted). */
function givenId(x: Obj): string | undefined {
  if (typeof x.id === 'number' && Number.isFinite(x.id)) return String(x.id);
  return str(x.id);
}

export type V0Unreadable = { index: number; value: unknown };

/**
 * Every v0 record with an id of its own, and the entries that aren't records at all (kept
 * apart, by their place in the original list). Ids given in the data come first; a repeated
 * one, or a record without one (`legacy-<n>`, n its place in the list), takes the first free
 * `<id>-2`, `<id>-3`… Deterministic, so a migration cut short and run again picks the same ids;
 * `changed` is false when the list already has unique ids and only records.
 */
export function normalizeV0Ids(list: readonly unknown[]): { list: Obj[]; unreadable: V0Unreadable[]; changed: boolean } {
  const taken = new Set<string>();
  for (const x of list) if (isObj(x)) {
    const id = givenId(x);
    if (id !== undefined) taken.add(id);
  }
  const used = new Set<string>();
  const out: Obj[] = [];
  const unreadable: V0Unreadable[] = [];
  let changed = false;
  list.forEach((x, index) => {
    if (!isObj(x)) {
      unreadable.push({ index, value: x });
      changed = true;
      return;
    }
    const given = givenId(x);
    if (given !== undefined && !used.has(given) && given === x.id) {
      used.add(given);
      out.push(x);
      return;
    }
    let id = given ?? `legacy-${index + 1}`;
    if (used.has(id) || (given === undefined && taken.has(id))) {
      const base = id;
      for (let n = 2; used.has(id) || taken.has(id); n++) id = `${base}-${n}`;
    }
    used.add(id);
    taken.add(id);
    out.push({ ...x, id });
    changed = true;
  });
  return { list: out, unreadable, changed };
}

/** The corrupt-record entry for a v0 list entry that isn't a record. */
export function v0UnreadableEntry(u: V0Unreadable, at: string): [string, unknown] {
  return [
    `${STORAGE_KEYS.corruptPrefix}interviews[${u.index}]`,
    { key: `interviews[${u.index}]`, reason: 'not an interview record (from an older version)', at, raw: JSON.stringify(u.value) ?? String(u.value) },
  ];
}

/** The new keys for a chunk of normalised v0 records (see normalizeV0Ids). */
export function v0Chunk(records: readonly Obj[]): Record<string, unknown> {
  const set: Record<string, unknown> = {};
  for (const x of records) {
    const iv = interviewFromV0(x, 0);
    set[`${STORAGE_KEYS.interviewPrefix}${String(iv.id)}`] = iv;
  }
  return set;
}

export function interviewFromV0(x: Obj, index: number): Obj {
  const id = givenId(x) ?? `legacy-${index + 1}`;
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
        const normal = normalizeV0Ids(list);
        Object.assign(set, v0Chunk(normal.list));
        // Not even an object: keep it, set aside, for the user to see.
        const at = new Date().toISOString();
        for (const u of normal.unreadable) {
          const [key, value] = v0UnreadableEntry(u, at);
          set[key] = value;
        }
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

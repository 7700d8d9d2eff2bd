/**
 * What pages must read of the stored layouts, shared with the background's migrations
 * (src/background/migrations.ts, which documents the versions): the version this code writes,
 * and the prototype's (v0) records read the way the migration will write them, so interviews
 * still waiting to move are shown all the same. The migration itself stays in the background.
 */
import type { Contact, InterviewEvent } from '../domain/types';

export const SCHEMA_VERSION = 1;

export type Obj = Record<string, unknown>;
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
// Pure: only the migration's record (migratedFromV0) reads it, and pages leave it out.
const KNOWN_V0 = /* @__PURE__ */ new Set([
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

  return out;
}

/**
 * The migration's record: as interviewFromV0, plus the v0 fields it has no place for, kept in its
 * notes so nothing is lost. Only the background writes it; pages showing a record still waiting
 * to move don't need the extra note, and leave its code out of their bundles.
 */
export function migratedFromV0(x: Obj, index: number): Obj {
  const out = interviewFromV0(x, index);
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

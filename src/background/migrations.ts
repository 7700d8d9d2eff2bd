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
import { migratedFromV0 as interviewFromV0, normalizeV0Ids, SCHEMA_VERSION, settingsFromV0, type Obj, type V0Unreadable } from '../shared/v0-layout';

export { interviewFromV0, normalizeV0Ids, SCHEMA_VERSION, settingsFromV0, type V0Unreadable };

export type MigrationResult = { set: Record<string, unknown>; remove: string[] };
export type Migration = { from: number; to: number; describe: string; run(all: Record<string, unknown>): MigrationResult };

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

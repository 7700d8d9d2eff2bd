/**
 * The one writer of storage.local. One key per interview (`interview:<id>`),
 * plus `settings`, `profile` and `schemaVersion`; a record that can't be read
 * is copied whole to `corrupt:<key>` and its key removed. If the copy doesn't
 * fit (storage full), the record stays under its own key, marked `inPlace`,
 * and the pages say so; either way it never stops the others from loading,
 * and it goes out whole in the backup export.
 *
 * The store keeps what it loaded in memory for the life of the background (it
 * is the only writer, so memory and storage can't drift apart) and serialises
 * writes with a per-key queue: two edits of the same interview run one after
 * the other, each on the result of the one before. Saving one interview writes
 * exactly one key, whatever the number of interviews.
 *
 * At the edges of storage:
 * - a write refused for lack of room fails with a plain StoreError
 *   ('storageFull': export, then delete what you no longer need), and the store
 *   reports `full` (published to the pages through storage.session) until room
 *   is made;
 * - the prototype's single list migrates in atomic chunks; interviews still in
 *   it are loaded from it, so nothing is hidden, and editing or deleting one
 *   moves it or shrinks the list (migrations.ts);
 * - data from a newer schemaVersion is read and never written ('readOnly');
 * - fields this version doesn't know are carried into every write.
 */
import { compactNotified, defaultProfile, defaultSettings, englishIssue, HISTORY_LIMIT, KNOWN_FIELDS, validateInterview, validateProfile, validateSettings, type ValidationIssue } from '../domain/model';
import type { Interview, Profile, Settings } from '../domain/types';
import { t } from '../shared/i18n';
import { STORAGE_KEYS, type CorruptRecord } from '../shared/protocol';
import { compareInterviews, parseEntry, rawText, type AppState, type StorageHealth } from '../shared/state-core';
import { interviewFromV0, migrate, normalizeV0Ids, SCHEMA_VERSION, storedVersion, v0Chunk, v0UnreadableEntry, type V0Unreadable } from './migrations';
import { KeyedQueue } from './queue';

/** The part of storage.StorageArea the store uses (fake-browser's and the real one fit). */
export type StorageArea = {
  get(keys?: null | string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
};

export type FieldIssue = ValidationIssue;
export type Change = { interviews: string[]; settings?: boolean; profile?: boolean };

export const interviewKey = (id: string): string => `${STORAGE_KEYS.interviewPrefix}${id}`;
export const corruptKey = (key: string): string => `${STORAGE_KEYS.corruptPrefix}${key}`;

/**
 * Why a write was refused, as a stable code (the pages may word it themselves):
 * 'invalid' (see `issues`), 'storageFull', 'readOnly' (data from a newer version),
 * 'historyFull' (the interview holds HISTORY_LIMIT events).
 */
export type StoreErrorCode = 'invalid' | 'storageFull' | 'readOnly' | 'historyFull';

export class StoreError extends Error {
  constructor(
    message: string,
    readonly issues: FieldIssue[] = [],
    readonly code: StoreErrorCode = 'invalid',
    /** The number the message needs: the newer format's version (readOnly), the history limit (historyFull). */
    readonly detail?: number,
  ) {
    super(message);
  }
}

/** Chrome: "QUOTA_BYTES quota exceeded"; Firefox's IndexedDB backend: a QuotaExceededError. */
export function isQuotaError(error: unknown): boolean {
  if (error instanceof StoreError) return error.code === 'storageFull';
  const e = error as { name?: unknown; message?: unknown } | undefined;
  return (typeof e?.name === 'string' && /quota/i.test(e.name)) || (typeof e?.message === 'string' && /quota/i.test(e.message));
}

export function storageFullError(): StoreError {
  return new StoreError(t('error_storageFull'), [], 'storageFull');
}

function readOnlyError(version: number): StoreError {
  return new StoreError(t('error_newerVersion', version), [], 'readOnly', version);
}

export type OpenReport = {
  migratedFrom?: number;
  /** Unreadable records copied whole to `corrupt:<key>`. */
  setAside: string[];
  /** Unreadable records left under their own key (the copy didn't fit). */
  keptInPlace: string[];
  loaded: number;
  /** Interviews still in the prototype's list (no room to move them yet); loaded from it all the same. */
  unmigrated?: number;
  /** The schemaVersion of data from a newer version (the store is then read-only). */
  newerVersion?: number;
};

/** A corrupt record as the store holds it: with the whole stored value as JSON. */
type HeldCorrupt = CorruptRecord & { raw: string };

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => !!x && typeof x === 'object' && !Array.isArray(x);

/** Roughly how many bytes a write takes against the quota (keys plus JSON, as Chrome counts). */
function bytesOf(items: Record<string, unknown>): number {
  let n = 0;
  for (const [k, v] of Object.entries(items)) n += k.length + (JSON.stringify(v)?.length ?? 0);
  return n;
}

/** The v0 list is moved this many bytes at a time (each chunk one atomic write). */
export const MIGRATION_CHUNK_BYTES = 1024 * 1024;


/** `next` plus the fields of `current` this version has no name for (written by a newer one). */
function withUnknownFields<T extends object>(current: object | undefined, next: T, known: ReadonlySet<string>): T {
  if (!isObj(current) || !isObj(next)) return next;
  let out: Obj | undefined;
  for (const [k, v] of Object.entries(current)) {
    if (known.has(k) || k in next) continue;
    out ??= { ...next };
    out[k] = v;
  }
  return (out ?? next) as T;
}

/** Carries unknown fields of the interview and of each contact (matched by email, else by name). */
function carryInterview(current: Interview | undefined, next: Interview): Interview {
  if (!current) return next;
  const out = withUnknownFields(current, next, KNOWN_FIELDS.interview);
  if (!Array.isArray(out.contacts) || !Array.isArray(current.contacts)) return out;
  const key = (c: { name?: unknown; email?: unknown }) => (typeof c.email === 'string' && c.email ? `e:${c.email.trim().toLowerCase()}` : `n:${String(c.name).trim().toLowerCase()}`);
  const before = new Map(current.contacts.filter(isObj).map((c) => [key(c), c]));
  const contacts = out.contacts.map((c) => withUnknownFields(before.get(key(c)), c, KNOWN_FIELDS.contact));
  return contacts.some((c, i) => c !== out.contacts[i]) ? { ...out, contacts } : out;
}

export class Store {
  private interviewMap = new Map<string, Interview>();
  private sortedCache: Interview[] | undefined;
  private settingsValue: Settings = defaultSettings();
  private profileValue: Profile = defaultProfile();
  private corruptMap = new Map<string, HeldCorrupt>();
  /** Prototype records not moved yet (ids made unique), and its entries that aren't records. */
  private legacy: Obj[] = [];
  private legacyIds = new Set<string>();
  private legacyUnreadable: V0Unreadable[] = [];
  private newerVersion: number | undefined;
  /** The old list's next record needs `need` more bytes than were free; `freed` counts what deletions freed since. */
  private migrationWait: { need: number; freed: number } | undefined;
  private full: { at: string; bytes: number } | undefined;
  private readonly queue = new KeyedQueue();
  private readonly listeners = new Set<(change: Change) => void>();
  private readonly healthListeners = new Set<(health: StorageHealth) => void>();
  private opened: Promise<OpenReport> | undefined;

  constructor(
    private readonly area: StorageArea,
    private readonly now: () => number = Date.now,
    private readonly log: (message: string, error?: unknown) => void = () => undefined,
  ) {}

  /** Migrates, loads and sets aside corrupt records. Safe to call more than once (runs once). */
  open(): Promise<OpenReport> {
    this.opened ??= this.queue.exclusive(() => this.load()).catch((error: unknown) => {
      // Let the next caller try again rather than failing every write from now on.
      this.opened = undefined;
      throw error;
    });
    return this.opened;
  }

  private nowIso(): string {
    return new Date(this.now()).toISOString();
  }

  private async load(): Promise<OpenReport> {
    const all = await this.area.get(null);
    const report: OpenReport = { setAside: [], keptInPlace: [], loaded: 0 };
    this.interviewMap.clear();
    this.corruptMap.clear();
    this.legacy = [];
    this.legacyIds.clear();
    this.legacyUnreadable = [];
    this.newerVersion = undefined;
    this.sortedCache = undefined;
    const version = storedVersion(all);

    if (version > SCHEMA_VERSION) {
      // Made by a newer version: read what this one understands, write nothing.
      this.newerVersion = version;
      report.newerVersion = version;
      await this.readEntries(all, async (key, record) => {
        this.corruptMap.set(record.key, key.startsWith(STORAGE_KEYS.corruptPrefix) ? record : { ...record, inPlace: true });
      });
      report.loaded = this.interviewMap.size;
      this.emitHealth();
      return report;
    }

    if (version === 0 && Array.isArray(all.interviews)) {
      await this.migrateV0(all, this.normalizeLegacy(all.interviews));
      if (this.legacy.length > 0) report.unmigrated = this.legacy.length;
    }
    const needsMigration = version < SCHEMA_VERSION || all[STORAGE_KEYS.schemaVersion] !== SCHEMA_VERSION;
    if (this.legacy.length === 0 && needsMigration && (await this.migrateRest(all, version))) report.migratedFrom = version;

    await this.readEntries(all, async (key, record) => {
      if (key.startsWith(STORAGE_KEYS.corruptPrefix)) {
        this.corruptMap.set(record.key, record);
        return;
      }
      try {
        // Copied whole first, then removed: a kill in between leaves both, and the next start copies it again.
        const { inPlace: _inPlace, ...copy } = record;
        await this.write({ [corruptKey(key)]: copy });
        await this.area.remove(key);
        this.corruptMap.set(record.key, copy);
        report.setAside.push(key);
      } catch (error) {
        this.log(`could not set ${key} aside; it stays where it is`, error);
        this.corruptMap.set(record.key, { ...record, inPlace: true });
        report.keptInPlace.push(key);
      }
    });
    this.loadLegacy();
    report.loaded = this.interviewMap.size;
    this.emitHealth();
    return report;
  }

  /** Parses every stored key into memory; `onCorrupt` decides what becomes of an unreadable one. */
  private async readEntries(all: Record<string, unknown>, onCorrupt: (key: string, record: HeldCorrupt) => Promise<void>): Promise<void> {
    const at = this.nowIso();
    for (const [key, value] of Object.entries(all)) {
      if (key === 'interviews') continue; // the prototype's list: this.legacy
      const e = parseEntry(key, value, at, englishIssue);
      if (e.kind === 'interview') this.interviewMap.set(e.interview.id, e.interview);
      else if (e.kind === 'settings') this.settingsValue = e.settings;
      else if (e.kind === 'profile') this.profileValue = e.profile;
      else if (e.kind === 'corrupt') {
        const raw = key.startsWith(STORAGE_KEYS.corruptPrefix) && typeof e.record.raw === 'string' ? e.record.raw : rawText(value);
        await onCorrupt(key, { ...e.record, raw });
      }
    }
  }

  // -------------------------------------------------------------------------
  // The prototype's list (schema 0), moved a chunk at a time

  private normalizeLegacy(list: unknown[]): Obj[] {
    const normal = normalizeV0Ids(list);
    this.legacyUnreadable = normal.unreadable;
    return normal.list;
  }

  /** The write that leaves `rest` as the list (with the first write, its non-records set aside). */
  private legacyItems(rest: Obj[]): Record<string, unknown> {
    const items: Record<string, unknown> = { interviews: rest };
    const at = this.nowIso();
    for (const u of this.legacyUnreadable) {
      const [key, value] = v0UnreadableEntry(u, at);
      items[key] = value;
    }
    return items;
  }

  /** After a write that included legacyItems(rest). */
  private legacyWritten(rest: Obj[], all?: Record<string, unknown>, items?: Record<string, unknown>): void {
    this.legacy = rest;
    this.legacyIds = new Set(rest.map((x) => String(x.id)));
    this.legacyUnreadable = [];
    if (all && items) Object.assign(all, items);
  }

  /**
   * Moves the records in atomic chunks (new keys + the shortened list in one write), halving a
   * chunk that doesn't fit down to one record. What can't move yet stays in `this.legacy`.
   */
  private async migrateV0(all: Record<string, unknown>, list: Obj[], room = Infinity): Promise<void> {
    const sizes = list.map((x) => JSON.stringify(x).length);
    // What each record costs on top of its place in the list (its key, the new field names).
    const extra = list.map((x, i) => bytesOf(v0Chunk([x])) - sizes[i]! - 1);
    let start = 0;
    let target = MIGRATION_CHUNK_BYTES;
    this.legacy = list;
    this.migrationWait = undefined;
    while (start < list.length) {
      let end = start;
      for (let bytes = 0, more = 0; end < list.length && (end === start || (bytes + sizes[end]! <= target && more + extra[end]! <= room)); end++) {
        bytes += sizes[end]!;
        more += extra[end]!;
      }
      const rest = list.slice(end);
      const items = { ...v0Chunk(list.slice(start, end)), ...this.legacyItems(rest) };
      try {
        await this.write(items);
      } catch (error) {
        if (isQuotaError(error) && end - start > 1) {
          target = Math.max(1, Math.floor(sizes.slice(start, end).reduce((a, b) => a + b, 0) / 2));
          continue;
        }
        this.log('the migration is waiting for room', error);
        this.migrationWait = { need: Math.max(1, extra[start]!), freed: 0 };
        break;
      }
      this.legacyWritten(rest, all, items);
      room -= extra.slice(start, end).reduce((a, b) => a + b, 0);
      start = end;
    }
    this.legacyIds = new Set(this.legacy.map((x) => String(x.id)));
    if (this.legacy.length === 0 && 'interviews' in all) {
      await this.area.remove('interviews');
      delete all.interviews;
    }
  }

  /** The rest of the migrations (settings, the version stamp), once no record waits in the old list. */
  private async migrateRest(all: Record<string, unknown>, from: number): Promise<boolean> {
    const m = migrate(all, from);
    // New keys first, then old keys removed, the new version last: a kill after any step
    // leaves data that the migration, run again, turns into the same result.
    const { [STORAGE_KEYS.schemaVersion]: version, ...rest } = m.set;
    try {
      if (Object.keys(rest).length > 0) await this.write(rest);
      if (m.remove.length > 0) await this.area.remove(m.remove);
      if (version !== undefined) await this.write({ [STORAGE_KEYS.schemaVersion]: version });
    } catch (error) {
      // Nothing is lost: the old keys stay and the next start runs it again.
      this.log('the migration could not finish', error);
      return false;
    }
    Object.assign(all, m.set);
    for (const k of m.remove) delete all[k];
    return m.from !== m.to;
  }

  /** Interviews still in the old list are read from it (so the user sees them, and export has them). */
  private loadLegacy(): void {
    for (const x of this.legacy) {
      const checked = validateInterview(interviewFromV0(x, 0));
      const id = String(x.id);
      if (checked.ok) this.interviewMap.set(id, checked.value);
      else {
        const key = `interviews[${id}]`;
        this.corruptMap.set(key, { key, reason: checked.issues.map((i) => (i.field ? `${i.field}: ${i.message}` : i.message)).slice(0, 3).join('; '), at: this.nowIso(), raw: rawText(x), inPlace: true });
      }
    }
    for (const u of this.legacyUnreadable) {
      const key = `interviews[${u.index}]`;
      this.corruptMap.set(key, { key, reason: 'not an interview record (from an older version)', at: this.nowIso(), raw: rawText(u.value), inPlace: true });
    }
  }

  /** After a deletion freed `bytes`: once that is enough for the next record, moves what fits, then finishes the migration. */
  private resumeMigration(bytes: number): void {
    const wait = this.migrationWait;
    if (this.legacy.length === 0 || !wait) return;
    wait.freed += bytes;
    if (wait.freed < wait.need) return;
    void this.queue
      .exclusive(async () => {
        const all: Record<string, unknown> = {};
        await this.migrateV0(all, this.legacy, wait.freed);
        if (this.legacy.length === 0) await this.migrateRest({ ...(await this.area.get(null)) }, 0);
        this.emitHealth();
      })
      .catch((error: unknown) => this.log('resuming the migration failed', error));
  }

  // -------------------------------------------------------------------------
  // Reads (after open())

  get schemaVersion(): number {
    return SCHEMA_VERSION;
  }

  interviews(): Interview[] {
    this.sortedCache ??= [...this.interviewMap.values()].sort(compareInterviews);
    return this.sortedCache;
  }

  interview(id: string): Interview | undefined {
    return this.interviewMap.get(id);
  }

  settings(): Settings {
    return this.settingsValue;
  }

  profile(): Profile {
    return this.profileValue;
  }

  /** Unreadable records, each with its whole stored value as JSON (`raw`). */
  corrupt(): (CorruptRecord & { raw: string })[] {
    return [...this.corruptMap.values()];
  }

  health(): StorageHealth {
    const h: StorageHealth = {};
    if (this.full) h.full = { at: this.full.at };
    if (this.legacy.length > 0) h.unmigrated = { from: 0, count: this.legacy.length };
    if (this.newerVersion !== undefined) h.newerVersion = this.newerVersion;
    return h;
  }

  state(): AppState {
    return { interviews: this.interviews(), settings: this.settingsValue, profile: this.profileValue, corrupt: this.corrupt(), health: this.health() };
  }

  /** Called after every committed write. */
  onChange(listener: (change: Change) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Called when the storage health changes (full, room made, migration progress). */
  onHealth(listener: (health: StorageHealth) => void): () => void {
    this.healthListeners.add(listener);
    return () => this.healthListeners.delete(listener);
  }

  private emit(change: Change): void {
    for (const l of this.listeners) l(change);
  }

  private emitHealth(): void {
    const h = this.health();
    for (const l of this.healthListeners) l(h);
  }

  // -------------------------------------------------------------------------
  // Writes

  /** Every storage.set goes through here: read-only data refuses it, and a full quota becomes a plain error. */
  private async write(items: Record<string, unknown>): Promise<void> {
    if (this.newerVersion !== undefined) throw readOnlyError(this.newerVersion);
    const bytes = this.full ? bytesOf(items) : 0;
    try {
      await this.area.set(items);
    } catch (error) {
      if (!isQuotaError(error)) throw error;
      if (!this.full) {
        this.full = { at: this.nowIso(), bytes: bytesOf(items) };
        this.emitHealth();
      } else this.full.bytes = Math.min(this.full.bytes, bytesOf(items));
      throw storageFullError();
    }
    // A write as big as one refused before went through: there is room again.
    if (this.full && bytes >= this.full.bytes) this.roomMade();
  }

  private async removeKeys(keys: string | string[]): Promise<void> {
    if (this.newerVersion !== undefined) throw readOnlyError(this.newerVersion);
    await this.area.remove(keys);
  }

  private roomMade(): void {
    if (this.full) {
      this.full = undefined;
      this.emitHealth();
    }
  }

  /**
   * A new background instance picks up what the last one said (storage.session): storage is
   * full until a write goes through.
   */
  assumeFull(at: string): void {
    this.full ??= { at, bytes: 0 };
  }

  /** Whether writes are refused outright (data from a newer version). */
  get readOnly(): boolean {
    return this.newerVersion !== undefined;
  }

  /**
   * The checked record `fn` makes of `current`, with unknown fields carried and history bounded;
   * `stamp`: a change the user made (createdAt/updatedAt), not the scheduler's bookkeeping.
   */
  private prepare(id: string, current: Interview | undefined, next: Interview, stamp = true): Interview {
    if (next.id !== id) throw new StoreError('An interview cannot change its id');
    if (Array.isArray(next.history) && next.history.length > HISTORY_LIMIT && compactNotified(next.history).length > HISTORY_LIMIT) {
      throw new StoreError(t('error_historyFull', new Intl.NumberFormat().format(HISTORY_LIMIT)), [], 'historyFull', HISTORY_LIMIT);
    }
    const carried = carryInterview(current, next);
    const stamped: Interview = stamp ? { ...carried, createdAt: next.createdAt ?? current?.createdAt ?? this.nowIso(), updatedAt: this.nowIso() } : carried;
    const checked = validateInterview(stamped);
    if (!checked.ok) throw new StoreError('That interview is not valid', checked.issues);
    return checked.value;
  }

  /** The items that write `records`, shortening the old list when one of them was still in it. */
  private itemsFor(records: Interview[]): Record<string, unknown> {
    const items: Record<string, unknown> = {};
    for (const r of records) items[interviewKey(r.id)] = r;
    if (records.some((r) => this.legacyIds.has(r.id))) {
      const ids = new Set(records.map((r) => r.id));
      Object.assign(items, this.legacyItems(this.legacy.filter((x) => !ids.has(String(x.id)))));
    }
    return items;
  }

  private committed(records: Interview[], items: Record<string, unknown>): void {
    for (const r of records) this.interviewMap.set(r.id, r);
    if (Array.isArray(items.interviews)) this.legacyWritten(items.interviews as Obj[]);
    this.sortedCache = undefined;
  }

  /**
   * Read-modify-write of one interview, serialised with every other write to it.
   * `fn` gets the current record (undefined if none) and returns the new one, or
   * undefined to leave it unchanged. The result is validated; only its key is written.
   * `stamp: false` writes the record as given (an Undo puts back exactly what was deleted).
   */
  async update(id: string, fn: (current: Interview | undefined) => Interview | undefined, options: { stamp?: boolean } = {}): Promise<Interview | undefined> {
    await this.open();
    return this.queue.run([interviewKey(id)], async () => {
      const current = this.interviewMap.get(id);
      const next = fn(current);
      if (next === undefined) return current;
      const checked = this.prepare(id, current, next, options.stamp ?? true);
      const items = this.itemsFor([checked]);
      await this.write(items);
      this.committed([checked], items);
      this.emit({ interviews: [id] });
      if (items.interviews) this.emitHealth();
      return checked;
    });
  }

  /**
   * Read-modify-write of many interviews in ONE storage write (the scheduler's catch-up and
   * its marks; not stamped as the user's edits). Records `fn` leaves unchanged, or that are
   * gone, are skipped; an invalid result is skipped and logged. All or nothing for the write.
   */
  async updateMany(ids: readonly string[], fn: (current: Interview) => Interview | undefined): Promise<Interview[]> {
    await this.open();
    return this.queue.run(ids.map(interviewKey), async () => {
      const records: Interview[] = [];
      for (const id of ids) {
        const current = this.interviewMap.get(id);
        if (!current) continue;
        const next = fn(current);
        if (next === undefined) continue;
        try {
          records.push(this.prepare(id, current, next, false));
        } catch (error) {
          this.log(`interview ${id} was not updated`, error);
        }
      }
      if (records.length === 0) return [];
      const items = this.itemsFor(records);
      await this.write(items);
      this.committed(records, items);
      this.emit({ interviews: records.map((r) => r.id) });
      return records;
    });
  }

  async remove(id: string): Promise<Interview | undefined> {
    await this.open();
    return this.queue.run([interviewKey(id)], async () => {
      const current = this.interviewMap.get(id);
      if (!current) return undefined;
      let freed: number;
      if (this.legacyIds.has(id)) {
        const gone = this.legacy.find((x) => String(x.id) === id);
        freed = JSON.stringify(gone ?? null).length + 1;
        const items = this.legacyItems(this.legacy.filter((x) => x !== gone));
        await this.write(items);
        this.legacyWritten(items.interviews as Obj[]);
      } else {
        freed = bytesOf({ [interviewKey(id)]: current });
        await this.removeKeys(interviewKey(id));
      }
      this.interviewMap.delete(id);
      this.sortedCache = undefined;
      this.roomMade();
      this.emit({ interviews: [id] });
      this.resumeMigration(freed);
      return current;
    });
  }

  async saveSettings(input: unknown): Promise<Settings> {
    await this.open();
    return this.queue.run([STORAGE_KEYS.settings], async () => {
      const checked = validateSettings(withUnknownFields(this.settingsValue, input as object, KNOWN_FIELDS.settings));
      if (!checked.ok) throw new StoreError('Those settings are not valid', checked.issues);
      await this.write({ [STORAGE_KEYS.settings]: checked.value });
      this.settingsValue = checked.value;
      this.emit({ interviews: [], settings: true });
      return checked.value;
    });
  }

  async saveProfile(input: unknown): Promise<Profile> {
    await this.open();
    return this.queue.run([STORAGE_KEYS.profile], async () => {
      const checked = validateProfile(withUnknownFields(this.profileValue, input as object, KNOWN_FIELDS.profile));
      if (!checked.ok) throw new StoreError('That profile is not valid', checked.issues);
      await this.write({ [STORAGE_KEYS.profile]: checked.value });
      this.profileValue = checked.value;
      this.emit({ interviews: [], profile: true });
      return checked.value;
    });
  }

  /**
   * Deletes an unreadable record once the user has seen it: its `corrupt:<key>` copy, or, for
   * one kept in place, the record under its own key (the pages offer the export first).
   */
  async dismissCorrupt(key: string): Promise<void> {
    await this.open();
    await this.queue.run([corruptKey(key), key], async () => {
      const record = this.corruptMap.get(key);
      if (!record) return;
      if (!record.inPlace) await this.removeKeys(corruptKey(key));
      else if (key.startsWith(STORAGE_KEYS.interviewPrefix) || key === STORAGE_KEYS.settings || key === STORAGE_KEYS.profile) await this.removeKeys(key);
      // (A record inside the old list goes when the list is next written.)
      this.corruptMap.delete(key);
      this.roomMade();
      this.resumeMigration(key.length + record.raw.length);
      this.emit({ interviews: [] });
    });
  }

  /**
   * Replaces the given records all at once (an import): everything is validated first,
   * then written with one storage.set, alone in the queue. Any invalid record → nothing changes.
   */
  async replaceMany(change: { interviews: Interview[]; settings?: Settings; profile?: Profile }): Promise<void> {
    await this.open();
    await this.queue.exclusive(async () => {
      const validated: Interview[] = [];
      for (const iv of change.interviews) {
        const checked = validateInterview(iv);
        if (!checked.ok) throw new StoreError(`Interview ${iv.id} is not valid`, checked.issues);
        validated.push(checked.value);
      }
      const items = this.itemsFor(validated);
      let settings: Settings | undefined;
      let profile: Profile | undefined;
      if (change.settings) {
        const s = validateSettings(change.settings);
        if (!s.ok) throw new StoreError('The settings are not valid', s.issues);
        settings = s.value;
        items[STORAGE_KEYS.settings] = settings;
      }
      if (change.profile) {
        const p = validateProfile(change.profile);
        if (!p.ok) throw new StoreError('The profile is not valid', p.issues);
        profile = p.value;
        items[STORAGE_KEYS.profile] = profile;
      }
      if (Object.keys(items).length === 0) return;
      await this.write(items);
      this.committed(validated, items);
      if (settings) this.settingsValue = settings;
      if (profile) this.profileValue = profile;
      this.emit({ interviews: validated.map((i) => i.id), settings: !!settings, profile: !!profile });
    });
  }

  /** Waits for every write queued so far (tests, shutdown). */
  async idle(): Promise<void> {
    await this.queue.exclusive(() => undefined);
  }
}

/**
 * The one writer of storage.local. One key per interview (`interview:<id>`),
 * plus `settings`, `profile` and `schemaVersion`; a record that can't be read
 * is moved to `corrupt:<key>` (kept whole, reported to the pages) and never
 * stops the others from loading.
 *
 * The store keeps what it loaded in memory for the life of the background (it
 * is the only writer, so memory and storage can't drift apart) and serialises
 * writes with a per-key queue: two edits of the same interview run one after
 * the other, each on the result of the one before. Saving one interview writes
 * exactly one key, whatever the number of interviews.
 */
import { defaultProfile, defaultSettings, validateInterview, validateProfile, validateSettings, type ValidationIssue } from '../domain/model';
import type { Interview, Profile, Settings } from '../domain/types';
import { STORAGE_KEYS, type CorruptRecord } from '../shared/protocol';
import { compareInterviews, parseEntry, type AppState } from '../shared/state-core';
import { migrate, SCHEMA_VERSION } from './migrations';
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

export class StoreError extends Error {
  constructor(
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
  }
}

export type OpenReport = { migratedFrom?: number; setAside: string[]; loaded: number };

export class Store {
  private interviewMap = new Map<string, Interview>();
  private sortedCache: Interview[] | undefined;
  private settingsValue: Settings = defaultSettings();
  private profileValue: Profile = defaultProfile();
  private corruptMap = new Map<string, CorruptRecord>();
  private readonly queue = new KeyedQueue();
  private readonly listeners = new Set<(change: Change) => void>();
  private opened: Promise<OpenReport> | undefined;

  constructor(
    private readonly area: StorageArea,
    private readonly now: () => number = Date.now,
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

  private async load(): Promise<OpenReport> {
    let all = await this.area.get(null);
    const report: OpenReport = { setAside: [], loaded: 0 };
    const m = migrate(all);
    if (Object.keys(m.set).length > 0 || m.remove.length > 0) {
      // New keys first, then old keys removed, the new version last: a kill after any step
      // leaves data that the migration, run again, turns into the same result; stamping the
      // version before the removal would strand the old keys forever.
      const { [STORAGE_KEYS.schemaVersion]: version, ...rest } = m.set;
      if (Object.keys(rest).length > 0) await this.area.set(rest);
      if (m.remove.length > 0) await this.area.remove(m.remove);
      if (version !== undefined) await this.area.set({ [STORAGE_KEYS.schemaVersion]: version });
      if (m.from !== m.to) report.migratedFrom = m.from;
      all = { ...all, ...m.set };
      for (const k of m.remove) delete all[k];
    }

    const at = new Date(this.now()).toISOString();
    const setAside: Record<string, unknown> = {};
    const removeKeys: string[] = [];
    this.interviewMap.clear();
    this.corruptMap.clear();
    for (const [key, value] of Object.entries(all)) {
      const e = parseEntry(key, value, at);
      if (e.kind === 'interview') this.interviewMap.set(e.interview.id, e.interview);
      else if (e.kind === 'settings') this.settingsValue = e.settings;
      else if (e.kind === 'profile') this.profileValue = e.profile;
      else if (e.kind === 'corrupt') {
        this.corruptMap.set(e.record.key, e.record);
        if (!key.startsWith(STORAGE_KEYS.corruptPrefix)) {
          setAside[corruptKey(key)] = e.record;
          removeKeys.push(key);
          report.setAside.push(key);
        }
      }
    }
    if (removeKeys.length > 0) {
      await this.area.set(setAside);
      await this.area.remove(removeKeys);
    }
    this.sortedCache = undefined;
    report.loaded = this.interviewMap.size;
    return report;
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

  corrupt(): CorruptRecord[] {
    return [...this.corruptMap.values()];
  }

  state(): AppState {
    return { interviews: this.interviews(), settings: this.settingsValue, profile: this.profileValue, corrupt: this.corrupt() };
  }

  /** Called after every committed write. */
  onChange(listener: (change: Change) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(change: Change): void {
    for (const l of this.listeners) l(change);
  }

  // -------------------------------------------------------------------------
  // Writes

  /**
   * Read-modify-write of one interview, serialised with every other write to it.
   * `fn` gets the current record (undefined if none) and returns the new one, or
   * undefined to leave it unchanged. The result is validated; only its key is written.
   */
  async update(id: string, fn: (current: Interview | undefined) => Interview | undefined): Promise<Interview | undefined> {
    await this.open();
    return this.queue.run([interviewKey(id)], async () => {
      const current = this.interviewMap.get(id);
      const next = fn(current);
      if (next === undefined) return current;
      if (next.id !== id) throw new StoreError('An interview cannot change its id');
      const stamped: Interview = { ...next, createdAt: next.createdAt ?? current?.createdAt ?? new Date(this.now()).toISOString(), updatedAt: new Date(this.now()).toISOString() };
      const checked = validateInterview(stamped);
      if (!checked.ok) throw new StoreError('That interview is not valid', checked.issues);
      await this.area.set({ [interviewKey(id)]: checked.value });
      this.interviewMap.set(id, checked.value);
      this.sortedCache = undefined;
      this.emit({ interviews: [id] });
      return checked.value;
    });
  }

  async remove(id: string): Promise<Interview | undefined> {
    await this.open();
    return this.queue.run([interviewKey(id)], async () => {
      const current = this.interviewMap.get(id);
      if (!current) return undefined;
      await this.area.remove(interviewKey(id));
      this.interviewMap.delete(id);
      this.sortedCache = undefined;
      this.emit({ interviews: [id] });
      return current;
    });
  }

  async saveSettings(input: unknown): Promise<Settings> {
    await this.open();
    return this.queue.run([STORAGE_KEYS.settings], async () => {
      const checked = validateSettings(input);
      if (!checked.ok) throw new StoreError('Those settings are not valid', checked.issues);
      await this.area.set({ [STORAGE_KEYS.settings]: checked.value });
      this.settingsValue = checked.value;
      this.emit({ interviews: [], settings: true });
      return checked.value;
    });
  }

  async saveProfile(input: unknown): Promise<Profile> {
    await this.open();
    return this.queue.run([STORAGE_KEYS.profile], async () => {
      const checked = validateProfile(input);
      if (!checked.ok) throw new StoreError('That profile is not valid', checked.issues);
      await this.area.set({ [STORAGE_KEYS.profile]: checked.value });
      this.profileValue = checked.value;
      this.emit({ interviews: [], profile: true });
      return checked.value;
    });
  }

  /** Forgets a corrupt record's warning (its `corrupt:<key>` copy is removed). */
  async dismissCorrupt(key: string): Promise<void> {
    await this.open();
    await this.queue.run([corruptKey(key)], async () => {
      if (!this.corruptMap.has(key)) return;
      await this.area.remove(corruptKey(key));
      this.corruptMap.delete(key);
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
      const items: Record<string, unknown> = {};
      const validated: Interview[] = [];
      for (const iv of change.interviews) {
        const checked = validateInterview(iv);
        if (!checked.ok) throw new StoreError(`Interview ${iv.id} is not valid`, checked.issues);
        validated.push(checked.value);
        items[interviewKey(checked.value.id)] = checked.value;
      }
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
      await this.area.set(items);
      for (const iv of validated) this.interviewMap.set(iv.id, iv);
      if (settings) this.settingsValue = settings;
      if (profile) this.profileValue = profile;
      this.sortedCache = undefined;
      this.emit({ interviews: validated.map((i) => i.id), settings: !!settings, profile: !!profile });
    });
  }

  /** Waits for every write queued so far (tests, shutdown). */
  async idle(): Promise<void> {
    await this.queue.exclusive(() => undefined);
  }
}


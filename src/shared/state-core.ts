/**
 * The app's state parsed from what storage.local holds, validated with the
 * domain schemas. No browser API of its own: the background's store and the pages
 * (src/shared/state.ts) read records the same way. It imports the schemas (codes), not
 * ../domain/model: a reason is worded by the caller, English in the background.
 *
 * Nothing stored is hidden: interviews still in the prototype's single list
 * (a migration waiting for room) are read from it, data from a newer version is
 * read as far as this version understands it, and the `health` says so.
 */
import { checkInterview, checkProfile, checkSettings, defaultProfile, defaultSettings, type CodedIssue } from '../domain/schemas';
import type { Interview, Profile, Settings } from '../domain/types';
import { interviewFromV0, normalizeV0Ids, SCHEMA_VERSION, settingsFromV0 } from './v0-layout';
import { t, type MessageKey } from './i18n';
import { STORAGE_KEYS, type CorruptRecord } from './protocol';

export type { CorruptRecord };

/** What the pages say about storage itself (src/ui/StorageNotice.tsx). */
export type StorageHealth = {
  /** storage.local refused a write for lack of room (the background says so through storage.session). */
  full?: { at: string };
  /** Interviews still in an older version's layout, waiting for room to be moved; shown all the same. */
  unmigrated?: { from: number; count: number };
  /** The data was saved by a newer version (this schemaVersion): read, never written. */
  newerVersion?: number;
};

/** The storage.session key where the background publishes what pages can't see in storage.local. */
export const STORAGE_HEALTH_KEY = 'storageHealth';

export type AppState = {
  /** Valid interviews, ordered by interviewAt (then id). */
  interviews: Interview[];
  settings: Settings;
  profile: Profile;
  /** Records that could not be read: set aside by the background, or kept in place (`inPlace`). Shown as a warning. */
  corrupt: CorruptRecord[];
  health: StorageHealth;
};

/** What one stored key contributes to the state. */
export type ParsedEntry =
  | { kind: 'interview'; interview: Interview }
  | { kind: 'settings'; settings: Settings }
  | { kind: 'profile'; profile: Profile }
  | { kind: 'corrupt'; record: CorruptRecord }
  /** The prototype's list of every interview (schema 0), as far as it could be read. */
  | { kind: 'legacy'; interviews: Interview[]; corrupt: CorruptRecord[] }
  | { kind: 'version'; version: number }
  | { kind: 'other' };

/** A JSON copy of what was stored, whole, for the corrupt-record copy and the export (so nothing is lost). */
export function rawText(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** How a validation issue reads in a corrupt record's reason. */
export type IssueWording = (issue: CodedIssue) => string;

/** Pages: from messages.json, in the UI language (the background passes English, see ../domain/model). */
const uiWording: IssueWording = (issue) => t(`v_${issue.code}` as MessageKey);

function issuesText(issues: CodedIssue[], word: IssueWording): string {
  return issues
    .slice(0, 3)
    .map((i) => (i.field ? `${i.field}: ${word(i)}` : word(i)))
    .join('; ');
}

function isCorruptRecord(value: unknown): value is CorruptRecord & { raw: string } {
  if (!value || typeof value !== 'object') return false;
  const r = value as Record<string, unknown>;
  return typeof r.key === 'string' && typeof r.reason === 'string' && typeof r.at === 'string' && typeof r.raw === 'string';
}

/** An unreadable record still under its own key (pages don't copy its value: it may be megabytes). */
const inPlace = (key: string, reason: string, at: string): ParsedEntry => ({ kind: 'corrupt', record: { key, reason, at, inPlace: true } });

/** The prototype's list, read the way the migration will write it (same ids). */
function parseLegacy(list: unknown[], at: string, word: IssueWording): ParsedEntry {
  const normal = normalizeV0Ids(list);
  const interviews: Interview[] = [];
  const corrupt: CorruptRecord[] = [];
  for (const x of normal.list) {
    const result = checkInterview(interviewFromV0(x, 0));
    if (result.ok) interviews.push(result.value);
    else corrupt.push({ key: `interviews[${String(x.id)}]`, reason: issuesText(result.issues, word), at, inPlace: true });
  }
  for (const u of normal.unreadable) corrupt.push({ key: `interviews[${u.index}]`, reason: 'not an interview record (from an older version)', at, inPlace: true });
  return { kind: 'legacy', interviews, corrupt };
}

/**
 * Reads one stored key. `at` stamps a record that is found corrupt now (the background
 * stores it under `corrupt:<key>` with that time); `word` words its reason.
 */
export function parseEntry(key: string, value: unknown, at = new Date(0).toISOString(), word: IssueWording = uiWording): ParsedEntry {
  if (key.startsWith(STORAGE_KEYS.interviewPrefix)) {
    const id = key.slice(STORAGE_KEYS.interviewPrefix.length);
    const result = checkInterview(value);
    if (!result.ok) return inPlace(key, issuesText(result.issues, word), at);
    if (result.value.id !== id) return inPlace(key, `its id (${result.value.id}) does not match its key`, at);
    return { kind: 'interview', interview: result.value };
  }
  if (key.startsWith(STORAGE_KEYS.corruptPrefix)) {
    if (isCorruptRecord(value)) return { kind: 'corrupt', record: value };
    return { kind: 'corrupt', record: { key: key.slice(STORAGE_KEYS.corruptPrefix.length), reason: 'unreadable', at, raw: rawText(value) } };
  }
  if (key === STORAGE_KEYS.settings) {
    const result = checkSettings(value);
    if (result.ok) return { kind: 'settings', settings: result.value };
    // The prototype's names (workDays, inquiryTime), while its migration waits.
    const old = checkSettings(settingsFromV0(value));
    if (old.ok) return { kind: 'settings', settings: old.value };
    return inPlace(key, issuesText(result.issues, word), at);
  }
  if (key === STORAGE_KEYS.profile) {
    const result = checkProfile(value);
    if (!result.ok) return inPlace(key, issuesText(result.issues, word), at);
    return { kind: 'profile', profile: result.value };
  }
  if (key === 'interviews' && Array.isArray(value)) return parseLegacy(value, at, word);
  if (key === STORAGE_KEYS.schemaVersion && typeof value === 'number' && Number.isInteger(value) && value >= 0) return { kind: 'version', version: value };
  return { kind: 'other' };
}

export function compareInterviews(a: Interview, b: Interview): number {
  return a.interviewAt < b.interviewAt ? -1 : a.interviewAt > b.interviewAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Builds the state from parsed entries (in any order); `full` comes from storage.session. */
export function assembleState(entries: Iterable<ParsedEntry>, full?: { at: string }): AppState {
  const interviews: Interview[] = [];
  const corrupt = new Map<string, CorruptRecord>();
  let legacy: Extract<ParsedEntry, { kind: 'legacy' }> | undefined;
  let version: number | undefined;
  let settings: Settings | undefined;
  let profile: Profile | undefined;
  const addCorrupt = (r: CorruptRecord): void => {
    // A record both copied and still in place (a start cut short between the two): the copy is what counts.
    const seen = corrupt.get(r.key);
    if (!seen || (seen.inPlace && !r.inPlace)) corrupt.set(r.key, r);
  };
  for (const e of entries) {
    if (e.kind === 'interview') interviews.push(e.interview);
    else if (e.kind === 'corrupt') addCorrupt(e.record);
    else if (e.kind === 'settings') settings = e.settings;
    else if (e.kind === 'profile') profile = e.profile;
    else if (e.kind === 'legacy') legacy = e;
    else if (e.kind === 'version') version = e.version;
  }
  const health: StorageHealth = {};
  if (full) health.full = full;
  if (version !== undefined && version > SCHEMA_VERSION) health.newerVersion = version;
  // The old list counts only in an old store (no version yet, or 0).
  if (legacy && (version === undefined || version === 0)) {
    const have = new Set(interviews.map((i) => i.id));
    for (const iv of legacy.interviews) if (!have.has(iv.id)) interviews.push(iv);
    for (const r of legacy.corrupt) addCorrupt(r);
    if (legacy.interviews.length + legacy.corrupt.length > 0) health.unmigrated = { from: 0, count: legacy.interviews.length + legacy.corrupt.length };
  }
  interviews.sort(compareInterviews);
  const corruptList = [...corrupt.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { interviews, settings: settings ?? defaultSettings(), profile: profile ?? defaultProfile(), corrupt: corruptList, health };
}

/** Pure: everything storage.local holds (and the health the background put in storage.session) → the validated state. */
export function parseState(all: Record<string, unknown>, session: Record<string, unknown> = {}): AppState {
  return assembleState(
    Object.entries(all).map(([k, v]) => parseEntry(k, v)),
    fullFrom(session[STORAGE_HEALTH_KEY]),
  );
}

/** The `full` flag from the background's storage.session record, if it is there and readable. */
export function fullFrom(value: unknown): { at: string } | undefined {
  const full = (value as { full?: { at?: unknown } } | undefined)?.full;
  return full && typeof full.at === 'string' ? { at: full.at } : undefined;
}

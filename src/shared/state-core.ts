/**
 * The app's state parsed from what storage.local holds, validated with the
 * domain schemas. Pure (no browser API): the background's store and the pages
 * (src/shared/state.ts) read records the same way.
 */
import { defaultProfile, defaultSettings, validateInterview, validateProfile, validateSettings } from '../domain/model';
import type { Interview, Profile, Settings } from '../domain/types';
import { STORAGE_KEYS, type CorruptRecord } from './protocol';

export type { CorruptRecord };

export type AppState = {
  /** Valid interviews, ordered by interviewAt (then id). */
  interviews: Interview[];
  settings: Settings;
  profile: Profile;
  /** Records that could not be read: set aside by the background, or not yet. Shown as a warning. */
  corrupt: CorruptRecord[];
};

/** What one stored key contributes to the state. */
export type ParsedEntry =
  | { kind: 'interview'; interview: Interview }
  | { kind: 'settings'; settings: Settings }
  | { kind: 'profile'; profile: Profile }
  | { kind: 'corrupt'; record: CorruptRecord }
  | { kind: 'other' };

const MAX_RAW_CHARS = 200_000;

/** A JSON copy of what was stored, for the corrupt-record warning (and so nothing is lost). */
export function rawText(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > MAX_RAW_CHARS ? `${text.slice(0, MAX_RAW_CHARS)}…` : text;
}

function issuesText(issues: { field: string; message: string }[]): string {
  return issues
    .slice(0, 3)
    .map((i) => (i.field ? `${i.field}: ${i.message}` : i.message))
    .join('; ');
}

function isCorruptRecord(value: unknown): value is CorruptRecord {
  if (!value || typeof value !== 'object') return false;
  const r = value as Record<string, unknown>;
  return typeof r.key === 'string' && typeof r.reason === 'string' && typeof r.at === 'string' && typeof r.raw === 'string';
}

/**
 * Reads one stored key. `at` stamps a record that is found corrupt now (the background
 * stores it under `corrupt:<key>` with that time).
 */
export function parseEntry(key: string, value: unknown, at = new Date(0).toISOString()): ParsedEntry {
  if (key.startsWith(STORAGE_KEYS.interviewPrefix)) {
    const id = key.slice(STORAGE_KEYS.interviewPrefix.length);
    const result = validateInterview(value);
    if (!result.ok) return { kind: 'corrupt', record: { key, reason: issuesText(result.issues), at, raw: rawText(value) } };
    if (result.value.id !== id) return { kind: 'corrupt', record: { key, reason: `its id (${result.value.id}) does not match its key`, at, raw: rawText(value) } };
    return { kind: 'interview', interview: result.value };
  }
  if (key.startsWith(STORAGE_KEYS.corruptPrefix)) {
    if (isCorruptRecord(value)) return { kind: 'corrupt', record: value };
    return { kind: 'corrupt', record: { key: key.slice(STORAGE_KEYS.corruptPrefix.length), reason: 'unreadable', at, raw: rawText(value) } };
  }
  if (key === STORAGE_KEYS.settings) {
    const result = validateSettings(value);
    if (!result.ok) return { kind: 'corrupt', record: { key, reason: issuesText(result.issues), at, raw: rawText(value) } };
    return { kind: 'settings', settings: result.value };
  }
  if (key === STORAGE_KEYS.profile) {
    const result = validateProfile(value);
    if (!result.ok) return { kind: 'corrupt', record: { key, reason: issuesText(result.issues), at, raw: rawText(value) } };
    return { kind: 'profile', profile: result.value };
  }
  return { kind: 'other' };
}

export function compareInterviews(a: Interview, b: Interview): number {
  return a.interviewAt < b.interviewAt ? -1 : a.interviewAt > b.interviewAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Builds the state from parsed entries (in any order). */
export function assembleState(entries: Iterable<ParsedEntry>): AppState {
  const interviews: Interview[] = [];
  const corrupt: CorruptRecord[] = [];
  let settings: Settings | undefined;
  let profile: Profile | undefined;
  for (const e of entries) {
    if (e.kind === 'interview') interviews.push(e.interview);
    else if (e.kind === 'corrupt') corrupt.push(e.record);
    else if (e.kind === 'settings') settings = e.settings;
    else if (e.kind === 'profile') profile = e.profile;
  }
  interviews.sort(compareInterviews);
  corrupt.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { interviews, settings: settings ?? defaultSettings(), profile: profile ?? defaultProfile(), corrupt };
}

/** Pure: everything storage.local holds → the validated state. */
export function parseState(all: Record<string, unknown>): AppState {
  return assembleState(Object.entries(all).map(([k, v]) => parseEntry(k, v)));
}


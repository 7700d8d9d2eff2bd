/**
 * Backup files: export everything; import all-or-nothing. A file that is not a
 * FollowUp backup, comes from a newer version, or holds one unreadable record
 * changes nothing, and the answer says why.
 */
import { validateInterview, validateProfile, validateSettings } from '../domain/model';
import type { Interview, Profile, Settings } from '../domain/types';
import type { Backup, ImportPreview } from '../shared/protocol';
import { SCHEMA_VERSION } from './migrations';

export const BACKUP_FORMAT = 'followup-backup';
export const MAX_BACKUP_INTERVIEWS = 50_000;

type BackupSource = { interviews: Interview[]; settings: Settings; profile: Profile; corrupt?: { key: string; reason: string; at: string; raw?: string }[] };

/** Everything, unreadable records included whole (the way out when storage is full: export, then delete). */
export function makeBackup(state: BackupSource, now: number): Backup {
  const backup: Backup = {
    format: BACKUP_FORMAT,
    version: SCHEMA_VERSION,
    exportedAt: new Date(now).toISOString(),
    settings: state.settings,
    profile: state.profile,
    interviews: state.interviews,
  };
  const unreadable = (state.corrupt ?? []).flatMap((c) => (typeof c.raw === 'string' ? [{ key: c.key, reason: c.reason, at: c.at, raw: c.raw }] : []));
  if (unreadable.length > 0) backup.unreadable = unreadable;
  return backup;
}

export type ParsedBackup = { ok: true; interviews: Interview[]; settings?: Settings; profile?: Profile } | { ok: false; error: string };

const isObj = (x: unknown): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x);

function firstIssue(issues: { field: string; message: string }[]): string {
  const i = issues[0];
  if (!i) return 'it could not be read';
  return i.field ? `${i.field}: ${i.message}` : i.message;
}

/** Validates a whole backup file; nothing partial comes out of it. */
export function parseBackup(raw: unknown): ParsedBackup {
  if (!isObj(raw) || raw.format !== BACKUP_FORMAT) {
    return { ok: false, error: 'This file is not a FollowUp backup: nothing was changed.' };
  }
  const version = raw.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, error: 'This backup has no valid format version: nothing was changed.' };
  }
  if (version > SCHEMA_VERSION) {
    return { ok: false, error: `This backup was made by a newer version of FollowUp (format ${version}); update the extension, then import it again. Nothing was changed.` };
  }
  if (!Array.isArray(raw.interviews)) return { ok: false, error: "The backup's list of interviews is missing or damaged: nothing was changed." };
  if (raw.interviews.length > MAX_BACKUP_INTERVIEWS) return { ok: false, error: `The backup holds more than ${MAX_BACKUP_INTERVIEWS} interviews: nothing was changed.` };

  const interviews: Interview[] = [];
  const ids = new Set<string>();
  for (let i = 0; i < raw.interviews.length; i++) {
    const item = raw.interviews[i];
    const r = validateInterview(item);
    if (!r.ok) {
      const company = isObj(item) && typeof item.company === 'string' && item.company.trim() ? ` (${item.company.trim().slice(0, 60)})` : '';
      return { ok: false, error: `Interview ${i + 1}${company} in the backup can't be read — ${firstIssue(r.issues)}. Nothing was changed.` };
    }
    if (ids.has(r.value.id)) return { ok: false, error: `The backup lists interview ${r.value.id} twice: nothing was changed.` };
    ids.add(r.value.id);
    interviews.push(r.value);
  }

  const out: ParsedBackup = { ok: true, interviews };
  if (raw.settings !== undefined) {
    const s = validateSettings(raw.settings);
    if (!s.ok) return { ok: false, error: `The backup's settings can't be read — ${firstIssue(s.issues)}. Nothing was changed.` };
    out.settings = s.value;
  }
  if (raw.profile !== undefined) {
    const p = validateProfile(raw.profile);
    const unnamed = isObj(raw.profile) && (raw.profile.name === '' || raw.profile.name === undefined);
    // A profile never filled in (no name yet) is simply not imported.
    if (p.ok) out.profile = p.value;
    else if (!unnamed) return { ok: false, error: `The backup's profile can't be read — ${firstIssue(p.issues)}. Nothing was changed.` };
  }
  return out;
}

/** JSON with sorted keys, so equal records compare equal whatever their key order. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    isObj(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]])) : v,
  );
}

export function previewImport(
  parsed: Extract<ParsedBackup, { ok: true }>,
  current: { interview(id: string): Interview | undefined; settings(): Settings; profile(): Profile },
): { preview: ImportPreview; changed: Interview[] } {
  let added = 0;
  let updated = 0;
  let unchanged = 0;
  const changed: Interview[] = [];
  for (const iv of parsed.interviews) {
    const existing = current.interview(iv.id);
    if (!existing) {
      added++;
      changed.push(iv);
    } else if (stableJson(existing) === stableJson(iv)) {
      unchanged++;
    } else {
      updated++;
      changed.push(iv);
    }
  }
  const settingsChanged = parsed.settings !== undefined && stableJson(parsed.settings) !== stableJson(current.settings());
  const profileChanged = parsed.profile !== undefined && stableJson(parsed.profile) !== stableJson(current.profile());
  return { preview: { added, updated, unchanged, settingsChanged, profileChanged }, changed };
}

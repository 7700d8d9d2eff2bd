/**
 * Backup files: export everything; import all-or-nothing. A file that is not a
 * FollowUp backup, comes from a newer version, or holds one unreadable record
 * changes nothing, and the answer says why.
 */
import { validateInterview, validateProfile, validateSettings } from '../domain/model';
import type { Interview, Profile, Settings } from '../domain/types';
import type { Backup, ImportPreview, Problem } from '../shared/protocol';
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

/** A backup that can be applied whole, or why not (nothing partial comes out; the page words the problem). */
export type ParsedBackup = { ok: true; interviews: Interview[]; settings?: Settings; profile?: Profile } | { ok: false; error: Problem };

const isObj = (x: unknown): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x);

const refused = (error: Problem): ParsedBackup => ({ ok: false, error });

/** Validates a whole backup file; nothing partial comes out of it. */
export function parseBackup(raw: unknown): ParsedBackup {
  if (!isObj(raw) || raw.format !== BACKUP_FORMAT) {
    return refused({ code: 'backupNotBackup' });
  }
  const version = raw.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return refused({ code: 'backupNoVersion' });
  }
  if (version > SCHEMA_VERSION) {
    return refused({ code: 'backupNewer', version });
  }
  if (!Array.isArray(raw.interviews)) return refused({ code: 'backupNoList' });
  if (raw.interviews.length > MAX_BACKUP_INTERVIEWS) return refused({ code: 'backupTooMany', max: MAX_BACKUP_INTERVIEWS });

  const interviews: Interview[] = [];
  const ids = new Set<string>();
  for (let i = 0; i < raw.interviews.length; i++) {
    const item = raw.interviews[i];
    const r = validateInterview(item);
    if (!r.ok) {
      const company = isObj(item) && typeof item.company === 'string' && item.company.trim() ? item.company.trim().slice(0, 60) : undefined;
      return refused({ code: 'backupBadInterview', index: i + 1, ...(company ? { company } : {}), ...(r.issues[0] ? { issue: r.issues[0] } : {}) });
    }
    if (ids.has(r.value.id)) return refused({ code: 'backupDuplicate', id: r.value.id });
    ids.add(r.value.id);
    interviews.push(r.value);
  }

  const out: ParsedBackup = { ok: true, interviews };
  if (raw.settings !== undefined) {
    const s = validateSettings(raw.settings);
    if (!s.ok) return refused({ code: 'backupBadSettings', ...(s.issues[0] ? { issue: s.issues[0] } : {}) });
    out.settings = s.value;
  }
  if (raw.profile !== undefined) {
    const p = validateProfile(raw.profile);
    const unnamed = isObj(raw.profile) && (raw.profile.name === '' || raw.profile.name === undefined);
    // A profile never filled in (no name yet) is simply not imported.
    if (p.ok) out.profile = p.value;
    else if (!unnamed) return refused({ code: 'backupBadProfile', ...(p.issues[0] ? { issue: p.issues[0] } : {}) });
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

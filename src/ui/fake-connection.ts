/**
 * An in-memory stand-in for the background, so the popup and options page
 * run outside the extension: in unit tests (with @testing-library/preact) and
 * for screenshots. It validates with the same domain schemas as the real
 * background and records every request in `calls`.
 *
 * Not imported by the extension's pages.
 */
import messages from '../../public/_locales/en/messages.json';
import { defaultProfile, defaultSettings, validateInterview, validateInterviewInput, validateProfile, validateSettings } from '../domain/model';
import { snoozeTime } from '../domain/plan';
import { TONE_RULES, TONE_WHY } from '../domain/tone';
import type { Interview, InterviewEvent, Profile, Settings } from '../domain/types';
import type { Backup, EventRequest, ImportPreview, Message, MessageType, RequestOf, ResponseOf, Send } from '../shared/protocol';
import type { AppState, Connection } from './connection';
import { setFallbackMessages, type Messages } from '../shared/i18n';

/** Makes `t()` work without the extension's i18n API. */
export function installFallbackMessages(): void {
  setFallbackMessages(messages as Messages);
}

export type FakeOptions = {
  interviews?: Interview[];
  settings?: Settings;
  profile?: Profile;
  corrupt?: AppState['corrupt'];
  /** The clock the fake stamps events with. */
  now?: () => number;
  /** Milliseconds each answer takes (0 = next microtask). */
  latency?: number;
};

export type FakeConnection = Connection & {
  state: AppState;
  calls: Message[];
  /** Replaces the state and notifies watchers, as a storage change would. */
  set(next: Partial<AppState>): void;
};

/** JSON with sorted keys, so equal data compares equal whatever the key order. */
function canonical(x: unknown): string {
  return JSON.stringify(x, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

function same(a: EventRequest, e: InterviewEvent): boolean {
  if (a.type !== e.type) return false;
  if ((a.type === 'sent' || a.type === 'dismissed') && 'step' in e) return a.step === e.step;
  if (a.type === 'outcome' && e.type === 'outcome') return a.outcome === e.outcome;
  return true;
}

export function fakeConnection(options: FakeOptions = {}): FakeConnection {
  const now = options.now ?? (() => Date.now());
  const watchers = new Set<(s: AppState) => void>();
  const conn = {
    state: {
      interviews: options.interviews ?? [],
      settings: options.settings ?? defaultSettings('America/New_York'),
      profile: options.profile ?? { ...defaultProfile(), name: 'Alex Doe' },
      corrupt: options.corrupt ?? [],
    } as AppState,
    calls: [] as Message[],
  } as FakeConnection;
  let seq = conn.state.interviews.length;

  const notify = (): void => {
    const snapshot = conn.state;
    for (const cb of watchers) cb(snapshot);
  };
  conn.set = (next) => {
    conn.state = { ...conn.state, ...next };
    notify();
  };
  const stamp = (): string => new Date(now()).toISOString();
  const find = (id: string): Interview | undefined => conn.state.interviews.find((i) => i.id === id);
  const put = (iv: Interview): void => {
    const rest = conn.state.interviews.filter((i) => i.id !== iv.id);
    conn.set({ interviews: [...rest, iv] });
  };

  function previewOf(backup: unknown): { ok: true; preview: ImportPreview; value: Backup } | { ok: false; error: string } {
    const b = backup as Partial<Backup> | null;
    if (!b || typeof b !== 'object' || b.format !== 'followup-backup') return { ok: false, error: 'This file is not a FollowUp backup: nothing was changed.' };
    if (b.version !== 1) return { ok: false, error: `This backup's version (${String(b.version)}) is not supported.` };
    const settings = validateSettings(b.settings);
    if (!settings.ok) return { ok: false, error: `Its settings could not be read: ${settings.issues[0]?.message}` };
    const profile = validateProfile(b.profile);
    if (!profile.ok) return { ok: false, error: `Its profile could not be read: ${profile.issues[0]?.message}` };
    if (!Array.isArray(b.interviews)) return { ok: false, error: 'Its interviews could not be read.' };
    const interviews: Interview[] = [];
    for (const [i, raw] of b.interviews.entries()) {
      const r = validateInterview(raw);
      if (!r.ok) return { ok: false, error: `Interview ${i + 1} could not be read: ${r.issues[0]?.message}` };
      interviews.push(r.value);
    }
    let added = 0;
    let updated = 0;
    let unchanged = 0;
    for (const iv of interviews) {
      const old = find(iv.id);
      if (!old) added++;
      else if (canonical(old) === canonical(iv)) unchanged++;
      else updated++;
    }
    return {
      ok: true,
      value: { ...(b as Backup), settings: settings.value, profile: profile.value, interviews },
      preview: {
        added,
        updated,
        unchanged,
        settingsChanged: canonical(settings.value) !== canonical(conn.state.settings),
        profileChanged: canonical(profile.value) !== canonical(conn.state.profile),
      },
    };
  }

  const handlers: { [K in MessageType]: (r: RequestOf<K>) => ResponseOf<K> } = {
    saveInterview({ id, input }) {
      const r = validateInterviewInput(input, conn.state.settings);
      if (!r.ok) return { ok: false, issues: r.issues };
      const old = id ? find(id) : undefined;
      const at = stamp();
      const interview: Interview = { ...r.value, id: old?.id ?? `iv-${++seq}`, history: old?.history ?? [], createdAt: old?.createdAt ?? at, updatedAt: at };
      put(interview);
      return { ok: true, interview };
    },
    deleteInterview({ id }) {
      const old = find(id);
      if (!old) return { ok: false, error: 'not found' };
      conn.set({ interviews: conn.state.interviews.filter((i) => i.id !== id) });
      return { ok: true, deleted: old };
    },
    restoreInterview({ interview }) {
      put(interview as Interview);
      return { ok: true };
    },
    recordEvent({ id, event }) {
      const old = find(id);
      if (!old) return { ok: false, error: 'not found' };
      const ev = { ...event, at: stamp() } as InterviewEvent;
      const interview = { ...old, history: [...old.history, ev], updatedAt: stamp() };
      put(interview);
      return { ok: true, interview };
    },
    undoEvent({ id, match }) {
      const old = find(id);
      if (!old) return { ok: false, error: 'not found' };
      const i = old.history.map((e) => same(match, e)).lastIndexOf(true);
      if (i < 0) return { ok: false, error: 'nothing to undo' };
      const interview = { ...old, history: old.history.filter((_e, j) => j !== i) };
      put(interview);
      return { ok: true, interview };
    },
    snooze({ id, step }) {
      const old = find(id);
      if (!old) return { ok: false, error: 'not found' };
      const until = snoozeTime(conn.state.settings, new Date(now()));
      put({ ...old, history: [...old.history, { type: 'snoozed', step, at: stamp(), until }] });
      return { ok: true, until };
    },
    saveSettings({ settings }) {
      const r = validateSettings(settings);
      if (!r.ok) return { ok: false, issues: r.issues };
      conn.set({ settings: r.value });
      return { ok: true, settings: r.value };
    },
    saveProfile({ profile }) {
      const r = validateProfile(profile);
      if (!r.ok) return { ok: false, issues: r.issues };
      conn.set({ profile: r.value });
      return { ok: true, profile: r.value };
    },
    exportBackup() {
      const { settings, profile, interviews } = conn.state;
      return { ok: true, backup: { format: 'followup-backup', version: 1, exportedAt: stamp(), settings, profile, interviews } };
    },
    previewImport({ backup }) {
      const r = previewOf(backup);
      return r.ok ? { ok: true, preview: r.preview } : r;
    },
    applyImport({ backup }) {
      const r = previewOf(backup);
      if (!r.ok) return r;
      const byId = new Map(conn.state.interviews.map((i) => [i.id, i]));
      for (const iv of r.value.interviews) byId.set(iv.id, iv);
      conn.set({ settings: r.value.settings, profile: r.value.profile, interviews: [...byId.values()] });
      return { ok: true, preview: r.preview };
    },
    openCompose({ id, kind }) {
      return find(id) ? { ok: true, url: `https://mail.google.com/mail/?view=cm&interview=${id}&kind=${kind}` } : { ok: false, error: 'not found' };
    },
    composeContext() {
      return { ok: true, interviews: [], others: [], loggedAny: conn.state.interviews.length > 0 };
    },
    composeDraft() {
      return { ok: false, error: 'not found' };
    },
    reportError() {
      return { ok: true };
    },
    diagnostics() {
      return { ok: true, version: '0.1.0', browser: 'Preview', errors: [] };
    },
    toneRules() {
      return { ok: true, table: { rules: TONE_RULES, why: TONE_WHY } };
    },
    dismissCorrupt({ key }) {
      conn.set({ corrupt: conn.state.corrupt.filter((c) => c.key !== key) });
      return { ok: true };
    },
  };

  const send = (<K extends MessageType>(type: K, request: RequestOf<K>): Promise<ResponseOf<K>> => {
    conn.calls.push({ type, ...request } as Message);
    const answer = (handlers[type] as (r: RequestOf<K>) => ResponseOf<K>)(request);
    return options.latency ? new Promise((r) => setTimeout(() => r(answer), options.latency)) : Promise.resolve(answer);
  }) as Send;

  conn.send = send;
  conn.load = () => Promise.resolve(conn.state);
  conn.watch = (cb) => {
    watchers.add(cb);
    return () => watchers.delete(cb);
  };
  return conn;
}

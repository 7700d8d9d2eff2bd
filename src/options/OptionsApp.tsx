/**
 * The options page: profile, schedule (with a live preview of the plan), backup and calendar export.
 * Like the popup, it talks to the background only through the Connection.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { validateSettings } from '../domain/model';
import { planFollowUps } from '../domain/plan';
import type { FollowUpStep, Interview, Profile, Settings } from '../domain/types';
import type { FieldIssue, ImportPreview } from '../shared/protocol';
import { CheckField, TextArea, TextField, errorText, useAppState } from '../ui/components';
import type { AppState, Connection } from '../ui/connection';
import { download } from '../ui/download';
import { formatDateTime, formatDay, localDay, wallClock, weekdayNames, type Fmt } from '../ui/format';
import { t } from '../shared/i18n';
import { issueText } from '../ui/issue-text';
import { buildIcs, upcomingEvents } from '../ui/ics';
import { stepName } from '../ui/steps';
import { DiagnosticsSection } from './DiagnosticsSection';

type Props = { connection: Connection; now?: () => number; locale?: string };

export function OptionsApp({ connection, now = Date.now, locale }: Props) {
  const { state, error } = useAppState(connection);
  return (
    <main class="options">
      <h1>{t('options_title')}</h1>
      {error && (
        <div class="alert" role="alert">
          {t('popup_loadFailed', error)}
        </div>
      )}
      {!state && !error && <p class="hint">{t('ui_loading')}</p>}
      {state && (
        <>
          <ProfileSection connection={connection} profile={state.profile} />
          <ScheduleSection connection={connection} settings={state.settings} now={now} locale={locale} />
          <BackupSection connection={connection} now={now} />
          <CalendarSection state={state} now={now} locale={locale} />
          <DiagnosticsSection connection={connection} now={now} />
        </>
      )}
    </main>
  );
}

/** Issues by field; the first message per field. */
function byField(issues: FieldIssue[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of issues) if (!(i.field in out)) out[i.field] = issueText(i.message);
  return out;
}

/**
 * An editable copy of stored data: edits mark it dirty; a change to the stored value (saved
 * elsewhere, an import) replaces the copy only while the user has nothing unsaved.
 */
function useDraft<T>(source: T): { draft: T; dirty: boolean; edit(patch: Partial<T>): void; reset(next?: T): void } {
  const [draft, setDraft] = useState(source);
  const [dirty, setDirty] = useState(false);
  const seen = useRef(source);
  const dirtyRef = useRef(false);
  dirtyRef.current = dirty;
  useEffect(() => {
    if (source === seen.current) return;
    seen.current = source;
    if (!dirtyRef.current) setDraft(source);
  }, [source]);
  return {
    draft,
    dirty,
    edit(patch) {
      setDraft((d) => ({ ...d, ...patch }));
      setDirty(true);
    },
    reset(next) {
      setDraft(next ?? seen.current);
      setDirty(false);
    },
  };
}

function useFocusFirstInvalid(container: { current: HTMLElement | null }, trigger: number): void {
  // A layout effect: focus lands with the errors, not a frame later.
  useLayoutEffect(() => {
    if (trigger) container.current?.querySelector<HTMLElement>('[aria-invalid="true"], [role="alert"]')?.focus();
  }, [container, trigger]);
}

type SaveResult<T> = { ok: true; value: T } | { ok: false; issues: FieldIssue[] };

/**
 * A form over one stored value (profile, schedule): an editable draft, field errors from the
 * background's validation, a status line, focus on the first error after a failed save, and
 * Esc to revert.
 */
function useSavedForm<T>(source: T, store: (draft: T) => Promise<SaveResult<T>>, savedText: string) {
  const { draft, dirty, edit: change, reset } = useDraft(source);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState('');
  const [tried, setTried] = useState(0);
  const ref = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(ref, tried);

  const edit = (patch: Partial<T>): void => {
    change(patch);
    setStatus('');
  };

  const save = async (e: Event): Promise<void> => {
    e.preventDefault();
    try {
      const res = await store(draft);
      if (res.ok) {
        setErrors({});
        reset(res.value);
        setStatus(savedText);
        return;
      }
      setErrors(byField(res.issues));
      setStatus('');
    } catch (err) {
      setErrors({ '': errorText(err) });
    }
    setTried((n) => n + 1);
  };

  const onKeyDown = (e: KeyboardEvent): void => escapeReverts(e, () => (reset(), setErrors({})));
  return { draft, dirty, edit, errors, status, ref, save, onKeyDown };
}

// ---------------------------------------------------------------------------
// Profile

function ProfileSection({ connection, profile }: { connection: Connection; profile: Profile }) {
  const { draft, edit, errors, status, ref, save, onKeyDown } = useSavedForm(
    profile,
    async (d) => {
      const res = await connection.send('saveProfile', { profile: d });
      return res.ok ? { ok: true, value: res.profile } : res;
    },
    t('options_profileSaved'),
  );

  return (
    <section aria-labelledby="profile-title">
      <h2 id="profile-title">{t('options_profile')}</h2>
      <form ref={ref} onSubmit={(e) => void save(e)} noValidate onKeyDown={onKeyDown}>
        {errors[''] && (
          <p class="alert" role="alert" tabIndex={-1}>
            {errors['']}
          </p>
        )}
        <TextField id="profile-name" label={t('options_yourName')} value={draft.name} error={errors.name} autocomplete="name" hint={t('options_yourNameHint')} onInput={(e) => edit({ name: e.currentTarget.value })} />
        <TextArea id="profile-signature" label={t('options_signature')} value={draft.signature ?? ''} error={errors.signature} rows={3} hint={t('options_signatureHint')} onInput={(e) => edit({ signature: e.currentTarget.value })} />
        <fieldset aria-describedby={errors.webmail ? 'profile-webmail-error' : undefined}>
          <legend>{t('options_webmail')}</legend>
          {(['gmail', 'outlook'] as const).map((w) => (
            <div class="check" key={w}>
              <input type="radio" id={`profile-webmail-${w}`} name="webmail" value={w} checked={draft.webmail === w} onChange={() => edit({ webmail: w })} />
              <label for={`profile-webmail-${w}`}>{w === 'gmail' ? t('options_gmail') : t('options_outlook')}</label>
            </div>
          ))}
          {errors.webmail && (
            <p class="error" id="profile-webmail-error">
              {errors.webmail}
            </p>
          )}
        </fieldset>
        <div class="actions">
          <button type="submit" class="primary">
            {t('options_saveProfile')}
          </button>
          <span class="status" role="status">
            {status}
          </span>
        </div>
      </form>
    </section>
  );
}

function escapeReverts(e: KeyboardEvent, revert: () => void): void {
  if (e.key === 'Escape') {
    e.preventDefault();
    revert();
  }
}

// ---------------------------------------------------------------------------
// Schedule

let zoneCache: string[] | undefined;
function timeZones(): string[] {
  if (!zoneCache) {
    let zones: string[];
    try {
      zones = (Intl as unknown as { supportedValuesOf?(k: string): string[] }).supportedValuesOf?.('timeZone') ?? [];
    } catch {
      zones = [];
    }
    zoneCache = [...new Set([...zones, 'UTC'])].sort();
  }
  return zoneCache;
}

function browserZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** `<input type="time">` can't show 24:00; midnight as the day's end is shown and read as 00:00. */
const endToInput = (s: string): string => (s === '24:00' ? '00:00' : s);
const endFromInput = (s: string): string => (s === '00:00' ? '24:00' : s);

const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0];

function ScheduleSection({ connection, settings, now, locale }: { connection: Connection; settings: Settings; now: () => number; locale?: string }) {
  const { draft, dirty, edit, errors, status, ref, save, onKeyDown } = useSavedForm(
    settings,
    async (d) => {
      const res = await connection.send('saveSettings', { settings: d });
      return res.ok ? { ok: true, value: res.settings } : res;
    },
    t('options_scheduleSaved'),
  );
  const [holiday, setHoliday] = useState('');

  const addHoliday = (): void => {
    if (!holiday) return;
    if (!draft.holidays.includes(holiday)) edit({ holidays: [...draft.holidays, holiday].sort() });
    setHoliday('');
  };

  const names = weekdayNames(locale);
  const zone = browserZone();
  const holidayError = errors.holidays ?? Object.entries(errors).find(([k]) => k.startsWith('holidays.'))?.[1];

  return (
    <section aria-labelledby="schedule-title">
      <h2 id="schedule-title">{t('options_schedule')}</h2>
      <p class="hint">{t('options_scheduleIntro')}</p>
      <form ref={ref} onSubmit={(e) => void save(e)} noValidate onKeyDown={onKeyDown}>
        {errors[''] && (
          <p class="alert" role="alert" tabIndex={-1}>
            {errors['']}
          </p>
        )}
        <TextField
          id="schedule-zone"
          label={t('options_timeZone')}
          value={draft.timeZone}
          list="schedule-zones"
          autocomplete="off"
          spellcheck={false}
          error={errors.timeZone}
          hint={t('options_timeZoneHint')}
          onInput={(e) => edit({ timeZone: e.currentTarget.value.trim() })}
        >
          <datalist id="schedule-zones">
            {timeZones().map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
          {draft.timeZone !== zone && (
            <p style={{ margin: 0 }}>
              <button type="button" class="link" onClick={() => edit({ timeZone: zone })}>
                {t('options_useBrowserZone', zone)}
              </button>
            </p>
          )}
        </TextField>

        <fieldset aria-describedby={errors.workWeek ? 'schedule-week-error' : undefined}>
          <legend>{t('options_workWeek')}</legend>
          <div class="weekdays">
            {WEEK_ORDER.map((d) => (
              <CheckField
                key={d}
                id={`schedule-day-${d}`}
                label={names[d]!}
                checked={draft.workWeek.includes(d)}
                onChange={(on) => edit({ workWeek: on ? [...draft.workWeek, d].sort((a, b) => a - b) : draft.workWeek.filter((x) => x !== d) })}
              />
            ))}
          </div>
          {errors.workWeek && (
            <p class="error" id="schedule-week-error">
              {errors.workWeek}
            </p>
          )}
        </fieldset>

        <fieldset>
          <legend>{t('options_holidays')}</legend>
          <div class="row" style={{ alignItems: 'flex-end' }}>
            <TextField
              id="schedule-holiday"
              label={t('options_holidayDate')}
              type="date"
              value={holiday}
              error={holidayError}
              onInput={(e) => setHoliday(e.currentTarget.value)}
              onKeyDown={(e: KeyboardEvent) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  addHoliday();
                }
              }}
            />
            <div class="field" style={{ flex: 'none' }}>
              <button type="button" onClick={addHoliday}>
                {t('options_addHoliday')}
              </button>
            </div>
          </div>
          {draft.holidays.length === 0 ? (
            <p class="hint">{t('options_noHolidays')}</p>
          ) : (
            <ul class="chips" aria-label={t('options_holidayList')}>
              {draft.holidays.map((h) => (
                <li key={h}>
                  {formatDay(h, { ...(locale ? { locale } : {}) })}
                  <button type="button" aria-label={t('options_removeHoliday', formatDay(h, { ...(locale ? { locale } : {}) }, 'long'))} onClick={() => edit({ holidays: draft.holidays.filter((x) => x !== h) })}>
                    ×
                  </button>
                </li>
              ))}
            </ul>
          )}
        </fieldset>

        <div class="grid">
          <TextField id="schedule-start" label={t('options_dayStart')} type="time" value={draft.dayStart} error={errors.dayStart} onInput={(e) => edit({ dayStart: e.currentTarget.value })} />
          <TextField id="schedule-end" label={t('options_dayEnd')} type="time" value={endToInput(draft.dayEnd)} error={errors.dayEnd} onInput={(e) => edit({ dayEnd: endFromInput(e.currentTarget.value) })} />
          <TextField
            id="schedule-preferred"
            label={t('options_preferredTime')}
            type="time"
            value={draft.preferredTime}
            error={errors.preferredTime}
            onInput={(e) => edit({ preferredTime: e.currentTarget.value })}
          />
        </div>
        <p class="hint" style={{ marginTop: '-0.3rem' }}>
          {t('options_windowHint')}
        </p>

        <PlanPreview settings={draft} now={now} locale={locale} />

        <div class="actions">
          <button type="submit" class="primary">
            {t('options_saveSchedule')}
          </button>
          {dirty && <span class="hint">{t('options_unsaved')}</span>}
          <span class="status" role="status">
            {status}
          </span>
        </div>
      </form>
    </section>
  );
}

/** A sample interview on the next work day at 14:00 in the draft's zone, planned with the unsaved settings. */
export function samplePlan(settings: Settings, nowMs: number, withDecision: boolean): { interview: Interview; steps: FollowUpStep[] } | undefined {
  const valid = validateSettings(settings);
  if (!valid.ok) return undefined;
  const s = valid.value;
  // The next day after today that is in the work week (holidays too: a user may want to see their effect).
  const today = localDay(nowMs, s.timeZone);
  let day = today;
  for (let i = 1; i <= 7; i++) {
    const d = new Date(Date.parse(`${today}T12:00:00Z`) + i * 86_400_000);
    if (s.workWeek.includes(d.getUTCDay())) {
      day = d.toISOString().slice(0, 10);
      break;
    }
  }
  const startMs = wallClockMsOf(day, '14:00', s.timeZone);
  const decision = new Date(Date.parse(`${day}T12:00:00Z`) + 3 * 86_400_000).toISOString().slice(0, 10);
  const base: Interview = {
    id: 'sample',
    company: t('options_sampleCompany'),
    role: t('options_sampleRole'),
    interviewAt: new Date(startMs).toISOString(),
    contacts: [],
    history: [],
    ...(withDecision ? { decisionExpectedBy: decision } : {}),
  };
  try {
    // Show the whole cadence: as if each email went out when it was due and no one replied.
    const first = planFollowUps(base, s);
    const thanks = first.find((x) => x.kind === 'thank-you');
    const inquiry = first.find((x) => x.kind === 'status-inquiry');
    const history: Interview['history'] = [];
    if (thanks) history.push({ type: 'sent', step: 'thank-you', at: thanks.notifyAt });
    if (inquiry) history.push({ type: 'sent', step: 'status-inquiry', at: inquiry.notifyAt });
    const steps = planFollowUps({ ...base, history }, s);
    return { interview: base, steps };
  } catch {
    return undefined;
  }
}

/** Epoch ms of a wall-clock time in a zone, by correcting the UTC guess with the zone's offset (twice, for DST edges). */
function wallClockMsOf(day: string, time: string, timeZone: string): number {
  const target = Date.parse(`${day}T${time}:00Z`);
  let ms = target;
  for (let i = 0; i < 2; i++) {
    const w = wallClock(ms, timeZone);
    const seen = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);
    ms += target - seen;
  }
  return ms;
}

function PlanPreview({ settings, now, locale }: { settings: Settings; now: () => number; locale?: string }) {
  const [withDecision, setWithDecision] = useState(false);
  const nowMs = useMemo(now, [now]);
  const preview = useMemo(() => samplePlan(settings, nowMs, withDecision), [settings, nowMs, withDecision]);
  const fmt: Fmt = { timeZone: preview ? settings.timeZone : 'UTC', ...(locale ? { locale } : {}) };
  return (
    <div class="preview" aria-labelledby="preview-title">
      <h3 id="preview-title">{t('options_previewTitle')}</h3>
      <CheckField id="preview-decision" label={t('options_previewWithDecision')} checked={withDecision} onChange={setWithDecision} />
      <div aria-live="polite">
        {preview ? (
          <>
            <p>
              {withDecision && preview.interview.decisionExpectedBy
                ? t('options_previewInterviewDecision', formatDateTime(preview.interview.interviewAt, fmt), formatDay(preview.interview.decisionExpectedBy, fmt))
                : t('options_previewInterview', formatDateTime(preview.interview.interviewAt, fmt))}
            </p>
            <ol>
              {preview.steps.map((s) => (
                <li key={`${s.kind}-${s.round}`}>
                  <strong>{stepName(s.kind)}</strong>: {formatDateTime(s.notifyAt, fmt)}
                  {s.kind === 'move-on' || s.kind === 'final-check-in' ? ` ${t('options_previewIfNoReply')}` : ''}
                </li>
              ))}
            </ol>
          </>
        ) : (
          <p class="hint">{t('options_previewInvalid')}</p>
        )}
      </div>
    </div>
  );
}

// ---------------------------------------------------------------------------
// Backup

type Pending = { backup: unknown; preview: ImportPreview; name: string };

function BackupSection({ connection, now }: { connection: Connection; now: () => number }) {
  const [pending, setPending] = useState<Pending | undefined>(undefined);
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');
  const fileRef = useRef<HTMLInputElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const previewRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);
  useEffect(() => {
    if (pending) previewRef.current?.focus();
  }, [pending]);

  const reset = (): void => {
    setPending(undefined);
    if (fileRef.current) fileRef.current.value = '';
  };

  const exportBackup = async (): Promise<void> => {
    setError('');
    try {
      const res = await connection.send('exportBackup', {});
      const day = new Date(now()).toISOString().slice(0, 10);
      download(`followup-backup-${day}.json`, `${JSON.stringify(res.backup, null, 2)}\n`, 'application/json');
      setStatus(t('options_exported', res.backup.interviews.length));
    } catch (err) {
      setError(errorText(err));
    }
  };

  const choose = async (file: File | undefined): Promise<void> => {
    setError('');
    setStatus('');
    setPending(undefined);
    if (!file) return;
    let backup: unknown;
    try {
      backup = JSON.parse(await file.text());
    } catch {
      setError(t('options_importNotJson'));
      return;
    }
    try {
      const res = await connection.send('previewImport', { backup });
      if (!res.ok) return setError(t('options_importRejected', res.error));
      setPending({ backup, preview: res.preview, name: file.name });
    } catch (err) {
      setError(t('options_importRejected', errorText(err)));
    }
  };

  const apply = async (): Promise<void> => {
    if (!pending) return;
    try {
      const res = await connection.send('applyImport', { backup: pending.backup });
      if (!res.ok) {
        setError(t('options_importRejected', res.error));
        reset();
        return;
      }
      reset();
      setStatus(t('options_imported', res.preview.added, res.preview.updated, res.preview.unchanged));
    } catch (err) {
      setError(t('options_importRejected', errorText(err)));
    }
  };

  return (
    <section aria-labelledby="backup-title">
      <h2 id="backup-title">{t('options_backup')}</h2>
      <p class="hint">{t('options_backupIntro')}</p>
      <div class="actions" style={{ marginBottom: '0.8rem' }}>
        <button type="button" class="primary" onClick={() => void exportBackup()}>
          {t('options_export')}
        </button>
      </div>
      <div class="field">
        <label for="backup-file">{t('options_importFile')}</label>
        <input id="backup-file" ref={fileRef} type="file" accept="application/json,.json" aria-describedby="backup-file-hint" onChange={(e) => void choose(e.currentTarget.files?.[0])} />
        <p class="hint" id="backup-file-hint">
          {t('options_importHint')}
        </p>
      </div>
      {error && (
        <div class="alert" role="alert" tabIndex={-1} ref={errorRef}>
          {error}
        </div>
      )}
      {pending && (
        <div
          class="notice"
          tabIndex={-1}
          ref={previewRef}
          aria-labelledby="import-preview-title"
          role="group"
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              reset();
            }
          }}
        >
          <h3 id="import-preview-title">{t('options_importPreviewTitle', pending.name)}</h3>
          <ul>
            <li>{t('options_importAdded', pending.preview.added)}</li>
            <li>{t('options_importUpdated', pending.preview.updated)}</li>
            <li>{t('options_importUnchanged', pending.preview.unchanged)}</li>
            <li>{pending.preview.settingsChanged ? t('options_importSettingsChange') : t('options_importSettingsSame')}</li>
            <li>{pending.preview.profileChanged ? t('options_importProfileChange') : t('options_importProfileSame')}</li>
          </ul>
          <p class="hint">{t('options_importKeeps')}</p>
          <div class="actions">
            <button type="button" class="primary" onClick={() => void apply()}>
              {t('options_applyImport')}
            </button>
            <button type="button" onClick={reset}>
              {t('form_cancel')}
            </button>
          </div>
        </div>
      )}
      <p class="status" role="status">
        {status}
      </p>
    </section>
  );
}

// ---------------------------------------------------------------------------
// Calendar

function CalendarSection({ state, now, locale }: { state: AppState; now: () => number; locale?: string }) {
  const [status, setStatus] = useState('');
  // The list is worked out again once a minute at most (a render later in the same minute reuses it).
  const minute = Math.floor(now() / 60_000);
  const events = useMemo(() => upcomingEvents(state.interviews, state.settings, minute * 60_000, locale), [state.interviews, state.settings, minute, locale]);
  const exportIcs = (): void => {
    download('followup.ics', buildIcs(events, now()), 'text/calendar');
    setStatus(t('options_icsExported', events.length));
  };
  return (
    <section aria-labelledby="calendar-title">
      <h2 id="calendar-title">{t('options_calendar')}</h2>
      <p class="hint">{t('options_calendarIntro')}</p>
      <p>{t('options_icsCount', events.length)}</p>
      <div class="actions">
        <button type="button" class="primary" onClick={exportIcs} disabled={events.length === 0}>
          {t('options_exportIcs')}
        </button>
        <span class="status" role="status">
          {status}
        </span>
      </div>
    </section>
  );
}

/**
 * The options page: one section per file (profile, schedule with a live preview of the plan,
 * backup, calendar export), one save model for the editable ones (useOptions.ts). Like the
 * popup, it talks to the background only through the Connection.
 */
import { useRef, useState } from 'preact/hooks';
import type { Profile, Settings } from '../domain/types';
import type { Connection } from '../shared/connection';
import { t } from '../shared/i18n';
import type { AppState } from '../shared/state';
import { errorText, useAppState } from '../ui/components';
import { StorageNotice } from '../ui/StorageNotice';
import { BackupSection } from './BackupSection';
import { CalendarSection } from './CalendarSection';
import { ProfileSection } from './ProfileSection';
import { ScheduleSection } from './ScheduleSection';
import { RepliesSection } from './RepliesSection';
import { resolveZone } from './time-zones';
import { useFocusFirstInvalid, useLeaveWarning, useRecordDraft, type Draft } from './useOptions';
import { DiagnosticsSection } from './DiagnosticsSection';

export { samplePlan } from './PlanPreview';

type Props = {
  connection: Connection;
  now?: () => number;
  locale?: string;
};

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
          <StorageNotice state={state} connection={connection} now={now} />
          <OptionsForm connection={connection} state={state} now={now} locale={locale} />
        </>
      )}
    </main>
  );
}

function OptionsForm({ connection, state, now, locale }: { connection: Connection; state: AppState; now: () => number; locale?: string }) {
  const profile = useRecordDraft<Profile>(state.profile, async (d) => {
    const res = await connection.send('saveProfile', { profile: d });
    return res.ok ? { ok: true, value: res.profile } : res;
  });
  const schedule = useRecordDraft<Settings>(state.settings, async (d) => {
    const res = await connection.send('saveSettings', { settings: { ...d, timeZone: resolveZone(d.timeZone) } });
    return res.ok ? { ok: true, value: res.settings } : res;
  });
  const editable: Draft<object>[] = [profile, schedule] as Draft<object>[];
  const unsaved = editable.filter((d) => d.dirty).length;
  useLeaveWarning(unsaved > 0);

  const [status, setStatus] = useState<{ text: string; undo?: () => void } | undefined>(undefined);
  const [failure, setFailure] = useState('');
  const [tried, setTried] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, tried);

  const save = async (e: Event): Promise<void> => {
    e.preventDefault();
    setFailure('');
    try {
      // Every changed section is sent; each keeps its own errors.
      const results = await Promise.all(editable.map((d) => d.save()));
      if (results.every(Boolean)) {
        setStatus({ text: t('options_saved') });
        return;
      }
      setStatus(undefined);
    } catch (err) {
      setFailure(errorText(err));
    }
    setTried((n) => n + 1);
  };

  const discard = (): void => {
    const kept = [profile.dirty ? profile.draft : undefined, schedule.dirty ? schedule.draft : undefined] as const;
    profile.discard();
    schedule.discard();
    setStatus({
      text: t('options_discarded'),
      undo: () => {
        if (kept[0]) profile.restore(kept[0]);
        if (kept[1]) schedule.restore(kept[1]);
        setStatus(undefined);
      },
    });
  };

  return (
    <>
      <form ref={formRef} class="options-form" onSubmit={(e) => void save(e)} noValidate aria-describedby="save-bar-state">
        {failure && (
          <p class="alert" role="alert" tabIndex={-1}>
            {failure}
          </p>
        )}
        <ProfileSection profile={profile} />
        <ScheduleSection schedule={schedule} now={now} locale={locale} />
        <RepliesSection schedule={schedule} />
        <div class={`save-bar${unsaved ? ' save-bar--unsaved' : ''}`}>
          <span id="save-bar-state" class="save-state">
            {unsaved ? t('options_unsaved') : t('options_allSaved')}
          </span>
          <span class="status" role="status">
            {status?.text}
            {status?.undo && (
              <button type="button" class="link" onClick={status.undo}>
                {t('ui_undo')}
              </button>
            )}
          </span>
          <span class="save-bar-actions">
            {unsaved > 0 && (
              <button type="button" onClick={discard}>
                {t('options_discard')}
              </button>
            )}
            <button type="submit" class="primary" disabled={unsaved === 0}>
              {t('options_save')}
            </button>
          </span>
        </div>
      </form>
      <BackupSection connection={connection} now={now} />
      <CalendarSection state={state} now={now} locale={locale} />
      <DiagnosticsSection connection={connection} now={now} />
    </>
  );
}

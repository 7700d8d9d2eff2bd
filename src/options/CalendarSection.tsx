/** Options: upcoming follow-ups as an .ics file for any calendar app. */
import { useMemo, useState } from 'preact/hooks';
import { t, tn } from '../shared/i18n';
import type { AppState } from '../shared/state';
import { download } from '../ui/download';
import { buildIcs, upcomingEvents } from '../ui/ics';

export function CalendarSection({ state, now, locale }: { state: AppState; now: () => number; locale?: string }) {
  const [status, setStatus] = useState('');
  // The list is worked out again once a minute at most (a render later in the same minute reuses it).
  const minute = Math.floor(now() / 60_000);
  const events = useMemo(() => upcomingEvents(state.interviews, state.settings, minute * 60_000, locale), [state.interviews, state.settings, minute, locale]);
  const exportIcs = (): void => {
    // The file holds what is ahead at the moment of export, not as of the minute the page last rendered.
    const at = now();
    const ahead = upcomingEvents(state.interviews, state.settings, at, locale);
    download('followup.ics', buildIcs(ahead, at), 'text/calendar');
    setStatus(tn('options_icsExported', ahead.length));
  };
  return (
    <section aria-labelledby="calendar-title">
      <h2 id="calendar-title">{t('options_calendar')}</h2>
      <p class="hint">{t('options_calendarIntro')}</p>
      <p>{tn('options_icsCount', events.length)}</p>
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

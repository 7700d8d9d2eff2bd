/** Options: when reminders may arrive (zone, work week, holidays, day window), with a live preview of the plan. */
import { useState } from 'preact/hooks';
import type { Settings } from '../domain/types';
import { formatDay, weekdayNames } from '../shared/format';
import { t } from '../shared/i18n';
import { CheckField, TextField } from '../ui/components';
import { PlanPreview } from './PlanPreview';
import { SectionHead } from './SectionHead';
import { browserZone, timeZones, zoneLabel } from './time-zones';
import type { Draft } from './useOptions';

/** `<input type="time">` can't show 24:00; midnight as the day's end is shown and read as 00:00. */
const endToInput = (s: string): string => (s === '24:00' ? '00:00' : s);
const endFromInput = (s: string): string => (s === '00:00' ? '24:00' : s);

const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0];

type Props = { schedule: Draft<Settings>; now: () => number; locale?: string };

export function ScheduleSection({ schedule, now, locale }: Props) {
  const { draft, edit, errors } = schedule;
  const [holiday, setHoliday] = useState('');

  const addHoliday = (): void => {
    if (!holiday) return;
    if (!draft.holidays.includes(holiday)) edit({ holidays: [...draft.holidays, holiday].sort() });
    setHoliday('');
  };

  const names = weekdayNames(locale);
  const zone = browserZone();
  const holidayError = errors.holidays ?? Object.entries(errors).find(([k]) => k.startsWith('holidays.'))?.[1];
  const dayFmt = locale ? { locale } : {};

  return (
    <section aria-labelledby="schedule-title">
      <SectionHead id="schedule-title" title={t('options_schedule')} unsaved={schedule.dirty} />
      <p class="hint">{t('options_scheduleIntro')}</p>
      {/* Typed as it is (spaces and all, "New York"); read as a zone when saved. */}
      <TextField
        id="schedule-zone"
        label={t('options_timeZone')}
        value={draft.timeZone}
        list="schedule-zones"
        autocomplete="off"
        spellcheck={false}
        error={errors.timeZone}
        hint={t('options_timeZoneHint')}
        onInput={(e) => edit({ timeZone: e.currentTarget.value })}
      >
        <datalist id="schedule-zones">
          {timeZones().map((z) => (
            <option key={z} value={z} label={zoneLabel(z)} />
          ))}
        </datalist>
        {draft.timeZone !== zone && (
          <p class="flush">
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
        <div class="row bottom">
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
          <div class="field fixed">
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
                {formatDay(h, dayFmt)}
                <button type="button" aria-label={t('options_removeHoliday', formatDay(h, dayFmt, 'long'))} onClick={() => edit({ holidays: draft.holidays.filter((x) => x !== h) })}>
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
        <TextField id="schedule-preferred" label={t('options_preferredTime')} type="time" value={draft.preferredTime} error={errors.preferredTime} onInput={(e) => edit({ preferredTime: e.currentTarget.value })} />
      </div>
      <p class="hint">{t('options_windowHint')}</p>

      <PlanPreview settings={draft} now={now} locale={locale} />
    </section>
  );
}

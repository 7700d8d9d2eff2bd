/**
 * Dates and times for people, in one place for every part of the extension (pages,
 * notifications): formatted with Intl in the user's locale (the browser's unless a test pins
 * one) and in the zone from their settings, so "10:00" means 10:00 where they live, whatever
 * the machine's zone. Which local day an instant falls on, and which instant a wall-clock time
 * is, come from the domain calendar (the planner's own rules, DST included).
 */
import { localDate, localDayOf, parseDay, wallClockMs } from '../domain/calendar';
import { t } from './i18n';

/** Intl formatters are slow to build and a list formats thousands of dates: keep them. */
const cache = new Map<string, Intl.DateTimeFormat>();
function dtf(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale ?? ''}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    cache.set(key, f);
  }
  return f;
}

export type Fmt = {
  locale?: string;
  timeZone: string;
};

type Parts = { year: number; month: number; day: number; hour: number; minute: number };

/** Wall-clock parts of an instant in `timeZone`. */
export function wallClock(ms: number, timeZone: string): Parts {
  const parts = dtf('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).formatToParts(ms);
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour') % 24, minute: get('minute') };
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** "YYYY-MM-DD" of an instant in `timeZone`. */
export function localDay(ms: number, timeZone: string): string {
  return localDate(ms, timeZone);
}

/** Epoch ms of a wall-clock time ("YYYY-MM-DD", "HH:mm") in `timeZone`. */
export function wallClockToMs(day: string, time: string, timeZone: string): number {
  const d = parseDay(day);
  const m = /^(\d{2}):(\d{2})$/.exec(time);
  if (d === undefined || !m) return NaN;
  return wallClockMs(d, Number(m[1]) * 60 + Number(m[2]), timeZone);
}

/** The value of an `<input type="datetime-local">` showing the instant in `timeZone`. */
export function toLocalInput(iso: string, timeZone: string): string {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return '';
  const p = wallClock(ms, timeZone);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/**
 * The form's default interview time. Interviews are logged after they happen, so it is the
 * start of an hour-long interview that just ended: an hour ago, on the half hour at or
 * before it on the local clock (14:10 → 13:00, 14:30 → 13:30). Zones with 45-minute offsets
 * are why this works on the wall clock rather than on UTC.
 */
export function recentHalfHour(nowMs: number, timeZone: string): string {
  const hourAgo = nowMs - 3_600_000;
  const p = wallClock(hourAgo, timeZone);
  const seconds = Math.floor(hourAgo / 1000) % 60;
  const past = (p.minute % 30) * 60 + seconds;
  return toLocalInput(new Date(hourAgo - (hourAgo % 1000) - past * 1000).toISOString(), timeZone);
}

/** A civil "YYYY-MM-DD" as the locale writes it ("Nov 20, 2026"). */
export function formatDay(day: string, fmt: Pick<Fmt, 'locale'>, style: 'short' | 'long' = 'short'): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return day;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const options: Intl.DateTimeFormatOptions =
    style === 'long'
      ? { timeZone: 'UTC', weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' }
      : { timeZone: 'UTC', weekday: 'short', year: 'numeric', month: 'short', day: 'numeric' };
  return dtf(fmt.locale, options).format(ms);
}

/** "10:00 AM" / "10:00" as the locale writes times. */
export function formatTime(iso: string | number, fmt: Fmt): string {
  const ms = typeof iso === 'number' ? iso : Date.parse(iso);
  return dtf(fmt.locale, { timeZone: fmt.timeZone, hour: 'numeric', minute: '2-digit' }).format(ms);
}

/** A full date and time, e.g. "Tue, Nov 24, 2026, 10:00 AM". */
export function formatDateTime(iso: string | number, fmt: Fmt): string {
  const ms = typeof iso === 'number' ? iso : Date.parse(iso);
  return dtf(fmt.locale, { timeZone: fmt.timeZone, weekday: 'short', year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' }).format(ms);
}

/** A date and time without the year when it is this year: "Thu, Nov 19, 3:00 PM". */
export function formatDateTimeCompact(iso: string | number, nowMs: number, fmt: Fmt): string {
  const ms = typeof iso === 'number' ? iso : Date.parse(iso);
  if (wallClock(ms, fmt.timeZone).year !== wallClock(nowMs, fmt.timeZone).year) return formatDateTime(ms, fmt);
  return dtf(fmt.locale, { timeZone: fmt.timeZone, weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' }).format(ms);
}

/** A short date for the timeline, e.g. "Nov 24". */
export function formatShortDate(iso: string | number, fmt: Fmt): string {
  const ms = typeof iso === 'number' ? iso : Date.parse(iso);
  return dtf(fmt.locale, { timeZone: fmt.timeZone, month: 'short', day: 'numeric' }).format(ms);
}

/** Whole local days from `now` to `iso` in the zone (0 = same day, 1 = tomorrow). */
export function dayDiff(iso: string | number, nowMs: number, timeZone: string): number {
  const ms = typeof iso === 'number' ? iso : Date.parse(iso);
  return localDayOf(ms, timeZone) - localDayOf(nowMs, timeZone);
}

const rtfCache = new Map<string, Intl.RelativeTimeFormat>();
function rtf(locale: string | undefined): Intl.RelativeTimeFormat {
  const key = locale ?? '';
  let f = rtfCache.get(key);
  if (!f) {
    f = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    rtfCache.set(key, f);
  }
  return f;
}

function capitalise(s: string, locale: string | undefined): string {
  return s ? s.charAt(0).toLocaleUpperCase(locale) + s.slice(1) : s;
}

/**
 * When something happens, relative to now where that reads best:
 * "Today, 4:00 PM", "Tomorrow, 10:00 AM", "Wed, Nov 25, 10:00 AM".
 */
export function formatWhen(iso: string | number, nowMs: number, fmt: Fmt): string {
  const ms = typeof iso === 'number' ? iso : Date.parse(iso);
  const diff = dayDiff(ms, nowMs, fmt.timeZone);
  const time = formatTime(ms, fmt);
  if (diff >= -1 && diff <= 1) return t('ui_dayAtTime', capitalise(rtf(fmt.locale).format(diff, 'day'), fmt.locale), time);
  const sameYear = wallClock(ms, fmt.timeZone).year === wallClock(nowMs, fmt.timeZone).year;
  const day = dtf(fmt.locale, sameYear
    ? { timeZone: fmt.timeZone, weekday: 'short', month: 'short', day: 'numeric' }
    : { timeZone: fmt.timeZone, weekday: 'short', year: 'numeric', month: 'short', day: 'numeric' }).format(ms);
  return t('ui_dayAtTime', day, time);
}

/** Weekday names in the locale, indexed 0=Sunday … 6=Saturday. */
export function weekdayNames(locale: string | undefined, style: 'long' | 'short' = 'long'): string[] {
  // 2023-01-01 was a Sunday.
  return [0, 1, 2, 3, 4, 5, 6].map((d) => dtf(locale, { timeZone: 'UTC', weekday: style }).format(Date.UTC(2023, 0, 1 + d)));
}

/** The weekday's name of an instant in the zone ("Wednesday"). */
export function formatWeekday(iso: string | number, fmt: Fmt): string {
  const ms = typeof iso === 'number' ? iso : Date.parse(iso);
  return dtf(fmt.locale, { timeZone: fmt.timeZone, weekday: 'long' }).format(ms);
}

/**
 * Work-day calendar and wall-clock math in the user's zone (followup-rules.md, "Inputs").
 *
 * Civil dates ("YYYY-MM-DD") carry no zone, so internally they are whole day numbers
 * (days since 1970-01-01) and counting days is integer arithmetic. Every step between a
 * civil date + wall-clock time and a real instant goes through TZDate, memoised per zone:
 * the planner asks for the same few (day, time) pairs thousands of times.
 */
// TZDateMini: the zone-aware getters and setters without TZDate's string formatting, which nothing here uses.
import { TZDateMini as TZDate, tzOffset } from '@date-fns/tz';
import type { Settings } from './types';

export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;
export const MINUTE_MS = 60_000;

/** The parts of Settings that decide which days are work days. */
export type WorkWeekSettings = Pick<Settings, 'workWeek' | 'holidays'>;
/** The parts of Settings that decide the reminder window. */
export type WindowSettings = Pick<Settings, 'timeZone' | 'dayStart' | 'dayEnd'>;

// ---------------------------------------------------------------------------
// Civil dates and times of day

const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Value of the decimal digits s[from..to), or -1 if any is not a digit. */
function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/**
 * Day number of a proleptic Gregorian date (H. Hinnant's days_from_civil). Integer calendar
 * arithmetic with no zone in it; the planner parses thousands of dates per run, and this is
 * several times faster than building Date objects.
 */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Day number of a real "YYYY-MM-DD" date, or undefined (so "2026-02-30" is rejected). */
export function parseDay(date: string): number | undefined {
  if (typeof date !== 'string' || date.length !== 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) return undefined;
  const y = digits(date, 0, 4);
  const m = digits(date, 5, 7);
  const d = digits(date, 8, 10);
  if (y < 0 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return undefined;
  return daysFromCivil(y, m, d);
}

/**
 * Epoch ms of an ISO instant. Our own stored form "YYYY-MM-DDTHH:mm:ss.sssZ" is read directly
 * (it is UTC, so no zone is involved); anything else goes to Date.parse. NaN when unreadable.
 */
export function parseInstantMs(iso: string): number {
  if (typeof iso !== 'string') return Number.NaN;
  if (iso.length === 24 && iso.charCodeAt(23) === 90 && iso.charCodeAt(10) === 84) {
    const day = parseDay(iso.slice(0, 10));
    const h = digits(iso, 11, 13);
    const mi = digits(iso, 14, 16);
    const sec = digits(iso, 17, 19);
    const milli = digits(iso, 20, 23);
    if (day !== undefined && h >= 0 && h < 24 && mi >= 0 && mi < 60 && sec >= 0 && sec < 60 && milli >= 0 && iso.charCodeAt(13) === 58 && iso.charCodeAt(16) === 58 && iso.charCodeAt(19) === 46) {
      return day * DAY_MS + h * HOUR_MS + mi * MINUTE_MS + sec * 1000 + milli;
    }
  }
  return Date.parse(iso);
}

/** "YYYY-MM-DD" of a day number. */
export function formatDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** True for a real calendar date written "YYYY-MM-DD". */
export function isLocalDate(date: unknown): date is string {
  return typeof date === 'string' && parseDay(date) !== undefined;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOfDay(day: number): number {
  // 1970-01-01 was a Thursday (4).
  return (((day + 4) % 7) + 7) % 7;
}

/** Minutes after midnight of "HH:mm"; "24:00" only when `allowMidnightEnd` (a day window's end). */
export function parseTime(time: string, allowMidnightEnd = false): number | undefined {
  if (typeof time !== 'string') return undefined;
  if (time === '24:00') return allowMidnightEnd ? 1440 : undefined;
  const m = TIME_RE.exec(time);
  return m ? Number(m[1]) * 60 + Number(m[2]) : undefined;
}

function requireDay(date: string): number {
  const day = parseDay(date);
  if (day === undefined) throw new RangeError(`Not a date (YYYY-MM-DD): ${String(date)}`);
  return day;
}

function requireTime(time: string, allowMidnightEnd = false): number {
  const min = parseTime(time, allowMidnightEnd);
  if (min === undefined) throw new RangeError(`Not a time (HH:mm): ${String(time)}`);
  return min;
}

export function dayOfWeek(date: string): number {
  return weekdayOfDay(requireDay(date));
}

export function addCalendarDays(date: string, days: number): string {
  return formatDay(requireDay(date) + days);
}

// ---------------------------------------------------------------------------
// Time zones

const zoneValidity = new Map<string, boolean>();

/** True when the runtime knows this IANA zone (Intl throws a RangeError on unknown zones). */
export function isValidTimeZone(timeZone: unknown): timeZone is string {
  if (typeof timeZone !== 'string' || timeZone.length === 0 || timeZone.length > 100) return false;
  let ok = zoneValidity.get(timeZone);
  if (ok === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone });
      ok = true;
    } catch {
      ok = false;
    }
    zoneValidity.set(timeZone, ok);
  }
  return ok;
}

/** zone → (day * 1441 + minute) → epoch ms. Bounded so a long-lived worker can't grow it forever. */
const wallClockCache = new Map<string, Map<number, number>>();
const CACHE_LIMIT = 100_000;

/** Forget memoised zone conversions (benchmarks measure a cold start with it). */
export function resetCalendarCache(): void {
  wallClockCache.clear();
}

function sameWallClock(ms: number, zone: string, y: number, mo: number, d: number, h: number, mi: number): boolean {
  const w = new TZDate(ms, zone);
  return w.getFullYear() === y && w.getMonth() === mo && w.getDate() === d && w.getHours() === h && w.getMinutes() === mi;
}

function resolveWallClock(day: number, minutes: number, zone: string): number {
  if (minutes >= 1440) return resolveWallClock(day + 1, minutes - 1440, zone);
  const civil = new Date(day * DAY_MS);
  const y = civil.getUTCFullYear();
  const mo = civil.getUTCMonth();
  const d = civil.getUTCDate();
  const h = Math.floor(minutes / 60);
  const mi = minutes % 60;
  // A wall time inside a DST gap comes out shifted forward by the gap (02:30 → 03:30).
  const ms = new TZDate(y, mo, d, h, mi, zone).getTime();
  if (Number.isNaN(ms)) throw new RangeError(`Unknown time zone: ${zone}`);
  // A wall time that happens twice (clocks going back) must mean the first one, whatever
  // the machine's own zone; TZDate's pick depends on it. No offset change in the 3 hours
  // before means there is no earlier occurrence to look for.
  if (tzOffset(zone, new Date(ms - 3 * HOUR_MS)) !== tzOffset(zone, new Date(ms))) {
    for (const back of [120, 60, 30]) {
      const earlier = ms - back * MINUTE_MS;
      if (sameWallClock(earlier, zone, y, mo, d, h, mi)) return earlier;
    }
  }
  return ms;
}

/** Epoch ms of `minutes` after midnight on `day` in `zone` (1440 = the next midnight). */
export function wallClockMs(day: number, minutes: number, zone: string): number {
  let cache = wallClockCache.get(zone);
  if (!cache) {
    cache = new Map();
    wallClockCache.set(zone, cache);
  }
  const key = day * 1441 + minutes;
  let ms = cache.get(key);
  if (ms === undefined) {
    ms = resolveWallClock(day, minutes, zone);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, ms);
  }
  return ms;
}

/** The local day (in `zone`) that contains the instant `ms`. */
export function localDayOf(ms: number, zone: string): number {
  // Offsets are under a day, so the local day is the UTC day or a neighbour; the day
  // starts found by TZDate decide which, DST included.
  const utcDay = Math.floor(ms / DAY_MS);
  if (ms < wallClockMs(utcDay, 0, zone)) return utcDay - 1;
  if (ms >= wallClockMs(utcDay + 1, 0, zone)) return utcDay + 1;
  return utcDay;
}

function toMs(instant: string | number | Date): number {
  const ms = typeof instant === 'number' ? instant : typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  if (!Number.isFinite(ms)) throw new RangeError(`Not an instant: ${String(instant)}`);
  return ms;
}

/** "date + HH:mm in zone" → ISO instant. A time in a DST gap moves forward; a repeated time means its first occurrence. */
export function zonedDateTime(date: string, time: string, timeZone: string): string {
  return new Date(wallClockMs(requireDay(date), requireTime(time, true), timeZone)).toISOString();
}

/** ISO instant (or Date / epoch ms) → its "YYYY-MM-DD" in `timeZone`. */
export function localDate(instant: string | number | Date, timeZone: string): string {
  return formatDay(localDayOf(toMs(instant), timeZone));
}

// ---------------------------------------------------------------------------
// Work weeks

function normaliseWorkWeek(workWeek: readonly number[]): number[] {
  const days = [...new Set(workWeek)].filter((d) => Number.isInteger(d) && d >= 0 && d <= 6);
  if (days.length === 0) throw new RangeError('The work week needs at least one day (0=Sunday … 6=Saturday)');
  return days;
}

/**
 * First day of the work week: the work day that follows the longest run of days off, the
 * "weekend" (Monday for Mon–Fri, Sunday for Sun–Thu, Saturday for Sat–Wed). On a tie the
 * longer block of work days wins, then the earlier day from Monday. Monday when every day is worked.
 */
export function workWeekStart(workWeek: readonly number[]): number {
  const days = new Set(normaliseWorkWeek(workWeek));
  if (days.size === 7) return 1;
  const runLength = (from: number, worked: boolean, step: 1 | 6): number => {
    let n = 0;
    while (days.has((from + step * (n + 1)) % 7) === worked && n < 7) n++;
    return n;
  };
  let best = -1;
  let bestGap = -1;
  let bestBlock = -1;
  for (let i = 1; i <= 7; i++) {
    const d = i % 7; // Monday first
    if (!days.has(d) || days.has((d + 6) % 7)) continue;
    const gap = runLength(d, false, 6);
    const block = 1 + runLength(d, true, 1);
    if (gap > bestGap || (gap === bestGap && block > bestBlock)) {
      best = d;
      bestGap = gap;
      bestBlock = block;
    }
  }
  return best;
}

/**
 * A compiled view of the user's settings: which days are worked, the day window and the
 * preferred hour, with day numbers and epoch ms. Build it once per settings and reuse it.
 */
export class WorkCalendar {
  readonly timeZone: string;
  /** Minutes after midnight. */
  readonly dayStart: number;
  readonly dayEnd: number;
  /** The preferred hour, held inside the window so a step at that hour is always inside it. */
  readonly preferred: number;
  /** Weekday the calendar week starts on. */
  readonly weekStart: number;
  /** Work weekdays in week order, starting at `weekStart`. */
  readonly weekOrder: readonly number[];
  /** Bit w set when weekday w is worked. */
  private readonly workMask: number;
  private readonly holidays: ReadonlySet<number>;
  /** Upper bound for any work-day search: each holiday can cost a whole week when only one weekday is worked. */
  private readonly searchLimit: number;

  constructor(settings: Settings) {
    if (!isValidTimeZone(settings.timeZone)) throw new RangeError(`Unknown time zone: ${String(settings.timeZone)}`);
    this.timeZone = settings.timeZone;
    this.dayStart = requireTime(settings.dayStart);
    this.dayEnd = requireTime(settings.dayEnd, true);
    if (this.dayEnd <= this.dayStart) throw new RangeError('The day window must end after it starts');
    const preferred = parseTime(settings.preferredTime) ?? this.dayStart;
    this.preferred = Math.min(Math.max(preferred, this.dayStart), this.dayEnd - 1);
    const days = normaliseWorkWeek(settings.workWeek);
    this.workMask = days.reduce((mask, d) => mask | (1 << d), 0);
    this.weekStart = workWeekStart(days);
    this.weekOrder = [0, 1, 2, 3, 4, 5, 6].map((i) => (this.weekStart + i) % 7).filter((d) => days.includes(d));
    const holidays = new Set<number>();
    for (const h of settings.holidays ?? []) {
      const day = parseDay(h);
      if (day !== undefined) holidays.add(day);
    }
    this.holidays = holidays;
    this.searchLimit = 7 * (holidays.size + 1) + 1;
  }

  isWorkDay(day: number): boolean {
    return ((this.workMask >> weekdayOfDay(day)) & 1) === 1 && (this.holidays.size === 0 || !this.holidays.has(day));
  }

  /** The first work day on or after `day`. */
  nextWorkDay(day: number): number {
    for (let i = 0; i < this.searchLimit; i++) if (this.isWorkDay(day + i)) return day + i;
    throw new RangeError('No work day found'); // unreachable: every holiday is passed within the limit
  }

  /** `n` work days after `day`, counting strictly after it. */
  addWorkDays(day: number, n: number): number {
    let d = day;
    for (let left = n; left > 0; left--) d = this.nextWorkDay(d + 1);
    return d;
  }

  /** 1-based place of the day's weekday among the week's work days; undefined on a day off. Holidays keep their place. */
  position(day: number): number | undefined {
    const i = this.weekOrder.indexOf(weekdayOfDay(day));
    return i < 0 ? undefined : i + 1;
  }

  /** First day of the calendar week that contains `day`. */
  weekStartOf(day: number): number {
    return day - ((weekdayOfDay(day) - this.weekStart + 7) % 7);
  }

  /** The day holding the `pos`-th work weekday of the calendar week starting on `weekStartDay`. */
  dayAtPosition(weekStartDay: number, pos: number): number {
    const wd = this.weekOrder[Math.min(Math.max(pos, 1), this.weekOrder.length) - 1]!;
    return weekStartDay + ((wd - this.weekStart + 7) % 7);
  }

  dayOf(ms: number): number {
    return localDayOf(ms, this.timeZone);
  }

  /** Local wall-clock minutes after midnight of an instant. */
  wallMinutes(ms: number): number {
    const local = new TZDate(ms, this.timeZone);
    return local.getHours() * 60 + local.getMinutes();
  }

  at(day: number, minutes: number): number {
    return wallClockMs(day, minutes, this.timeZone);
  }

  /** The preferred hour on `day`. One lost in a DST gap at the end of the day stays on the day, just before the gap. */
  atPreferred(day: number): number {
    const ms = this.at(day, this.preferred);
    const end = this.windowEnd(day);
    return ms < end ? ms : Math.max(this.windowStart(day), end - MINUTE_MS);
  }

  windowStart(day: number): number {
    return this.at(day, this.dayStart);
  }

  windowEnd(day: number): number {
    // Never past the day's own end, even when dayEnd falls in a DST gap.
    return Math.min(this.at(day, this.dayEnd), this.at(day + 1, 0));
  }

  isInWindow(ms: number): boolean {
    const day = this.dayOf(ms);
    return ms >= this.windowStart(day) && ms < this.windowEnd(day);
  }

  /** Before the window → its start that day; at or after its end → the next day's start. */
  intoWindow(ms: number): number {
    let day = this.dayOf(ms);
    // A window lying wholly in a DST gap doesn't exist that day; try the next.
    for (let tries = 0; tries < 3; tries++, day++) {
      const start = this.windowStart(day);
      const end = this.windowEnd(day);
      if (start < end && ms < end) return Math.max(ms, start);
    }
    return this.windowStart(day);
  }
}

const recentCalendars = new Map<string, WorkCalendar>();

/**
 * The WorkCalendar for these settings, reused while the settings' content is unchanged (keyed
 * by content, not identity, so editing a settings object in place can't return a stale one).
 */
export function workCalendar(settings: Settings): WorkCalendar {
  const holidays = Array.isArray(settings.holidays) ? settings.holidays.join(',') : '';
  const workWeek = Array.isArray(settings.workWeek) ? settings.workWeek.join(',') : '';
  const key = `${settings.timeZone}|${settings.dayStart}|${settings.dayEnd}|${settings.preferredTime}|${workWeek}|${holidays}`;
  let cal = recentCalendars.get(key);
  if (!cal) {
    cal = new WorkCalendar(settings);
    // A handful is plenty: one user has one settings object at a time.
    if (recentCalendars.size >= 8) recentCalendars.clear();
    recentCalendars.set(key, cal);
  }
  return cal;
}

// ---------------------------------------------------------------------------
// String-level helpers (for the UI and tests; the planner uses WorkCalendar directly)

const WEEK_ONLY_WINDOW = { timeZone: 'UTC', dayStart: '00:00', dayEnd: '24:00', preferredTime: '00:00' } as const;

function weekCalendar(settings: WorkWeekSettings): WorkCalendar {
  return new WorkCalendar({ ...WEEK_ONLY_WINDOW, workWeek: settings.workWeek, holidays: settings.holidays ?? [] });
}

/** A work-week weekday that is not a holiday. */
export function isWorkDay(date: string, settings: WorkWeekSettings): boolean {
  return weekCalendar(settings).isWorkDay(requireDay(date));
}

/** The first work day on or after `date`. */
export function nextWorkDay(date: string, settings: WorkWeekSettings): string {
  return formatDay(weekCalendar(settings).nextWorkDay(requireDay(date)));
}

/** `n` work days after `date`, counting strictly after it. */
export function addWorkDays(date: string, n: number, settings: WorkWeekSettings): string {
  return formatDay(weekCalendar(settings).addWorkDays(requireDay(date), n));
}

/** 1-based position of the date's weekday in the work week, or undefined on a day off (holidays don't shift it). */
export function weekPosition(date: string, workWeek: readonly number[]): number | undefined {
  return weekCalendar({ workWeek: [...workWeek], holidays: [] }).position(requireDay(date));
}

/** True when the instant's local time is inside [dayStart, dayEnd) on its local day. */
export function isInDayWindow(instant: string | number | Date, settings: WindowSettings): boolean {
  return windowCalendar(settings).isInWindow(toMs(instant));
}

/** Moves an instant into the day window: before it → that day's start; after it → the next day's start. */
export function moveIntoDayWindow(instant: string | number | Date, settings: WindowSettings): string {
  return new Date(windowCalendar(settings).intoWindow(toMs(instant))).toISOString();
}

function windowCalendar(settings: WindowSettings): WorkCalendar {
  return new WorkCalendar({ ...settings, workWeek: [0, 1, 2, 3, 4, 5, 6], holidays: [], preferredTime: settings.dayStart });
}

/**
 * Dates in natural words for the drafts ("today", "yesterday", "on Tuesday", "last Tuesday",
 * "on November 17"), computed in the user's zone with date-fns and @date-fns/tz.
 */
// TZDateMini: the zone-aware getters and setters without TZDate's string formatting, which nothing here uses.
import { TZDateMini as TZDate } from '@date-fns/tz';
import { differenceInCalendarDays, format, isValid, startOfWeek, type Day } from 'date-fns';

export type RelativeDay = {
  kind: 'today' | 'yesterday' | 'this-week' | 'last-week' | 'tomorrow' | 'date' | 'unknown';
  /** Ready to follow a verb: "today", "yesterday", "on Tuesday", "last Tuesday", "on November 17". */
  phrase: string;
  /** Calendar days from that day to now's (negative when it is later); absent when unknown. */
  days?: number;
};

/** `zone` if the runtime knows it, else 'UTC'. */
export function safeZone(zone: string | undefined): string {
  if (!zone) return 'UTC';
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone;
  } catch {
    return 'UTC';
  }
}

const inZone = (d: Date | string | number | undefined, zone: string) =>
  new TZDate(d instanceof Date ? d.getTime() : d === undefined ? Date.now() : new Date(d).getTime(), zone);

/**
 * How to say when `when` happened, seen from `now`, both read in `timeZone`:
 * same day → "today"; the day before → "yesterday"; 2–6 days before → "on Tuesday" in the same
 * calendar week (starting on `weekStartsOn`, default Monday) or "last Tuesday" in the week before;
 * the day after → "tomorrow"; anything else → "on November 17" (", 2025" added in another year).
 */
export function relativeDay(
  when: Date | string | number,
  now?: Date | string | number,
  timeZone?: string,
  weekStartsOn: Day = 1,
): RelativeDay {
  const zone = safeZone(timeZone);
  const w = inZone(when, zone);
  const n = inZone(now, zone);
  if (!isValid(w) || !isValid(n)) return { kind: 'unknown', phrase: 'recently' };
  const days = differenceInCalendarDays(n, w);
  if (days === 0) return { kind: 'today', phrase: 'today', days };
  if (days === 1) return { kind: 'yesterday', phrase: 'yesterday', days };
  if (days === -1) return { kind: 'tomorrow', phrase: 'tomorrow', days };
  const weekday = format(w, 'EEEE');
  if (days > 1 && days < 7) {
    const same = startOfWeek(n, { weekStartsOn }).getTime() === startOfWeek(w, { weekStartsOn }).getTime();
    return same ? { kind: 'this-week', phrase: `on ${weekday}`, days } : { kind: 'last-week', phrase: `last ${weekday}`, days };
  }
  return { kind: 'date', phrase: `on ${format(w, w.getFullYear() === n.getFullYear() ? 'MMMM d' : 'MMMM d, yyyy')}`, days };
}

/** Calendar days from `when`'s day to `now`'s day in `timeZone` (negative when `when` is later); undefined for a bad date. */
export function calendarDaysSince(when: Date | string | number, now?: Date | string | number, timeZone?: string): number | undefined {
  const zone = safeZone(timeZone);
  const w = inZone(when, zone);
  const n = inZone(now, zone);
  return isValid(w) && isValid(n) ? differenceInCalendarDays(n, w) : undefined;
}

/** "Tuesday, November 17" (", 2027" added when not in `now`'s year) for an instant, in `timeZone`. */
export function longDate(when: Date | string | number, now?: Date | string | number, timeZone?: string): string | undefined {
  const zone = safeZone(timeZone);
  const w = inZone(when, zone);
  const n = inZone(now, zone);
  if (!isValid(w)) return undefined;
  return format(w, isValid(n) && w.getFullYear() !== n.getFullYear() ? 'EEEE, MMMM d, yyyy' : 'EEEE, MMMM d');
}

/**
 * A calendar date "YYYY-MM-DD" as words ("Friday, November 20"), with `past` telling whether it is
 * before `now`'s day in `timeZone`. Undefined for anything that is not a real date.
 */
export function calendarDate(
  ymd: string | undefined,
  now?: Date | string | number,
  timeZone?: string,
): { words: string; past: boolean } | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd?.trim() ?? '');
  if (!m) return undefined;
  const d = new TZDate(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 'UTC');
  if (!isValid(d) || format(d, 'yyyy-MM-dd') !== m[0]) return undefined;
  const n = inZone(now, safeZone(timeZone));
  const today = isValid(n) ? format(n, 'yyyy-MM-dd') : '';
  const sameYear = isValid(n) && d.getFullYear() === n.getFullYear();
  return { words: format(d, sameYear ? 'EEEE, MMMM d' : 'EEEE, MMMM d, yyyy'), past: m[0] < today };
}

/**
 * Dates in email text, read with chrono-node in the user's time zone (issue 15). Background only:
 * the parser stays out of the content script's 12 KB. chrono reads relative words ("Thursday",
 * "tomorrow at 2") against the reference's local clock and gives wall-clock components, so the
 * reference is the user's wall clock now, and components become instants in the user's zone
 * (or at the offset the text states: "2pm ET", "14:00 GMT+1").
 */
import * as chrono from 'chrono-node';
import { DAY_MS, localDayOf, MINUTE_MS, wallClockMs } from '../domain/calendar';

/** A Date whose local wall clock (in whatever zone this runs) reads what the user's clock reads at `now`. */
function wallReference(now: number, zone: string): Date {
  const day = localDayOf(now, zone);
  const minutes = Math.floor((now - wallClockMs(day, 0, zone)) / MINUTE_MS);
  const d = new Date(day * DAY_MS);
  return new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), Math.floor(minutes / 60), minutes % 60);
}

/** chrono's components as an instant: at the offset the text gave, else the wall clock in `zone`. */
function instantOf(c: chrono.ParsedComponents, zone: string): number {
  const y = c.get('year') ?? 1970;
  const mo = c.get('month') ?? 1;
  const d = c.get('day') ?? 1;
  const h = c.get('hour') ?? 0;
  const mi = c.get('minute') ?? 0;
  const offset = c.get('timezoneOffset');
  if (c.isCertain('timezoneOffset') && typeof offset === 'number') return Date.UTC(y, mo - 1, d, h, mi) - offset * MINUTE_MS;
  return wallClockMs(Math.round(Date.UTC(y, mo - 1, d) / DAY_MS), h * 60 + mi, zone);
}

/** A message time as a webmail shows it ("Tue, Dec 1, 2026, 10:42 AM", "Tue 12/1/2026 10:42 AM", "10:42 AM", ISO), or undefined. */
export function parseShownTime(text: string, zone: string, now: number): number | undefined {
  const s = text.trim();
  if (!s) return undefined;
  if (/^\d{4}-\d{2}-\d{2}T/.test(s)) {
    const ms = Date.parse(s);
    return Number.isFinite(ms) ? ms : undefined;
  }
  if (/^\d{12,14}$/.test(s)) return Number(s);
  const found = chrono.parse(s, wallReference(now, zone))[0];
  if (!found || !found.start.isCertain('hour')) return undefined;
  const ms = instantOf(found.start, zone);
  return Number.isFinite(ms) ? ms : undefined;
}

export type FoundTime = { start: number; end?: number };

/** Words that say how long ("45-minute", "30 min", "1 hour", "an hour"), in minutes. */
export function statedDuration(text: string): number | undefined {
  const m = /\b(\d{1,3}|an?|one|half an?)[\s-]*(minutes?|mins?|hours?|hrs?|h)\b/i.exec(text);
  if (!m) return undefined;
  const word = m[1]!.toLowerCase();
  const n = /^\d+$/.test(word) ? Number(word) : word.startsWith('half') ? 0.5 : 1;
  const minutes = /^h/i.test(m[2]!) ? n * 60 : n;
  return minutes >= 5 && minutes <= 480 ? Math.round(minutes) : undefined;
}

/**
 * The first future date and time the text states (a time of day is needed: "Thursday" alone is not
 * an appointment), with its end when the text gives a range ("2pm – 2:45pm"). Past dates (the
 * quoted "On Mon, … wrote:" line) are skipped.
 */
export function firstFutureTime(text: string, zone: string, now: number): FoundTime | undefined {
  // Calendar cards put a dot between the day and the time ("Thu Dec 3 ⋅ 2pm – 3pm"), which splits them for chrono.
  const plain = text.replace(/[⋅·•|]/g, ' ');
  for (const r of chrono.parse(plain, wallReference(now, zone), { forwardDate: true })) {
    if (!r.start.isCertain('hour')) continue;
    const start = instantOf(r.start, zone);
    if (!Number.isFinite(start) || start <= now) continue;
    const end = r.end && r.end.isCertain('hour') ? instantOf(r.end, zone) : undefined;
    return end !== undefined && end > start ? { start, end } : { start };
  }
  return undefined;
}

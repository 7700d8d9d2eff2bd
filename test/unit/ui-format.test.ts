import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { installFallbackMessages } from '../support/test-connection';
import { dayDiff, formatDateTime, formatDateTimeCompact, formatDay, formatShortDate, formatTime, formatWhen, recentHalfHour, toLocalInput, wallClockToMs, wallClock, weekdayNames } from '../../src/shared/format';
import { formatEntry, t } from '../../src/shared/i18n';

beforeAll(() => installFallbackMessages());

const NY = { timeZone: 'America/New_York', locale: 'en-US' };

describe('wall clock in the user zone', () => {
  it('reads the local parts of an instant', () => {
    expect(wallClock(Date.parse('2026-11-24T17:30:00Z'), 'America/New_York')).toEqual({ year: 2026, month: 11, day: 24, hour: 12, minute: 30 });
    expect(wallClock(Date.parse('2026-11-24T22:00:00Z'), 'Asia/Tokyo')).toEqual({ year: 2026, month: 11, day: 25, hour: 7, minute: 0 });
  });

  it('fills a datetime-local input in the user zone, not the machine zone', () => {
    expect(toLocalInput('2026-11-17T19:00:00.000Z', 'America/New_York')).toBe('2026-11-17T14:00');
    expect(toLocalInput('2026-11-17T19:00:00.000Z', 'Asia/Jerusalem')).toBe('2026-11-17T21:00');
    expect(toLocalInput('nonsense', 'UTC')).toBe('');
  });

  it('defaults to the start of an hour-long interview that just ended, on the local half hour', () => {
    // 12:10 in New York: it started around 11:10, so 11:00.
    expect(recentHalfHour(Date.parse('2026-11-24T17:10:00Z'), 'America/New_York')).toBe('2026-11-24T11:00');
    expect(recentHalfHour(Date.parse('2026-11-24T17:30:00Z'), 'America/New_York')).toBe('2026-11-24T11:30');
    expect(recentHalfHour(Date.parse('2026-11-24T17:29:59Z'), 'America/New_York')).toBe('2026-11-24T11:00');
    expect(recentHalfHour(Date.parse('2026-11-24T17:59:00Z'), 'America/New_York')).toBe('2026-11-24T11:30');
    // Kathmandu is UTC+5:45: local half hours are not UTC half hours (06:20Z is 12:05 local).
    expect(recentHalfHour(Date.parse('2026-11-24T06:20:00Z'), 'Asia/Kathmandu')).toBe('2026-11-24T11:00');
    // Just after midnight it is the evening before.
    expect(recentHalfHour(Date.parse('2026-11-25T05:20:00Z'), 'America/New_York')).toBe('2026-11-24T23:00');
  });

  it('turns a wall-clock time into its instant in the zone, DST included', () => {
    expect(new Date(wallClockToMs('2026-11-24', '14:00', 'America/New_York')).toISOString()).toBe('2026-11-24T19:00:00.000Z');
    expect(new Date(wallClockToMs('2026-07-24', '14:00', 'America/New_York')).toISOString()).toBe('2026-07-24T18:00:00.000Z');
    expect(wallClockToMs('2026-02-30', '14:00', 'UTC')).toBeNaN();
  });

  it('counts local days across a DST change', () => {
    // 2026-11-01 is the end of DST in New York.
    expect(dayDiff('2026-11-02T15:00:00Z', Date.parse('2026-10-31T15:00:00Z'), 'America/New_York')).toBe(2);
    expect(dayDiff('2026-11-24T04:30:00Z', Date.parse('2026-11-24T17:00:00Z'), 'America/New_York')).toBe(-1);
  });
});

describe('locale formatting', () => {
  it('formats dates and times as the locale writes them, in the user zone', () => {
    expect(formatDateTime('2026-11-24T15:00:00Z', NY)).toBe('Tue, Nov 24, 2026, 10:00 AM');
    expect(formatDateTime('2026-11-24T15:00:00Z', { timeZone: 'Europe/Berlin', locale: 'de-DE' })).toBe('Di., 24. Nov. 2026, 16:00');
    expect(formatTime('2026-11-24T15:00:00Z', { timeZone: 'Europe/London', locale: 'en-GB' })).toBe('15:00');
    expect(formatShortDate('2026-11-24T03:00:00Z', NY)).toBe('Nov 23');
    expect(formatDay('2026-12-25', { locale: 'en-US' })).toBe('Fri, Dec 25, 2026');
    expect(formatDay('2026-12-25', { locale: 'fr-FR' }, 'long')).toBe('vendredi 25 décembre 2026');
    expect(formatDateTimeCompact('2026-11-19T20:00:00Z', Date.parse('2026-11-24T17:00:00Z'), NY)).toBe('Thu, Nov 19, 3:00 PM');
    expect(formatDateTimeCompact('2025-11-19T20:00:00Z', Date.parse('2026-11-24T17:00:00Z'), NY)).toBe('Wed, Nov 19, 2025, 3:00 PM');
  });

  it('says today, tomorrow and yesterday where it reads best', () => {
    const now = Date.parse('2026-11-24T17:30:00Z');
    expect(formatWhen('2026-11-24T21:00:00Z', now, NY)).toBe('Today, 4:00 PM');
    expect(formatWhen('2026-11-25T15:00:00Z', now, NY)).toBe('Tomorrow, 10:00 AM');
    expect(formatWhen('2026-11-23T15:00:00Z', now, NY)).toBe('Yesterday, 10:00 AM');
    expect(formatWhen('2026-12-01T15:00:00Z', now, NY)).toBe('Tue, Dec 1, 10:00 AM');
    expect(formatWhen('2027-01-05T15:00:00Z', now, NY)).toBe('Tue, Jan 5, 2027, 10:00 AM');
    expect(formatWhen('2026-11-25T15:00:00Z', now, { timeZone: 'America/New_York', locale: 'es-ES' })).toBe('Mañana, 10:00');
  });

  it('names weekdays from Sunday', () => {
    expect(weekdayNames('en-US')).toEqual(['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']);
    expect(weekdayNames('de-DE', 'short')[1]).toBe('Mo');
  });
});

describe('i18n', () => {
  it('substitutes named placeholders like the browser does', () => {
    expect(formatEntry({ message: 'Saved $COMPANY$. Next: $STEP$ ($$5)', placeholders: { company: { content: '$1' }, step: { content: '$2' } } }, ['Acme', 'Inquiry'])).toBe('Saved Acme. Next: Inquiry ($5)');
    expect(t('toast_savedNext', 'Acme', 'Status inquiry', 'Today, 4:00 PM')).toBe('Saved Acme. Next: Status inquiry, Today, 4:00 PM.');
  });

  describe('with the extension API', () => {
    const g = globalThis as { browser?: unknown };
    const saved = g.browser;
    afterEach(() => {
      g.browser = saved;
    });
    it('prefers the browser translation and falls back when it throws or has none', () => {
      g.browser = { i18n: { getMessage: (k: string, s: string[]) => (k === 'form_company' ? 'Firma' : k === 'list_closed' ? `Geschlossen (${s[0]})` : '') } };
      expect(t('form_company')).toBe('Firma');
      expect(t('list_closed', 3)).toBe('Geschlossen (3)');
      expect(t('form_role')).toBe('Role');
      g.browser = { i18n: { getMessage: () => { throw new Error('not mocked'); } } };
      expect(t('form_role')).toBe('Role');
    });
  });
});

import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  addWorkDays,
  dayOfWeek,
  formatDay,
  isInDayWindow,
  isLocalDate,
  isValidTimeZone,
  isWorkDay,
  localDate,
  moveIntoDayWindow,
  nextWorkDay,
  parseDay,
  parseInstantMs,
  parseTime,
  resetCalendarCache,
  weekPosition,
  workWeekStart,
  zonedDateTime,
} from '../../src/domain/calendar';

const MON_FRI = { workWeek: [1, 2, 3, 4, 5], holidays: [] as string[] };
const SUN_THU = { workWeek: [0, 1, 2, 3, 4], holidays: [] as string[] };
const MON_SAT = { workWeek: [1, 2, 3, 4, 5, 6], holidays: [] as string[] };

describe('civil dates', () => {
  it('parses real dates only', () => {
    expect(parseDay('1970-01-01')).toBe(0);
    expect(parseDay('2026-11-17')).toBe(20_774);
    expect(formatDay(20_774)).toBe('2026-11-17');
    expect(isLocalDate('2028-02-29')).toBe(true);
    expect(isLocalDate('2000-02-29')).toBe(true);
    for (const bad of ['2026-02-29', '1900-02-29', '2026-02-30', '2026-13-01', '2026-00-10', '2026-11-31', '2026-1-1', '26-11-17', '2026-11-17T00:00', '', ' 2026-11-17']) {
      expect(isLocalDate(bad), bad).toBe(false);
    }
    expect(isLocalDate(20260101)).toBe(false);
  });

  it('property: day numbers agree with Date for every date from year 0 to 9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: -719_528, max: 2_932_896 }), (day) => {
        const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
        expect(parseDay(iso)).toBe(day);
        expect(formatDay(day)).toBe(iso);
      }),
      { numRuns: 2000 },
    );
  });

  it('property: instants read like Date.parse, in our stored form and any other', () => {
    const instant = fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2100, 0, 1) });
    fc.assert(
      fc.property(instant, (ms) => {
        const iso = new Date(ms).toISOString();
        expect(parseInstantMs(iso)).toBe(ms);
        expect(parseInstantMs(iso.replace('Z', '+00:00'))).toBe(ms);
      }),
      { numRuns: 2000 },
    );
    for (const bad of ['2026-02-30T10:00:00.000Z', '2026-11-17T24:00:00.000Z', '2026-11-17T10:60:00.000Z', '2026-11-17 10:00:00.000Z', 'x'.repeat(24), '']) {
      expect(parseInstantMs(bad), bad).toBe(Date.parse(bad));
    }
    expect(parseInstantMs('2026-11-17T10:00:00-05:00')).toBe(Date.UTC(2026, 10, 17, 15));
  });

  it('keeps years below 100 as written (Date.UTC would map them to the 1900s)', () => {
    expect(formatDay(parseDay('0050-03-01')!)).toBe('0050-03-01');
  });

  it('knows the weekday and adds calendar days across month and year ends', () => {
    expect(dayOfWeek('2026-11-17')).toBe(2);
    expect(dayOfWeek('1970-01-01')).toBe(4);
    expect(dayOfWeek('1969-12-28')).toBe(0);
    expect(addCalendarDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addCalendarDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addCalendarDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('parses HH:mm, with 24:00 only where a day may end', () => {
    expect(parseTime('00:00')).toBe(0);
    expect(parseTime('08:30')).toBe(510);
    expect(parseTime('23:59')).toBe(1439);
    expect(parseTime('24:00')).toBeUndefined();
    expect(parseTime('24:00', true)).toBe(1440);
    for (const bad of ['8:00', '08:60', '25:00', '24:01', '0800', '08:00:00', '']) expect(parseTime(bad, true), bad).toBeUndefined();
  });
});

describe('work days', () => {
  it('a work day is a work-week weekday that is not a holiday', () => {
    expect(isWorkDay('2026-11-20', MON_FRI)).toBe(true); // Fri
    expect(isWorkDay('2026-11-21', MON_FRI)).toBe(false); // Sat
    expect(isWorkDay('2026-11-22', MON_FRI)).toBe(false); // Sun
    expect(isWorkDay('2026-11-26', { ...MON_FRI, holidays: ['2026-11-26'] })).toBe(false);
    expect(isWorkDay('2026-11-22', SUN_THU)).toBe(true); // Sun
    expect(isWorkDay('2026-11-20', SUN_THU)).toBe(false); // Fri
    expect(isWorkDay('2026-11-21', MON_SAT)).toBe(true); // Sat
  });

  it('adds work days counting strictly after the start day', () => {
    expect(addWorkDays('2026-11-20', 1, MON_FRI)).toBe('2026-11-23'); // Fri → Mon
    expect(addWorkDays('2026-11-21', 1, MON_FRI)).toBe('2026-11-23'); // Sat → Mon
    expect(addWorkDays('2026-11-20', 3, MON_FRI)).toBe('2026-11-25'); // Fri +3 → Wed
    expect(addWorkDays('2026-11-25', 3, { ...MON_FRI, holidays: ['2026-11-26', '2026-11-27'] })).toBe('2026-12-02');
    expect(addWorkDays('2026-11-17', 0, MON_FRI)).toBe('2026-11-17');
    expect(addWorkDays('2026-11-19', 1, SUN_THU)).toBe('2026-11-22'); // Thu → Sun
    expect(addWorkDays('2026-11-20', 1, MON_SAT)).toBe('2026-11-21'); // Fri → Sat
  });

  it('crosses the year end around New Year holidays', () => {
    const settings = { ...MON_FRI, holidays: ['2026-12-25', '2027-01-01'] };
    expect(addWorkDays('2026-12-24', 1, settings)).toBe('2026-12-28');
    expect(addWorkDays('2026-12-31', 1, settings)).toBe('2027-01-04');
    expect(nextWorkDay('2027-01-01', settings)).toBe('2027-01-04');
  });

  it('finds the next work day on or after a date', () => {
    expect(nextWorkDay('2026-11-23', MON_FRI)).toBe('2026-11-23');
    expect(nextWorkDay('2026-11-21', MON_FRI)).toBe('2026-11-23');
    expect(nextWorkDay('2026-11-23', { ...MON_FRI, holidays: ['2026-11-23', '2026-11-24'] })).toBe('2026-11-25');
    expect(nextWorkDay('2026-11-20', SUN_THU)).toBe('2026-11-22');
  });

  it('ignores holidays that are not real dates', () => {
    expect(nextWorkDay('2026-11-23', { ...MON_FRI, holidays: ['2026-11-23x', 'nope'] })).toBe('2026-11-23');
  });

  it('rejects a work week with no day in it', () => {
    expect(() => nextWorkDay('2026-11-23', { workWeek: [], holidays: [] })).toThrow(RangeError);
    expect(() => workWeekStart([9])).toThrow(RangeError);
  });

  it('property: addWorkDays lands on a work day with exactly n work days after the start', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 18_000, max: 25_000 }),
        fc.integer({ min: 0, max: 15 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 40 }), { maxLength: 10 }),
        (start, n, workWeek, holidayOffsets) => {
          const settings = { workWeek, holidays: holidayOffsets.map((o) => formatDay(start + o)) };
          const from = formatDay(start);
          const to = addWorkDays(from, n, settings);
          const end = parseDay(to)!;
          let count = 0;
          for (let d = start + 1; d <= end; d++) if (isWorkDay(formatDay(d), settings)) count++;
          expect(count).toBe(n);
          if (n > 0) expect(isWorkDay(to, settings)).toBe(true);
          const next = parseDay(nextWorkDay(from, settings))!;
          expect(isWorkDay(formatDay(next), settings)).toBe(true);
          for (let d = start; d < next; d++) expect(isWorkDay(formatDay(d), settings)).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('position in the work week', () => {
  it('starts the calendar week on the first day of the work week', () => {
    expect(workWeekStart([1, 2, 3, 4, 5])).toBe(1);
    expect(workWeekStart([0, 1, 2, 3, 4])).toBe(0);
    expect(workWeekStart([1, 2, 3, 4, 5, 6])).toBe(1);
    expect(workWeekStart([6, 0, 1, 2, 3])).toBe(6); // Sat–Wed
    expect(workWeekStart([0, 1, 2, 3, 4, 5, 6])).toBe(1);
    expect(workWeekStart([5, 3, 1])).toBe(1); // Mon/Wed/Fri: Monday follows the weekend
    expect(workWeekStart([3])).toBe(3);
    expect(workWeekStart([2, 3, 4, 5, 6])).toBe(2); // Tue–Sat
  });

  it('breaks a tie between equal weekends by the longer block of work days, then from Monday', () => {
    expect(workWeekStart([0, 1, 2, 4, 5])).toBe(0); // Sun–Tue + Thu–Fri: one day off before each block
    expect(workWeekStart([1, 2, 3, 5, 6])).toBe(1); // Mon–Wed + Fri–Sat: Mon–Wed is the longer block
    expect(workWeekStart([1, 2, 4, 5])).toBe(1); // Mon–Tue + Thu–Fri: the weekend is Sat–Sun
    expect(workWeekStart([1, 3, 5])).toBe(1);
    expect(workWeekStart([1, 4])).toBe(1); // Fri–Sun off is longer than Tue–Wed
    expect(workWeekStart([1, 5])).toBe(5); // Tue–Thu off is the longest stretch, so Friday opens the week
  });

  it('numbers the work days by weekday', () => {
    const days = ['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22'];
    expect(days.map((d) => weekPosition(d, [1, 2, 3, 4, 5]))).toEqual([1, 2, 3, 4, 5, undefined, undefined]);
    expect(days.map((d) => weekPosition(d, [0, 1, 2, 3, 4]))).toEqual([2, 3, 4, 5, undefined, undefined, 1]);
    expect(days.map((d) => weekPosition(d, [1, 2, 3, 4, 5, 6]))).toEqual([1, 2, 3, 4, 5, 6, undefined]);
  });
});

describe('zones and wall clocks', () => {
  it('turns a local date and time into the right instant on both sides of UTC and at half hours', () => {
    expect(zonedDateTime('2026-11-17', '10:00', 'America/New_York')).toBe('2026-11-17T15:00:00.000Z');
    expect(zonedDateTime('2026-07-17', '10:00', 'America/New_York')).toBe('2026-07-17T14:00:00.000Z');
    expect(zonedDateTime('2026-11-17', '10:00', 'Asia/Kolkata')).toBe('2026-11-17T04:30:00.000Z');
    expect(zonedDateTime('2026-11-17', '10:00', 'America/St_Johns')).toBe('2026-11-17T13:30:00.000Z');
    expect(zonedDateTime('2026-11-17', '10:00', 'Asia/Kathmandu')).toBe('2026-11-17T04:15:00.000Z');
    expect(zonedDateTime('2026-11-17', '10:00', 'Pacific/Kiritimati')).toBe('2026-11-16T20:00:00.000Z');
    expect(zonedDateTime('2026-11-17', '24:00', 'America/New_York')).toBe('2026-11-18T05:00:00.000Z');
  });

  it('moves a time in a spring-forward gap ahead by the gap', () => {
    expect(zonedDateTime('2026-03-08', '02:30', 'America/New_York')).toBe('2026-03-08T07:30:00.000Z'); // 03:30 EDT
    expect(zonedDateTime('2026-03-29', '02:30', 'Europe/Berlin')).toBe('2026-03-29T01:30:00.000Z'); // 03:30 CEST
    expect(zonedDateTime('2026-09-06', '00:00', 'America/Santiago')).toBe('2026-09-06T04:00:00.000Z'); // midnight skipped → 01:00
  });

  it('reads a repeated fall-back time as its first occurrence', () => {
    expect(zonedDateTime('2026-11-01', '01:30', 'America/New_York')).toBe('2026-11-01T05:30:00.000Z'); // EDT
    expect(zonedDateTime('2026-10-25', '02:30', 'Europe/Berlin')).toBe('2026-10-25T00:30:00.000Z'); // CEST
  });

  describe('whatever the machine zone is', () => {
    const original = process.env.TZ;
    afterEach(() => {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
      resetCalendarCache();
    });

    it.each(['UTC', 'Asia/Kolkata', 'America/Santiago', 'Europe/Berlin', 'Pacific/Auckland'])('gives the same instants with TZ=%s', (machineZone) => {
      process.env.TZ = machineZone;
      resetCalendarCache();
      expect(zonedDateTime('2026-10-25', '02:30', 'Europe/Berlin')).toBe('2026-10-25T00:30:00.000Z');
      expect(zonedDateTime('2026-11-01', '01:30', 'America/New_York')).toBe('2026-11-01T05:30:00.000Z');
      expect(zonedDateTime('2026-03-08', '02:30', 'America/New_York')).toBe('2026-03-08T07:30:00.000Z');
      expect(zonedDateTime('2026-11-17', '10:00', 'Asia/Kolkata')).toBe('2026-11-17T04:30:00.000Z');
      expect(localDate('2026-11-17T04:00:00.000Z', 'America/New_York')).toBe('2026-11-16');
    });
  });

  it('tells the local date of an instant', () => {
    expect(localDate('2026-11-17T04:59:59.999Z', 'America/New_York')).toBe('2026-11-16');
    expect(localDate('2026-11-17T05:00:00.000Z', 'America/New_York')).toBe('2026-11-17');
    expect(localDate('2026-11-17T11:00:00.000Z', 'Pacific/Kiritimati')).toBe('2026-11-18');
    expect(localDate('2026-11-17T10:00:00.000Z', 'Pacific/Pago_Pago')).toBe('2026-11-16');
    expect(localDate('2026-11-16T18:30:00.000Z', 'Asia/Kolkata')).toBe('2026-11-17');
    expect(localDate('2026-09-06T03:59:59.000Z', 'America/Santiago')).toBe('2026-09-05');
    expect(localDate('2026-09-06T04:00:00.000Z', 'America/Santiago')).toBe('2026-09-06');
    expect(localDate(new Date('2026-11-17T12:00:00.000Z'), 'UTC')).toBe('2026-11-17');
  });

  it('property: the local date agrees with the zone’s own formatter', () => {
    const zones = ['America/New_York', 'Europe/Berlin', 'Asia/Kolkata', 'America/St_Johns', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'America/Santiago', 'Australia/Lord_Howe'];
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) }), fc.constantFrom(...zones), (ms, zone) => {
        const expected = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);
        expect(localDate(ms, zone)).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('rejects unknown zones, dates and times', () => {
    expect(isValidTimeZone('America/New_York')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
    expect(isValidTimeZone(42)).toBe(false);
    expect(() => zonedDateTime('2026-11-17', '10:00', 'Mars/Olympus_Mons')).toThrow(RangeError);
    expect(() => zonedDateTime('2026-02-30', '10:00', 'UTC')).toThrow(RangeError);
    expect(() => zonedDateTime('2026-11-17', '10:61', 'UTC')).toThrow(RangeError);
    expect(() => localDate('yesterday', 'UTC')).toThrow(RangeError);
  });
});

describe('day window', () => {
  const ny = { timeZone: 'America/New_York', dayStart: '08:00', dayEnd: '20:00' };

  it('moves an instant into the window: before → that morning, at or after the end → next morning', () => {
    expect(moveIntoDayWindow('2026-11-17T11:00:00.000Z', ny)).toBe('2026-11-17T13:00:00.000Z'); // 06:00 → 08:00
    expect(moveIntoDayWindow('2026-11-17T15:00:00.000Z', ny)).toBe('2026-11-17T15:00:00.000Z'); // 10:00 stays
    expect(moveIntoDayWindow('2026-11-18T01:00:00.000Z', ny)).toBe('2026-11-18T13:00:00.000Z'); // 20:00 → next 08:00
    expect(moveIntoDayWindow('2026-11-18T00:59:59.999Z', ny)).toBe('2026-11-18T00:59:59.999Z'); // 19:59:59.999 stays
    expect(moveIntoDayWindow('2026-11-18T04:30:00.000Z', ny)).toBe('2026-11-18T13:00:00.000Z'); // 23:30 → next 08:00
  });

  it('keeps the window on the wall clock across both DST changes', () => {
    expect(moveIntoDayWindow('2026-03-08T08:00:00.000Z', ny)).toBe('2026-03-08T12:00:00.000Z'); // spring: 08:00 EDT
    expect(moveIntoDayWindow('2026-03-07T08:00:00.000Z', ny)).toBe('2026-03-07T13:00:00.000Z'); // the day before: 08:00 EST
    expect(moveIntoDayWindow('2026-11-01T08:00:00.000Z', ny)).toBe('2026-11-01T13:00:00.000Z'); // fall: 08:00 EST
    const berlin = { timeZone: 'Europe/Berlin', dayStart: '08:00', dayEnd: '20:00' };
    expect(moveIntoDayWindow('2026-03-29T03:00:00.000Z', berlin)).toBe('2026-03-29T06:00:00.000Z');
    expect(moveIntoDayWindow('2026-10-25T03:00:00.000Z', berlin)).toBe('2026-10-25T07:00:00.000Z');
  });

  it('skips a day whose window lies wholly in a DST gap (Nuuk jumps 23:00 → 00:00 on 2026-03-28)', () => {
    const nuuk = { timeZone: 'America/Nuuk', dayStart: '23:10', dayEnd: '23:50' };
    expect(moveIntoDayWindow('2026-03-28T23:00:00.000Z', nuuk)).toBe('2026-03-30T00:10:00.000Z'); // 21:00 → next day 23:10
    const evening = { timeZone: 'America/Nuuk', dayStart: '20:00', dayEnd: '23:30' };
    expect(moveIntoDayWindow('2026-03-29T00:30:00.000Z', evening)).toBe('2026-03-29T00:30:00.000Z'); // 22:30 −02 stays
    expect(moveIntoDayWindow('2026-03-29T01:10:00.000Z', evening)).toBe('2026-03-29T21:00:00.000Z'); // 00:10 −01 → 20:00 that day
  });

  it('treats 24:00 as the end of the day', () => {
    const late = { timeZone: 'UTC', dayStart: '06:00', dayEnd: '24:00' };
    expect(isInDayWindow('2026-11-17T23:59:59.999Z', late)).toBe(true);
    expect(isInDayWindow('2026-11-17T05:59:59.999Z', late)).toBe(false);
    expect(moveIntoDayWindow('2026-11-17T23:30:00.000Z', late)).toBe('2026-11-17T23:30:00.000Z');
  });
});

import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { defaultCalendar } from './calendar.js';
import { calendarDaysBetween } from './day-numbers.js';
import { workingDaysBetween } from './working-days.js';

const calendar = defaultCalendar();
const workingDays = (from: string, to: string) => workingDaysBetween(calendar, from, to);

describe('working days between two dates (weekends and bank holidays not counted)', () => {
  it('counts the working days after the first date up to and including the second', () => {
    expect(workingDays('2026-11-02', '2026-11-02')).toBe(0);
    expect(workingDays('2026-11-02', '2026-11-03')).toBe(1);
    expect(workingDays('2026-11-06', '2026-11-09')).toBe(1);
    expect(workingDays('2026-11-02', '2026-11-16')).toBe(10);
    expect(workingDays('2026-11-05', '2026-11-02')).toBe(0);
  });

  it('starts and ends on weekends, across DST changes, years and leap days', () => {
    expect(workingDays('2026-11-07', '2026-11-08')).toBe(0); // Saturday to Sunday
    expect(workingDays('2026-11-06', '2026-11-08')).toBe(0); // Friday to Sunday
    expect(workingDays('2026-11-08', '2026-11-14')).toBe(5); // Sunday to Saturday
    expect(workingDays('2026-03-27', '2026-03-30')).toBe(1); // clocks go forward on Sunday 29 March
    expect(workingDays('2026-10-23', '2026-10-26')).toBe(1); // clocks go back on Sunday 25 October
    expect(workingDays('2028-02-28', '2028-03-01')).toBe(2); // 29 February 2028 is a Tuesday
  });

  it('leaves out bank holidays, published and computed', () => {
    expect(workingDays('2026-04-02', '2026-04-07')).toBe(1); // Good Friday and Easter Monday
    expect(workingDays('2026-05-22', '2026-05-26')).toBe(1); // spring bank holiday
    expect(workingDays('2026-12-24', '2026-12-29')).toBe(1); // Christmas Day, Boxing Day substituted to Monday
    expect(workingDays('2027-12-31', '2028-01-04')).toBe(1); // New Year's Day (a Saturday) substituted to Monday 3rd
    expect(workingDays('2031-12-31', '2032-01-02')).toBe(1); // computed: New Year's Day 2032 is a Thursday
    expect(workingDays('1969-12-26', '1970-01-05')).toBe(5); // before the epoch: 1 January 1970 was a Thursday
  });

  it('agrees with stepping one day at a time through the calendar, for any two dates', () => {
    const dates = fc.date({ min: new Date('1990-01-01'), max: new Date('2060-12-31'), noInvalidDate: true });
    const isoDate = dates.map((date) => date.toISOString().slice(0, 10));
    fc.assert(
      fc.property(isoDate, fc.integer({ min: -30, max: 400 }), (from, offset) => {
        const to = DateTime.fromISO(from).plus({ days: offset }).toISODate()!;
        expect(workingDays(from, to)).toBe(countOneByOne(from, to));
      }),
      { numRuns: 2_000 },
    );
  });

  it('refuses something that is not a calendar date', () => {
    expect(() => workingDays('2026-02-30', '2026-03-02')).toThrow(RangeError);
    expect(() => workingDays('2026-11-02', 'next week')).toThrow(RangeError);
    expect(() => calendarDaysBetween('2026-11-02', '2026-13-01')).toThrow(RangeError);
  });
});

describe('calendar days between two dates', () => {
  it('counts plain dates, ignoring clock changes', () => {
    expect(calendarDaysBetween('2026-11-02', '2026-11-02')).toBe(0);
    expect(calendarDaysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(calendarDaysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(calendarDaysBetween('2026-11-10', '2026-11-02')).toBe(-8);
  });
});

function countOneByOne(from: string, to: string): number {
  let cursor = from;
  let count = 0;
  while (cursor < to) {
    cursor = DateTime.fromISO(cursor).plus({ days: 1 }).toISODate()!;
    if (calendar.isWorkingDay(cursor)) count += 1;
  }
  return count;
}

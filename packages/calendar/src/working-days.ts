import type { BankHolidayCalendar } from './calendar.js';
import { epochDay, weekdaysBefore } from './day-numbers.js';
import type { IsoDate } from './london-date.js';

/**
 * Working days (Monday to Friday, not a bank holiday) after `from` up to and including `to`; 0 when `to` is not
 * after `from`. Weekdays are counted arithmetically, then the weekday bank holidays in the range taken off: a few
 * comparisons per year spanned (it runs for every passport on every fold and list).
 */
export function workingDaysBetween(calendar: BankHolidayCalendar, from: IsoDate, to: IsoDate): number {
  const first = epochDay(from);
  const last = epochDay(to);
  if (last <= first) return 0;
  let holidays = 0;
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    for (const day of weekdayHolidaysIn(calendar, year)) if (day > first && day <= last) holidays++;
  }
  return weekdaysBefore(last + 1) - weekdaysBefore(first + 1) - holidays;
}

const weekdayHolidays = new WeakMap<BankHolidayCalendar, Map<number, readonly number[]>>();

/** A year's bank holidays that fall on weekdays, as epoch days, worked out once per calendar and year. */
function weekdayHolidaysIn(calendar: BankHolidayCalendar, year: number): readonly number[] {
  let byYear = weekdayHolidays.get(calendar);
  if (!byYear) {
    byYear = new Map();
    weekdayHolidays.set(calendar, byYear);
  }
  let days = byYear.get(year);
  if (!days) {
    days = calendar.bankHolidaysIn(year).map(epochDay).filter(isWeekday);
    byYear.set(year, days);
  }
  return days;
}

function isWeekday(epochDayNumber: number): boolean {
  return weekdaysBefore(epochDayNumber + 1) > weekdaysBefore(epochDayNumber);
}

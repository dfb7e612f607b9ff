import type { BankHolidayCalendar } from './calendar.js';
import { epochDay, weekdaysBefore } from './day-numbers.js';
import type { IsoDate } from './london-date.js';

/**
 * Working days (Monday to Friday, not a bank holiday) after `from` up to and including `to`; 0 when `to` is not
 * after `from`. Weekdays are counted arithmetically, then the weekday bank holidays in the range taken off: a few
 * comparisons per year spanned.
 */
export function workingDaysBetween(calendar: BankHolidayCalendar, from: IsoDate, to: IsoDate): number {
  const first = epochDay(from);
  const last = epochDay(to);
  if (last <= first) return 0;
  let holidays = 0;
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    for (const holiday of calendar.bankHolidaysIn(year)) {
      const day = epochDay(holiday);
      if (day > first && day <= last && isWeekday(day)) holidays++;
    }
  }
  return weekdaysBefore(last + 1) - weekdaysBefore(first + 1) - holidays;
}

function isWeekday(epochDayNumber: number): boolean {
  return weekdaysBefore(epochDayNumber + 1) > weekdaysBefore(epochDayNumber);
}

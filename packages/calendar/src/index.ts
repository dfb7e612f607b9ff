/**
 * England and Wales working days, in Europe/London: bank holidays from GOV.UK's published file (shipped in `data/`,
 * never fetched at run time) with a computed fallback, and the counts release-scheduling, treatment-continuity and
 * the passport all need to agree on. Pure: no I/O beyond reading the shipped file at import.
 */
export { type BankHolidayCalendar, calendarFromGovUk, defaultCalendar } from './calendar.js';
export { type BankHoliday, computedBankHolidays } from './computed-holidays.js';
export { calendarDaysBetween, epochDay } from './day-numbers.js';
export { easterSunday } from './easter.js';
export { ENGLAND_AND_WALES, type GovUkBankHolidays, type GovUkEvent, parseGovUkBankHolidays } from './gov-uk.js';
export {
  addDays,
  type IsoDate,
  isFriday,
  isIsoDate,
  isWeekend,
  LONDON,
  londonDate,
  londonToday,
  longDate,
  toIsoDate,
  weekday,
  yearOf,
} from './london-date.js';
export { workingDaysBetween } from './working-days.js';

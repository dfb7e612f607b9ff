import shippedBankHolidays from '../data/bank-holidays.json' with { type: 'json' };
import { computedBankHolidays } from './computed-holidays.js';
import { ENGLAND_AND_WALES, parseGovUkBankHolidays } from './gov-uk.js';
import { addDays, type IsoDate, isWeekend, londonDate, yearOf } from './london-date.js';

export interface BankHolidayCalendar {
  isBankHoliday(date: IsoDate): boolean;
  holidayName(date: IsoDate): string | null;
  /** Monday to Friday and not a bank holiday. */
  isWorkingDay(date: IsoDate): boolean;
  /** The last working day strictly before `date`. */
  previousWorkingDay(date: IsoDate): IsoDate;
  /** The first working day strictly after `date`. */
  nextWorkingDay(date: IsoDate): IsoDate;
  isFollowedByNonWorkingDay(date: IsoDate): boolean;
  /** The bank holidays of one year, in date order. */
  bankHolidaysIn(year: number): readonly IsoDate[];
  /** Years the published data covers; other years use the computed fallback. */
  readonly publishedYears: ReadonlySet<number>;
}

/** England and Wales, from the GOV.UK JSON, with the computed fallback outside the years it covers. */
export function calendarFromGovUk(json: unknown): BankHolidayCalendar {
  const events = parseGovUkBankHolidays(json)[ENGLAND_AND_WALES]?.events ?? [];
  const publishedYears = new Set(events.map((event) => yearOf(event.date)));
  const byYear = new Map<number, Map<IsoDate, string>>();

  const holidaysOf = (year: number): Map<IsoDate, string> => {
    let forYear = byYear.get(year);
    if (!forYear) {
      const holidays = publishedYears.has(year)
        ? events.filter((event) => yearOf(event.date) === year)
        : computedBankHolidays(year);
      forYear = new Map(holidays.map((holiday) => [holiday.date, holiday.title]));
      byYear.set(year, forYear);
    }
    return forYear;
  };
  const holidayName = (date: IsoDate): string | null => holidaysOf(londonDate(date).year).get(date) ?? null;
  const isBankHoliday = (date: IsoDate) => holidayName(date) !== null;
  const isWorkingDay = (date: IsoDate) => !isWeekend(date) && !isBankHoliday(date);
  const step = (date: IsoDate, days: number) => {
    let next = addDays(date, days);
    while (!isWorkingDay(next)) next = addDays(next, days);
    return next;
  };

  return {
    isBankHoliday,
    holidayName,
    isWorkingDay,
    previousWorkingDay: (date) => step(date, -1),
    nextWorkingDay: (date) => step(date, 1),
    isFollowedByNonWorkingDay: (date) => !isWorkingDay(addDays(date, 1)),
    bankHolidaysIn: (year) => [...holidaysOf(year).keys()].sort(),
    publishedYears,
  };
}

let shipped: BankHolidayCalendar | undefined;

/** The calendar from the `data/bank-holidays.json` shipped with the service (no network). */
export function defaultCalendar(): BankHolidayCalendar {
  shipped ??= calendarFromGovUk(shippedBankHolidays);
  return shipped;
}

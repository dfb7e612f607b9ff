import { calendarDaysBetween, defaultCalendar, LONDON, workingDaysBetween } from '@resettle/calendar';
import { DateTime } from 'luxon';
import { remembered } from './memo.js';

export { LONDON };

function day(date: string): DateTime {
  const parsed = DateTime.fromISO(date, { zone: LONDON });
  if (!parsed.isValid) throw new RangeError(`Not a calendar date: ${date}`);
  return parsed;
}

function instant(at: string): DateTime {
  const parsed = DateTime.fromISO(at, { setZone: true });
  if (!parsed.isValid) throw new RangeError(`Not an instant: ${at}`);
  return parsed.setZone(LONDON);
}

/** 'Thursday 19 November'. */
export const longDate = remembered((date) => day(date).setLocale('en-GB').toFormat('cccc d LLLL'));

/** 'Friday'. */
export const weekdayName = remembered((date) => day(date).setLocale('en-GB').toFormat('cccc'));

const londonDateOfInstant = remembered((at) => instant(at).toISODate()!);

// London is always a whole number of hours from UTC, so every instant in one UTC hour has the same London date.
const londonDateOfHour = remembered((hour) => instant(`${hour}:00:00Z`).toISODate()!);

/** The London calendar date of an instant. */
export function londonDateOf(at: string | Date): string {
  return typeof at === 'string' ? londonDateOfInstant(at) : londonDateOfHour(at.toISOString().slice(0, 13));
}

/** The London wall-clock time of an instant, 'HH:mm'. */
export const londonTimeOf = remembered((at) => instant(at).toFormat('HH:mm'));

const millisOf = remembered((at) => instant(at).toMillis());

export function sameInstant(a: string, b: string): boolean {
  return millisOf(a) === millisOf(b);
}

export function isBefore(a: string, b: string): boolean {
  return millisOf(a) < millisOf(b);
}

/** The first working day after `date`: not a weekend, not an England and Wales bank holiday. */
export const nextWorkingDay = remembered((date) => defaultCalendar().nextWorkingDay(date));

/**
 * Working days (not weekends or bank holidays) after `today` up to and including `releaseDate`: 0 on release day
 * or after. Near constant time: it runs for every passport on every list and fold.
 */
export function workingDaysUntil(today: string, releaseDate: string): number {
  return workingDaysBetween(defaultCalendar(), today, releaseDate);
}

/** Calendar days from `today` to `releaseDate` (negative once it has passed). */
export function calendarDaysUntil(today: string, releaseDate: string): number {
  return calendarDaysBetween(today, releaseDate);
}

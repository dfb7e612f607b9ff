import { DateTime } from 'luxon';

export const LONDON = 'Europe/London';

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
export function longDate(date: string): string {
  return day(date).setLocale('en-GB').toFormat('cccc d LLLL');
}

/** 'Friday'. */
export function weekdayName(date: string): string {
  return day(date).setLocale('en-GB').toFormat('cccc');
}

export function isFriday(date: string): boolean {
  return day(date).weekday === 5;
}

/** The London calendar date of an instant. */
export function londonDateOf(at: string | Date): string {
  const value = typeof at === 'string' ? instant(at) : DateTime.fromJSDate(at, { zone: LONDON });
  return value.toISODate()!;
}

/** The London wall-clock time of an instant, 'HH:mm'. */
export function londonTimeOf(at: string): string {
  return instant(at).toFormat('HH:mm');
}

export function sameInstant(a: string, b: string): boolean {
  return instant(a).toMillis() === instant(b).toMillis();
}

export function isBefore(a: string, b: string): boolean {
  return instant(a).toMillis() < instant(b).toMillis();
}

/** The next Monday-to-Friday date after `date`. Bank holidays are not known here. */
export function nextWeekday(date: string): string {
  let next = day(date).plus({ days: 1 });
  while (next.weekday > 5) next = next.plus({ days: 1 });
  return next.toISODate()!;
}

/**
 * Working days (Monday to Friday) after `today` up to and including `releaseDate`: 0 on release day or after.
 * Bank holidays are ignored, so near a bank holiday this counts one day too many.
 */
export function workingDaysUntil(today: string, releaseDate: string): number {
  let cursor = day(today);
  const end = day(releaseDate);
  let count = 0;
  while (cursor < end) {
    cursor = cursor.plus({ days: 1 });
    if (cursor.weekday <= 5) count += 1;
  }
  return count;
}

/** Calendar days from `today` to `releaseDate` (negative once it has passed). */
export function calendarDaysUntil(today: string, releaseDate: string): number {
  return Math.round(day(releaseDate).diff(day(today), 'days').days);
}

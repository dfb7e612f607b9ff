import { DateTime } from 'luxon';
import { remembered } from './memo.js';

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
export const longDate = remembered((date) => day(date).setLocale('en-GB').toFormat('cccc d LLLL'));

/** 'Friday'. */
export const weekdayName = remembered((date) => day(date).setLocale('en-GB').toFormat('cccc'));

export const isFriday = remembered((date) => day(date).weekday === 5);

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

/** The next Monday-to-Friday date after `date`. Bank holidays are not known here. */
export const nextWeekday = remembered((date) => {
  let next = day(date).plus({ days: 1 });
  while (next.weekday > 5) next = next.plus({ days: 1 });
  return next.toISODate()!;
});

/**
 * Working days (Monday to Friday) after `today` up to and including `releaseDate`: 0 on release day or after.
 * Bank holidays are ignored, so near a bank holiday this counts one day too many. Counted on plain calendar dates
 * (no time zone is involved in a date), in constant time: it runs for every passport on every list and fold.
 */
export function workingDaysUntil(today: string, releaseDate: string): number {
  const from = epochDay(today);
  const to = epochDay(releaseDate);
  return to > from ? weekdaysBefore(to + 1) - weekdaysBefore(from + 1) : 0;
}

const MS_PER_DAY = 86_400_000;
/** 1970-01-05, the first Monday of the epoch, as an epoch day. */
const FIRST_MONDAY = 4;

function epochDay(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const [year, month, dayOfMonth] = (match?.slice(1) ?? []).map(Number);
  const ms = Date.UTC(year ?? Number.NaN, (month ?? 0) - 1, dayOfMonth);
  if (Number.isNaN(ms) || new Date(ms).getUTCDate() !== dayOfMonth)
    throw new RangeError(`Not a calendar date: ${date}`);
  return ms / MS_PER_DAY;
}

/** Monday-to-Friday days from the first Monday of the epoch up to, not including, `epochDayNumber`. */
function weekdaysBefore(epochDayNumber: number): number {
  const days = epochDayNumber - FIRST_MONDAY;
  const weeks = Math.floor(days / 7);
  return weeks * 5 + Math.min(days - weeks * 7, 5);
}

/** Calendar days from `today` to `releaseDate` (negative once it has passed). */
export function calendarDaysUntil(today: string, releaseDate: string): number {
  return epochDay(releaseDate) - epochDay(today);
}

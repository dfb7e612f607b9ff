import { DateTime } from 'luxon';

export const LONDON = 'Europe/London';

/** A calendar date in Europe/London, `YYYY-MM-DD`. */
export type IsoDate = string;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

// Parsing in a named zone is slow in luxon and the rules walk the same few thousand dates over and over.
const parsedDates = new Map<IsoDate, DateTime>();
const CACHE_LIMIT = 50_000;

/** Midnight of the calendar date in London (never a DST gap: UK clocks change at 01:00/02:00). */
export function londonDate(date: IsoDate): DateTime {
  const cached = parsedDates.get(date);
  if (cached) return cached;
  const parsed = ISO_DATE.test(date) ? DateTime.fromISO(date, { zone: LONDON }) : null;
  if (!parsed?.isValid) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${date}`);
  if (parsedDates.size >= CACHE_LIMIT) parsedDates.clear();
  parsedDates.set(date, parsed);
  return parsed;
}

export function isIsoDate(date: string): boolean {
  return ISO_DATE.test(date) && DateTime.fromISO(date, { zone: LONDON }).isValid;
}

export function toIsoDate(dateTime: DateTime): IsoDate {
  return dateTime.setZone(LONDON).toISODate()!;
}

const shiftedDates = new Map<string, IsoDate>();

export function addDays(date: IsoDate, days: number): IsoDate {
  const key = `${date}${days}`;
  let shifted = shiftedDates.get(key);
  if (shifted === undefined) {
    shifted = toIsoDate(londonDate(date).plus({ days }));
    if (shiftedDates.size >= CACHE_LIMIT) shiftedDates.clear();
    shiftedDates.set(key, shifted);
  }
  return shifted;
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function weekday(date: IsoDate): number {
  return londonDate(date).weekday;
}

export function isWeekend(date: IsoDate): boolean {
  return weekday(date) >= 6;
}

export function isFriday(date: IsoDate): boolean {
  return weekday(date) === 5;
}

export function yearOf(date: IsoDate): number {
  return londonDate(date).year;
}

/** Today's calendar date in London at the given instant. */
export function londonToday(now: Date): IsoDate {
  return toIsoDate(DateTime.fromJSDate(now, { zone: LONDON }));
}

/** 'Friday 3 April 2026', for explanations a planner reads. */
export function longDate(date: IsoDate): string {
  return londonDate(date).setLocale('en-GB').toFormat('cccc d LLLL yyyy');
}

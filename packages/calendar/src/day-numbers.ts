import type { IsoDate } from './london-date.js';

const MS_PER_DAY = 86_400_000;
/** 1970-01-05, the first Monday of the epoch, as an epoch day. */
const FIRST_MONDAY = 4;

/**
 * Days since 1970-01-01 of a plain calendar date (no time zone is involved in a date). Arithmetic, not luxon: the
 * counts built on it run for every passport on every list and fold.
 */
export function epochDay(date: IsoDate): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const [year, month, dayOfMonth] = (match?.slice(1) ?? []).map(Number);
  const ms = Date.UTC(year ?? Number.NaN, (month ?? 0) - 1, dayOfMonth);
  // Date.UTC rolls 2026-02-30 and 2026-13-01 over into the next month or year: only a round trip is a real date.
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date) {
    throw new RangeError(`Not a calendar date: ${date}`);
  }
  return ms / MS_PER_DAY;
}

/** Monday-to-Friday days from the first Monday of the epoch up to, not including, `epochDayNumber`. */
export function weekdaysBefore(epochDayNumber: number): number {
  const days = epochDayNumber - FIRST_MONDAY;
  const weeks = Math.floor(days / 7);
  return weeks * 5 + Math.min(days - weeks * 7, 5);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function calendarDaysBetween(from: IsoDate, to: IsoDate): number {
  return epochDay(to) - epochDay(from);
}

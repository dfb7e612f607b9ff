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
  // setUTCFullYear, unlike Date.UTC, keeps years below 100 as written; a day or month out of range rolls over
  // (2026-02-30 becomes 2 March, 2026-13-01 January 2027), which the read-back catches.
  const probe = new Date(0);
  const ms = probe.setUTCFullYear(year ?? Number.NaN, (month ?? 0) - 1, dayOfMonth);
  if (Number.isNaN(ms) || probe.getUTCMonth() !== (month ?? 0) - 1 || probe.getUTCDate() !== dayOfMonth) {
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

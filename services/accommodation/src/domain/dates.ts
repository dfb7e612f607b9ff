import { DateTime } from 'luxon';

export const ZONE = 'Europe/London';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A 'YYYY-MM-DD' Europe/London calendar date; null when unusable. */
export function londonDate(value: string): DateTime | null {
  if (!DATE.test(value)) return null;
  const date = DateTime.fromISO(value, { zone: ZONE });
  return date.isValid ? date : null;
}

/** 'Thu 16 Apr 2026' */
export function describeDate(value: string): string {
  return londonDate(value)?.toFormat('ccc d LLL yyyy') ?? value;
}

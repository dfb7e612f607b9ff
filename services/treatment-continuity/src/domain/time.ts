import { DateTime } from 'luxon';

export const ZONE = 'Europe/London';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const LOCAL_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
// An instant must carry its offset so the result never depends on the machine's zone.
const INSTANT_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

export type Clock = DateTime | string;

/** An ISO instant (with offset) or a DateTime, seen on the Europe/London clock; null when unusable. */
export function londonInstant(value: Clock): DateTime | null {
  if (typeof value !== 'string') return value.isValid ? value.setZone(ZONE) : null;
  if (!INSTANT_WITH_OFFSET.test(value)) return null;
  const instant = DateTime.fromISO(value, { zone: ZONE });
  return instant.isValid ? instant : null;
}

/** A 'YYYY-MM-DD' Europe/London calendar date at its start of day; null when unusable. */
export function londonDate(value: string): DateTime | null {
  if (!DATE.test(value)) return null;
  const date = DateTime.fromISO(value, { zone: ZONE });
  return date.isValid ? date : null;
}

/** The Europe/London calendar date of an instant, as 'YYYY-MM-DD'. */
export function londonDateOf(instant: DateTime): string {
  return instant.setZone(ZONE).toISODate() ?? '';
}

/** Minutes after midnight for a local 'HH:mm'; null when malformed. */
export function minutesOfDay(localTime: string): number | null {
  if (!LOCAL_TIME.test(localTime)) return null;
  const [hours = 0, minutes = 0] = localTime.split(':').map(Number);
  return hours * 60 + minutes;
}

/** How a London instant reads to people: 'Sat 28 Mar 2026, 23:30'. */
export function describe(instant: DateTime): string {
  return instant.setZone(ZONE).toFormat('ccc d LLL yyyy, HH:mm');
}

export function describeDate(date: string): string {
  return londonDate(date)?.toFormat('ccc d LLL yyyy') ?? date;
}

import { DateTime } from 'luxon';

export const ZONE = 'Europe/London';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const LOCAL_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
// An instant must carry its offset so the result never depends on the machine's zone.
const INSTANT_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** An ISO instant with offset, on the Europe/London clock; null when unusable. */
export function londonInstant(value: string): DateTime | null {
  if (!INSTANT_WITH_OFFSET.test(value)) return null;
  const instant = DateTime.fromISO(value, { zone: ZONE });
  return instant.isValid ? instant : null;
}

/** The instant a local 'HH:mm' happens on a 'YYYY-MM-DD' Europe/London date; null when either is unusable. */
export function londonAt(date: string, localTime: string): DateTime | null {
  if (!DATE.test(date) || !LOCAL_TIME.test(localTime)) return null;
  const instant = DateTime.fromISO(`${date}T${localTime}`, { zone: ZONE });
  return instant.isValid ? instant : null;
}

export function londonDateOf(instant: DateTime): string {
  return instant.setZone(ZONE).toISODate() ?? '';
}

/** 'Thu 16 Apr 2026, 17:30' */
export function describe(instant: DateTime): string {
  return instant.setZone(ZONE).toFormat('ccc d LLL yyyy, HH:mm');
}

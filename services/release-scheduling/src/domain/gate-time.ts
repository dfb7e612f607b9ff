import { type IsoDate, LONDON, londonDate } from '@resettle/calendar';
import { DateTime } from 'luxon';

/** Local wall-clock time in Europe/London, `HH:mm`. */
export type LocalTime = string;

export interface ReleaseWindowTimes {
  opens: LocalTime;
  closes: LocalTime;
}

export const DEFAULT_RELEASE_WINDOW: ReleaseWindowTimes = { opens: '08:00', closes: '12:00' };

export type GateTimeRule = 'LATE_GATE_TIME' | 'EARLY_GATE_TIME' | 'NONEXISTENT_LOCAL_TIME';

export type GateTimeCheck =
  | { ok: true; gateAt: string }
  | { ok: false; rule: GateTimeRule; asked: LocalTime; nearestAllowed: LocalTime };

const LOCAL_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export function isLocalTime(time: string): boolean {
  return LOCAL_TIME.test(time);
}

/**
 * Gate time inside the prison's release window (both ends allowed), on the release date in London.
 * The date and wall-clock time never move with DST; only the offset in `gateAt` does. A time skipped by
 * the spring-forward change does not exist and is refused. In the repeated autumn hour the first (BST)
 * occurrence is used.
 */
export function checkGateTime(
  request: { releaseDate: IsoDate; gateTime: LocalTime },
  releaseWindow: ReleaseWindowTimes = DEFAULT_RELEASE_WINDOW,
): GateTimeCheck {
  const { releaseDate, gateTime } = request;
  const { opens, closes } = validWindow(releaseWindow);
  if (!isLocalTime(gateTime)) throw new RangeError(`Not a local time (HH:mm): ${gateTime}`);
  const gateAt = localInstant(releaseDate, gateTime);
  const nearestInWindow = clampToWindow(gateTime, releaseWindow);
  if (!gateAt) {
    const after = localInstant(releaseDate, gateTime, true)!.toFormat('HH:mm');
    return {
      ok: false,
      rule: 'NONEXISTENT_LOCAL_TIME',
      asked: gateTime,
      nearestAllowed: nearestInWindow === gateTime ? after : nearestInWindow,
    };
  }
  if (gateTime < opens) return { ok: false, rule: 'EARLY_GATE_TIME', asked: gateTime, nearestAllowed: opens };
  if (gateTime > closes) return { ok: false, rule: 'LATE_GATE_TIME', asked: gateTime, nearestAllowed: closes };
  return { ok: true, gateAt: gateAt.toISO({ suppressMilliseconds: true })! };
}

/** The instant of a London wall-clock time, or null when DST skips it (unless `shiftForward`). */
export function localInstant(date: IsoDate, time: LocalTime, shiftForward = false): DateTime | null {
  const day = londonDate(date);
  const [hour, minute] = time.split(':').map(Number);
  const instant = DateTime.fromObject(
    { year: day.year, month: day.month, day: day.day, hour, minute },
    { zone: LONDON },
  );
  const exists = instant.hour === hour && instant.minute === minute && instant.toISODate() === date;
  if (!exists) return shiftForward ? instant : null;
  // In the repeated autumn hour luxon gives the second (GMT) occurrence; the gate opens at the first.
  const firstOccurrence = instant.minus({ hours: 1 });
  const repeated = firstOccurrence.hour === hour && firstOccurrence.minute === minute;
  return repeated ? firstOccurrence : instant;
}

/** The time itself if inside the window, else the nearer end of it. */
export function clampToWindow(time: LocalTime, window: ReleaseWindowTimes): LocalTime {
  if (time < window.opens) return window.opens;
  if (time > window.closes) return window.closes;
  return time;
}

function validWindow(window: ReleaseWindowTimes): ReleaseWindowTimes {
  if (!isLocalTime(window.opens) || !isLocalTime(window.closes) || window.opens > window.closes) {
    throw new RangeError(`Not a release window: ${window.opens}–${window.closes}`);
  }
  return window;
}

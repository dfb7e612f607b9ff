import { type IsoDate, LONDON, londonToday } from '@resettle/calendar';
import { DateTime } from 'luxon';
import { checkGateTime, clampToWindow, type LocalTime, type ReleaseWindowTimes } from './gate-time.js';
import type { Slot } from './release-check.js';

/** The closest (then the later) candidate date with a gate time still to come, inside the window. */
export function nearestSlot(
  candidates: IsoDate[],
  target: IsoDate,
  gateTime: LocalTime,
  window: ReleaseWindowTimes,
  now: Date,
): Slot | null {
  const time = clampToWindow(gateTime, window);
  const distance = (date: IsoDate) => Math.abs(Date.parse(date) - Date.parse(target));
  const slots = candidates
    .map((date) => ({ date, time: isFuture(date, time, window, now) ? time : laterToday(date, window, now) }))
    .filter((slot): slot is Slot => slot.time !== null);
  return slots.sort((a, b) => distance(a.date) - distance(b.date) || b.date.localeCompare(a.date))[0] ?? null;
}

function isFuture(date: IsoDate, time: LocalTime, window: ReleaseWindowTimes, now: Date): boolean {
  const gate = checkGateTime({ releaseDate: date, gateTime: time }, window);
  return gate.ok && Date.parse(gate.gateAt) > now.getTime();
}

/** On today's date, the next quarter hour still inside the window, if any. */
function laterToday(date: IsoDate, window: ReleaseWindowTimes, now: Date): LocalTime | null {
  if (date !== londonToday(now)) return null;
  const local = DateTime.fromJSDate(now, { zone: LONDON });
  const next = local.startOf('hour').plus({ minutes: (Math.floor(local.minute / 15) + 1) * 15 });
  const time = next.toISODate() === date ? next.toFormat('HH:mm') : null;
  if (time === null || time > window.closes) return null;
  return clampToWindow(time, window);
}

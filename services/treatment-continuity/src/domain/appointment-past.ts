import { type Violation, violation } from '@resettle/platform/rules';
import { invalidTime } from './arrival.js';
import type { Handoff } from './handoff.js';
import { type Clock, describe, londonInstant } from './time.js';

/** An appointment already in the past (relative to `now`) cannot be the first community appointment. */
export function checkAppointmentNotInPast(handoff: Pick<Handoff, 'firstAppointment'>, now: Clock): Violation[] {
  if (!handoff.firstAppointment) return [];
  const at = londonInstant(handoff.firstAppointment.at);
  if (!at) return [invalidTime('firstAppointment.at')];
  if (at >= requireNow(now)) return [];
  return [
    violation(
      'APPOINTMENT_IN_PAST',
      'firstAppointment.at',
      `The first appointment (${describe(at)}) has already passed.`,
    ),
  ];
}

export function requireNow(now: Clock) {
  const instant = londonInstant(now);
  if (!instant) throw new RangeError(`Unusable clock value: ${String(now)}`);
  return instant;
}

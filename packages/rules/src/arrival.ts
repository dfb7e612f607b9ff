import { DateTime } from 'luxon';

/**
 * How long before her first treatment appointment she must have arrived: treatment-continuity (is the appointment
 * reachable?) and transport (does the journey get her there?) judge with the same margin.
 */
export const ARRIVAL_MARGIN_MINUTES = 30;

/** The latest arrival that still gets her to the appointment in time. */
export function latestArrivalFor(appointmentAt: string, marginMinutes = ARRIVAL_MARGIN_MINUTES): DateTime {
  return DateTime.fromISO(appointmentAt, { zone: 'Europe/London' }).minus({ minutes: marginMinutes });
}

/** Whether arriving at `arrivalAt` leaves at least the margin before the appointment (instants with offsets). */
export function arrivesInTime(
  arrivalAt: string,
  appointmentAt: string,
  marginMinutes = ARRIVAL_MARGIN_MINUTES,
): boolean {
  const arrival = DateTime.fromISO(arrivalAt, { zone: 'Europe/London' });
  const latest = latestArrivalFor(appointmentAt, marginMinutes);
  return arrival.isValid && latest.isValid && arrival <= latest;
}

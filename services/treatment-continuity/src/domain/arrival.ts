import { type Violation, violation } from '@resettle/platform/rules';
import { ARRIVAL_MARGIN_MINUTES, arrivesInTime } from '@resettle/rules';
import type { DateTime, DurationLike } from 'luxon';
import type { ReleaseFacts } from './handoff.js';
import { type Clock, describe, londonInstant } from './time.js';

export interface ArrivalSettings {
  /** Journey assumed from the gate when no travel plan gives her expected arrival. */
  assumedJourney: DurationLike;
}

export const DEFAULT_ARRIVAL_SETTINGS: ArrivalSettings = { assumedJourney: { hours: 3 } };

/** When she is expected to arrive: the travel plan's arrival if known, else gate time plus the assumed journey. */
export function expectedArrival(
  release: Pick<ReleaseFacts, 'gateAt'>,
  expectedArrivalAt: Clock | null = null,
  settings: ArrivalSettings = DEFAULT_ARRIVAL_SETTINGS,
): DateTime | null {
  if (expectedArrivalAt !== null) return londonInstant(expectedArrivalAt);
  return londonInstant(release.gateAt)?.plus(settings.assumedJourney) ?? null;
}

/**
 * She must arrive the shared margin before the appointment (`@resettle/rules`, the rule transport judges her journey
 * by): an appointment she reaches with less to spare is one she cannot get to in time.
 */
export function appointmentBeforeArrival(appointmentAt: DateTime, arrival: DateTime): Violation[] {
  if (arrivesInTime(arrival.toISO() ?? '', appointmentAt.toISO() ?? '')) return [];
  return [
    violation(
      'APPOINTMENT_BEFORE_ARRIVAL',
      'firstAppointment.at',
      `The first appointment (${describe(appointmentAt)}) leaves less than ${ARRIVAL_MARGIN_MINUTES} minutes after ` +
        `she is expected to arrive (${describe(arrival)}), so she cannot get there in time.`,
    ),
  ];
}

export function invalidTime(field: string): Violation {
  return violation('INVALID_TIME', field, 'This date or time is missing or not in a form we can read.');
}

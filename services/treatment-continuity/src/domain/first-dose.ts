import { type Violation, violation } from '@resettle/platform/rules';
import type { DateTime } from 'luxon';
import {
  type ArrivalSettings,
  appointmentBeforeArrival,
  DEFAULT_ARRIVAL_SETTINGS,
  expectedArrival,
  invalidTime,
} from './arrival.js';
import { type Appointment, type Handoff, isDailyOst, type ReleaseFacts } from './handoff.js';
import { type Clock, describe, describeDate, londonDate, londonDateOf, londonInstant } from './time.js';

/**
 * Daily OST (methadone, buprenorphine): the first community dose must not be missed. The first appointment
 * is on the release day (Europe/London date of the gate time) at or after her expected arrival, or a
 * bridging prescription is recorded. A bridging prescription with an end date must reach the release day
 * and the day before the first appointment.
 */
export function checkFirstDose(
  handoff: Pick<Handoff, 'treatment' | 'bridgingPrescription' | 'firstAppointment'>,
  release: ReleaseFacts,
  expectedArrivalAt: Clock | null = null,
  settings: ArrivalSettings = DEFAULT_ARRIVAL_SETTINGS,
): Violation[] {
  if (!isDailyOst(handoff.treatment.kind)) return [];
  const gate = londonInstant(release.gateAt);
  if (!gate) return [invalidTime('release.gateAt')];
  const releaseDay = londonDateOf(gate);
  const bridging = handoff.bridgingPrescription;
  if (bridging === true) return [];
  if (typeof bridging === 'object')
    return checkBridgingReach(bridging.coversUntil, releaseDay, handoff.firstAppointment);
  const arrival = expectedArrival(release, expectedArrivalAt, settings);
  if (!arrival) return [invalidTime('expectedArrivalAt')];
  return checkAppointmentOnReleaseDay(handoff.firstAppointment, releaseDay, arrival);
}

function checkAppointmentOnReleaseDay(appointment: Appointment | null, releaseDay: string, arrival: DateTime) {
  if (!appointment) {
    return [
      violation(
        'FIRST_DOSE_GAP',
        'firstAppointment',
        'There is no first community appointment and no bridging prescription, so she would miss her daily dose.',
      ),
    ];
  }
  const at = londonInstant(appointment.at);
  if (!at) return [invalidTime('firstAppointment.at')];
  if (londonDateOf(at) > releaseDay) {
    return [
      violation(
        'FIRST_DOSE_GAP',
        'firstAppointment.at',
        `The first appointment (${describe(at)}) is after her release day (${describeDate(releaseDay)}) and no ` +
          'bridging prescription is recorded, so she would miss a daily dose.',
      ),
    ];
  }
  return appointmentBeforeArrival(at, arrival);
}

function checkBridgingReach(coversUntil: string, releaseDay: string, appointment: Appointment | null): Violation[] {
  const end = londonDate(coversUntil);
  if (!end) return [invalidTime('bridgingPrescription.coversUntil')];
  if (coversUntil < releaseDay) {
    return [bridgingGap(`The bridging prescription ends on ${describeDate(coversUntil)}, before her release day.`)];
  }
  const at = appointment ? londonInstant(appointment.at) : null;
  const firstUncovered = end.plus({ days: 1 }).toISODate() ?? '';
  if (at && londonDateOf(at) > firstUncovered) {
    return [
      bridgingGap(
        `The bridging prescription ends on ${describeDate(coversUntil)} but the first appointment is not until ` +
          `${describe(at)}, so she would go without medication in between.`,
      ),
    ];
  }
  return [];
}

function bridgingGap(message: string): Violation {
  return violation('FIRST_DOSE_GAP', 'bridgingPrescription.coversUntil', message);
}

import { type Violation, violation } from '@resettle/platform/rules';
import { lastDayToCover } from '@resettle/rules';
import type { DateTime } from 'luxon';
import {
  type ArrivalSettings,
  appointmentBeforeArrival,
  DEFAULT_ARRIVAL_SETTINGS,
  expectedArrival,
  invalidTime,
} from './arrival.js';
import { type Handoff, isDailyOst, type ReleaseFacts } from './handoff.js';
import { type Clock, describe, describeDate, londonDate, londonDateOf, londonInstant } from './time.js';

export interface FirstDoseFacts {
  /** Court, video link or under 48 hours: she leaves with a bridging prescription for at least her release day. */
  shortNotice?: boolean;
}

/**
 * Daily OST (methadone, buprenorphine): no day without a dose. Every day from release until her first community dose
 * (the first appointment's day), and across closed days until services reopen, is covered by a bridging prescription
 * (or the weekend cover plan's prescription), by the shared rule `lastDayToCover`. With no day to cover, the first
 * appointment is on her release day and she can reach it in time.
 */
export function checkFirstDose(
  handoff: Pick<Handoff, 'treatment' | 'bridgingPrescription' | 'firstAppointment'> &
    Partial<Pick<Handoff, 'weekendCoverPlan'>>,
  release: ReleaseFacts,
  expectedArrivalAt: Clock | null = null,
  settings: ArrivalSettings = DEFAULT_ARRIVAL_SETTINGS,
  facts: FirstDoseFacts = {},
): Violation[] {
  if (!isDailyOst(handoff.treatment.kind)) return [];
  const gate = londonInstant(release.gateAt);
  if (!gate) return [invalidTime('release.gateAt')];
  const releaseDay = londonDateOf(gate);
  const appointment = handoff.firstAppointment;
  const at = appointment ? londonInstant(appointment.at) : null;
  if (appointment && !at) return [invalidTime('firstAppointment.at')];
  const mustCover = dayToCoverTo(releaseDay, at ? londonDateOf(at) : null, facts);
  const covered = coveredTo(handoff);
  if (covered !== null && !londonDate(covered)) return [invalidTime('bridgingPrescription.lastDayCovered')];
  const arrival = expectedArrival(release, expectedArrivalAt, settings);
  if (!arrival) return [invalidTime('expectedArrivalAt')];
  const reachable = at ? appointmentBeforeArrival(at, arrival) : [];
  return [...coverage(mustCover, covered, appointment !== null, at), ...reachable];
}

function coverage(mustCover: string | null, covered: string | null, booked: boolean, at: DateTime | null): Violation[] {
  if (mustCover === null) return [];
  if (!booked && covered === null) {
    return [
      violation(
        'FIRST_DOSE_GAP',
        'firstAppointment',
        'There is no first community appointment and no bridging prescription, so she would miss her daily dose.',
      ),
    ];
  }
  const until = at ? `her first community dose (${describe(at)})` : 'she is seen by a community service';
  if (covered === null) {
    return [
      violation(
        'FIRST_DOSE_GAP',
        at ? 'firstAppointment.at' : 'bridgingPrescription',
        `No bridging prescription is recorded and she needs one covering every day to ${describeDate(mustCover)}, ` +
          `until ${until}, so she would miss a daily dose.`,
      ),
    ];
  }
  if (covered < mustCover) {
    return [
      violation(
        'BRIDGING_PRESCRIPTION_TOO_SHORT',
        'bridgingPrescription.lastDayCovered',
        `The bridging prescription covers only to ${describeDate(covered)}; it must cover every day to ` +
          `${describeDate(mustCover)}, until ${until}.`,
      ),
    ];
  }
  return [];
}

/** The last day her prescription must cover; null when none (first dose on release day, no closed days after). */
export function dayToCoverTo(
  releaseDay: string,
  firstDoseDay: string | null,
  facts: FirstDoseFacts = {},
): string | null {
  // Without an appointment the day of her first community dose is unknown: at least her release day.
  const needed = lastDayToCover(releaseDay, firstDoseDay);
  if (facts.shortNotice && (needed === null || needed < releaseDay)) return releaseDay;
  return needed;
}

/** The later of the bridging prescription and the weekend cover plan's prescription, the days she has medication. */
function coveredTo(handoff: Pick<Handoff, 'bridgingPrescription'> & Partial<Pick<Handoff, 'weekendCoverPlan'>>) {
  const days = [handoff.bridgingPrescription?.lastDayCovered, handoff.weekendCoverPlan?.prescriptionCoversUntil];
  const known = days.filter((day): day is string => typeof day === 'string');
  return known.sort().at(-1) ?? null;
}

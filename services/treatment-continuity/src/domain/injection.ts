import { type Violation, violation } from '@resettle/platform/rules';
import {
  type ArrivalSettings,
  appointmentBeforeArrival,
  DEFAULT_ARRIVAL_SETTINGS,
  expectedArrival,
  invalidTime,
} from './arrival.js';
import type { Handoff, ReleaseFacts } from './handoff.js';
import { type Clock, describe, describeDate, londonDate, londonDateOf, londonInstant } from './time.js';

/** Long-acting injectable: an appointment she can attend must fall on or before the day the next injection is due. */
export function checkInjectionCovered(
  handoff: Pick<Handoff, 'treatment' | 'firstAppointment'>,
  release: ReleaseFacts,
  expectedArrivalAt: Clock | null = null,
  settings: ArrivalSettings = DEFAULT_ARRIVAL_SETTINGS,
): Violation[] {
  if (handoff.treatment.kind !== 'long-acting-injectable-buprenorphine') return [];
  const due = handoff.treatment.nextInjectionDue;
  if (due === null || !londonDate(due)) {
    return [notCovered('treatment.nextInjectionDue', 'The date her next injection is due is not recorded.')];
  }
  if (!handoff.firstAppointment) {
    return [
      notCovered(
        'firstAppointment',
        `There is no appointment before her next injection is due (${describeDate(due)}).`,
      ),
    ];
  }
  const at = londonInstant(handoff.firstAppointment.at);
  if (!at) return [invalidTime('firstAppointment.at')];
  if (londonDateOf(at) > due) {
    return [
      notCovered(
        'firstAppointment.at',
        `The first appointment (${describe(at)}) is after her next injection is due (${describeDate(due)}).`,
      ),
    ];
  }
  const arrival = expectedArrival(release, expectedArrivalAt, settings);
  if (!arrival) return [invalidTime('expectedArrivalAt')];
  return appointmentBeforeArrival(at, arrival);
}

function notCovered(field: string, message: string): Violation {
  return violation('INJECTION_DUE_NOT_COVERED', field, message);
}

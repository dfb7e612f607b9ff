export { watchTopic } from '@resettle/platform/testing';

import { handoffBooked as booked } from '@resettle/testing/upstream-events';

export {
  accommodationConfirmed,
  accommodationWithdrawn,
  appointmentChanged,
  releaseRescheduled,
  releaseScheduled,
} from '@resettle/testing/upstream-events';

/** Her handoff booked with a first community appointment at `appointmentAt` (null: none yet). */
export function handoffBooked(personId: string, releaseId: string, appointmentAt: string | null) {
  return booked(personId, releaseId, { appointmentAt });
}

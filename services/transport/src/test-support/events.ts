import { handoffLogistics } from '@resettle/testing/upstream-events';

export {
  accommodationConfirmed,
  accommodationWithdrawn,
  releaseRescheduled,
  releaseScheduled,
} from '@resettle/testing/upstream-events';

/** Her first community appointment booked or moved to `appointmentAt` (null: none yet). */
export function firstAppointment(personId: string, releaseId: string, appointmentAt: string | null) {
  return handoffLogistics(personId, releaseId, { appointmentAt });
}
export { watchTopic } from '@resettle/platform/testing';

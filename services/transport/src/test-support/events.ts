import { type EventEnvelope, parseEvent } from '@resettle/contracts';
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

/** The rules a published transport.at-risk names, read through its contract. */
export function rulesNamedBy(event: EventEnvelope): string[] {
  const parsed = parseEvent(event);
  if (!parsed.ok || parsed.event.type !== 'transport.at-risk')
    throw new Error(`not a valid transport.at-risk: ${event.type}`);
  return parsed.event.data.reasons.map((reason) => reason.rule);
}

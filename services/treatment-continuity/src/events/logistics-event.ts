import type { EventDraft, EventEnvelope } from '@resettle/contracts';
import type { HandoffRow } from '../db/handoffs.js';

/** The status changes that can move where or when her treatment starts. */
const MOVES_LOGISTICS = new Set([
  'treatment.handoff.booked',
  'treatment.handoff.accepted',
  'treatment.handoff.appointment-changed',
]);

/**
 * Accommodation and transport learn the provider's area and the appointment time, and nothing clinical: one event
 * caused by the last of the status events that may have moved them, or none if none did.
 */
export function logisticsAfter(
  handoff: HandoffRow,
  published: EventEnvelope[],
): EventDraft<'treatment.handoff.logistics'> | undefined {
  const mover = published.findLast((event) => MOVES_LOGISTICS.has(event.type));
  if (!mover) return undefined;
  return {
    type: 'treatment.handoff.logistics',
    personId: handoff.personId,
    data: {
      handoffId: handoff.id,
      releaseId: handoff.releaseId,
      providerArea: handoff.providerArea,
      firstAppointmentAt: handoff.firstAppointment?.at ?? null,
    },
    cause: { correlationId: mover.correlationId, causationId: mover.id },
  };
}

import { createEvent, type EventEnvelope } from '@resettle/contracts';
import type { HandoffRow } from '../db/handoffs.js';
import { base, type Cause } from './handoff-events.js';

/** The status changes that can move where or when her treatment starts. */
const MOVES_LOGISTICS = new Set([
  'treatment.handoff.booked',
  'treatment.handoff.accepted',
  'treatment.handoff.appointment-changed',
]);

/** Accommodation and transport learn the provider's area and the appointment time, and nothing clinical. */
export function handoffLogistics(handoff: HandoffRow, cause: Cause): EventEnvelope {
  const appointment = handoff.firstAppointment as { at: string } | null;
  return createEvent({
    type: 'treatment.handoff.logistics',
    ...base(handoff, cause),
    data: {
      handoffId: handoff.id,
      releaseId: handoff.releaseId,
      providerArea: handoff.providerArea as { localAuthority: string; postcodeDistrict: string },
      firstAppointmentAt: appointment?.at ?? null,
    },
  });
}

/** The events as given, followed by one logistics event, caused by the last of them, if any of them moves logistics. */
export function withLogistics(handoff: HandoffRow, events: EventEnvelope[]): EventEnvelope[] {
  const mover = events.findLast((event) => MOVES_LOGISTICS.has(event.type));
  if (!mover) return events;
  const cause = { correlationId: mover.correlationId, causationId: mover.id };
  return [...events, handoffLogistics(handoff, cause)];
}

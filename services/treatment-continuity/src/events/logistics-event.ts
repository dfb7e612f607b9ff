import type { EventDraft, EventEnvelope } from '@resettle/contracts';
import type { UnitOfWork } from '@resettle/platform';
import type { HandoffRow } from '../db/handoffs.js';
import { nextHandoffRevision } from '../db/releases.js';
import { LIVE } from '../domain/index.js';

/** The status changes that can move where or when her treatment starts: the logistics event names the last as cause. */
const MOVES_LOGISTICS = new Set([
  'treatment.handoff.booked',
  'treatment.handoff.accepted',
  'treatment.handoff.appointment-changed',
]);

/**
 * Accommodation and transport learn the provider's area and the appointment time, and nothing clinical, with the
 * handoff revision the change made (transport stamps its verdict with it): one event after every change of a handoff,
 * even one that moves nothing, so transport's verdict can name the newest revision. A handoff that no longer stands (declined, withdrawn) has no
 * appointment.
 */
export function logisticsAfter(
  handoff: HandoffRow,
  handoffRevision: number,
  published: EventEnvelope[],
): EventDraft<'treatment.handoff.logistics'> {
  const mover = published.findLast((event) => MOVES_LOGISTICS.has(event.type)) ?? published.at(-1);
  return {
    type: 'treatment.handoff.logistics',
    version: 2,
    personId: handoff.personId,
    data: {
      handoffId: handoff.id,
      releaseId: handoff.releaseId,
      providerArea: handoff.providerArea,
      firstAppointmentAt: LIVE.includes(handoff.status) ? (handoff.firstAppointment?.at ?? null) : null,
      handoffRevision,
    },
    ...(mover ? { cause: { correlationId: mover.correlationId, causationId: mover.id } } : {}),
  };
}

/** A change of the handoff (`handoff` as it now stands) takes the next handoff revision and is told to logistics. */
export async function publishLogistics(
  work: UnitOfWork,
  handoff: HandoffRow,
  published: EventEnvelope[],
): Promise<EventEnvelope | undefined> {
  const handoffRevision = await nextHandoffRevision(work.tx, handoff.releaseId);
  const [logistics] = work.publish(logisticsAfter(handoff, handoffRevision, published));
  return logistics;
}

import type { EventDraft } from '@resettle/contracts';
import type { UnitOfWork } from '@resettle/platform';
import type { HandoffRow } from '../db/handoffs.js';
import { findProvider } from '../db/providers.js';
import { queueDeliveries } from '../db/webhook-deliveries.js';
import { publishLogistics } from './logistics-event.js';

type Recorded = EventDraft<'treatment.first-appointment.recorded'>['data'];

export function firstAppointmentRecorded(
  handoff: HandoffRow,
  facts: Omit<Recorded, 'handoffId' | 'releaseId'>,
): EventDraft<'treatment.first-appointment.recorded'> {
  return {
    type: 'treatment.first-appointment.recorded',
    personId: handoff.personId,
    data: { handoffId: handoff.id, releaseId: handoff.releaseId, ...facts },
  };
}

export function treatmentStarted(handoff: HandoffRow, startedOn: string): EventDraft<'treatment.started'> {
  return {
    type: 'treatment.started',
    personId: handoff.personId,
    data: { handoffId: handoff.id, releaseId: handoff.releaseId, startedOn },
  };
}

export function treatmentDisengaged(
  handoff: HandoffRow,
  reason: string,
  recordedAt: string,
): EventDraft<'treatment.disengaged'> {
  return {
    type: 'treatment.disengaged',
    personId: handoff.personId,
    data: { handoffId: handoff.id, releaseId: handoff.releaseId, reason, recordedAt },
  };
}

/**
 * What the provider recorded after her release is told to the passport and probation; a moved first appointment takes
 * a new handoff revision told to logistics (transport checks her journey to it again); a missed one is also sent to a
 * provider without Kafka (its other services must act on it), in the same unit of work.
 */
export async function publishAftercare(work: UnitOfWork, handoff: HandoffRow, draft: EventDraft): Promise<void> {
  const published = work.publish(draft);
  const moved = draft.type === 'treatment.first-appointment.recorded' && draft.data.outcome === 'moved';
  if (moved) await publishLogistics(work, handoff, published);
  const missed = draft.type === 'treatment.first-appointment.recorded' && draft.data.outcome === 'not-attended';
  if (!missed || !handoff.consentToShare) return;
  const provider = await findProvider(work.tx, handoff.providerId);
  if (!provider?.webhookUrl) return;
  await queueDeliveries(work.tx, handoff.providerId, published);
}

import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '@resettle/contracts';
import { appendToOutbox, type Transaction } from '@resettle/messaging';
import { findProvider, type HandoffRow } from '../db/handoffs.js';
import { webhookDeliveries } from '../db/schema.js';
import { withLogistics } from './logistics-event.js';

/** Events that concern the provider itself (it must act on them), as opposed to status echoes. */
const PROVIDER_FACING = new Set([
  'treatment.handoff.sent',
  'treatment.handoff.needs-reconfirmation',
  'treatment.handoff.appointment-changed',
]);

/**
 * Publishes through the outbox (with a logistics event when where or when her treatment starts may have moved) and,
 * for a provider without Kafka, queues a signed webhook for every event it must act on — all in the caller's
 * transaction, so the state change, its events and its deliveries commit together. Without consent to share nothing
 * is queued for the provider.
 */
export async function publish(tx: Transaction, topicPrefix: string, handoff: HandoffRow, events: EventEnvelope[]) {
  await appendToOutbox(tx, withLogistics(handoff, events), { topicPrefix });
  if (!handoff.consentToShare) return;
  const { providerId } = handoff;
  const provider = await findProvider(tx, providerId);
  if (!provider?.webhookUrl) return;
  const forProvider = events.filter((event) => PROVIDER_FACING.has(event.type));
  if (forProvider.length === 0) return;
  await tx.insert(webhookDeliveries).values(
    forProvider.map((event) => ({
      id: randomUUID(),
      providerId,
      eventId: event.id,
      eventType: event.type,
      payload: event,
      status: 'pending' as const,
    })),
  );
}

import type { EventDraft } from '@resettle/contracts';
import type { UnitOfWork } from '@resettle/platform';
import type { HandoffRow } from '../db/handoffs.js';
import { findProvider } from '../db/providers.js';
import { queueDeliveries } from '../db/webhook-deliveries.js';
import { publishJudgements } from './judgement.js';
import { publishLogistics } from './logistics-event.js';

/** Events that concern the provider itself (it must act on them), as opposed to status echoes. */
const PROVIDER_FACING = new Set([
  'treatment.handoff.sent',
  'treatment.handoff.needs-reconfirmation',
  'treatment.handoff.appointment-changed',
  'treatment.handoff.withdrawn',
]);

/**
 * One change of a handoff, told: the handoff revision grows, the status events are published in the unit of work with
 * a logistics event naming the new revision, and every pathway this service owns is judged again. For a provider
 * without Kafka a signed webhook is queued for every event it must act on, so the state change, its events and its
 * deliveries commit together. Without consent to share nothing is queued for the provider.
 */
export async function publish(work: UnitOfWork, handoff: HandoffRow, drafts: EventDraft[]): Promise<void> {
  const published = work.publish(...drafts);
  await publishLogistics(work, handoff, published);
  await publishJudgements(work, handoff.releaseId, handoff.personId);
  if (!handoff.consentToShare) return;
  const provider = await findProvider(work.tx, handoff.providerId);
  if (!provider?.webhookUrl) return;
  const forProvider = published.filter((event) => PROVIDER_FACING.has(event.type));
  await queueDeliveries(work.tx, handoff.providerId, forProvider);
}

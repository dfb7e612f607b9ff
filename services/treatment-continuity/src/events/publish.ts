import { createProviderMessage, type EventDraft, type ProviderMessageDraft } from '@resettle/contracts';
import type { UnitOfWork } from '@resettle/platform';
import type { HandoffRow } from '../db/handoffs.js';
import { findProvider } from '../db/providers.js';
import { queueDeliveries } from '../db/webhook-deliveries.js';
import { publishJudgements } from './judgement.js';
import { publishLogistics } from './logistics-event.js';
import { toldAsIs } from './provider-messages.js';

/**
 * One change of a handoff, told: the handoff revision grows, the status events are published in the unit of work with
 * a logistics event naming the new revision, and every pathway this service owns is judged again. What the provider
 * must know (`forProvider`, and status events it is told as they are) goes to its own webhook only, as a signed
 * delivery queued in the same transaction; no Kafka topic carries it. Without consent to share nothing is queued.
 */
export async function publish(
  work: UnitOfWork,
  handoff: HandoffRow,
  drafts: EventDraft[],
  forProvider: ProviderMessageDraft[] = [],
): Promise<void> {
  const published = work.publish(...drafts);
  const logistics = await publishLogistics(work, handoff, published);
  await publishJudgements(work, handoff.releaseId, handoff.personId);
  if (!handoff.consentToShare) return;
  const provider = await findProvider(work.tx, handoff.providerId);
  if (!provider?.webhookUrl || !logistics) return;
  const cause = {
    source: logistics.source,
    occurredAt: logistics.occurredAt,
    correlationId: logistics.correlationId,
    causationId: logistics.causationId,
  };
  const messages = [...drafts.flatMap(toldAsIs), ...forProvider].map((draft) => createProviderMessage(draft, cause));
  await queueDeliveries(work.tx, handoff.providerId, messages);
}

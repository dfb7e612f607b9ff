import { randomUUID } from 'node:crypto';
import type { EventEnvelope, WebhookFailure } from '@resettle/contracts';
import { type Database, type DatabaseOrTransaction, holdTransactionLock } from '@resettle/messaging';
import { and, asc, desc, eq, getTableColumns, gt, inArray, lt, lte, notExists, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { AttemptVerdict } from '../domain/index.js';
import { providers, webhookAttempts, webhookDeliveries } from './schema.js';

export type DeliveryRow = typeof webhookDeliveries.$inferSelect;
export type AttemptRow = typeof webhookAttempts.$inferSelect;
/** A claimed delivery, the provider's URL and its sealed signing secret (opened only to sign). */
export type DueDelivery = { delivery: DeliveryRow; url: string | null; sealedSecret: string | null };

/**
 * Queued with the state change that produced them, so a delivery exists exactly when its change does; the message id
 * is the `webhook-id` the provider dedupes by.
 */
export async function queueDeliveries(db: DatabaseOrTransaction, providerId: string, messages: EventEnvelope[]) {
  if (messages.length === 0) return;
  await db.insert(webhookDeliveries).values(
    messages.map((event) => ({
      id: randomUUID(),
      providerId,
      personId: event.personId,
      eventId: event.id,
      eventType: event.type,
      payload: event,
      status: 'pending' as const,
    })),
  );
}

const earlier = alias(webhookDeliveries, 'earlier');

/** An earlier delivery to the same provider about the same woman, still pending: the one a delivery waits behind. */
const herEarlierPending = and(
  eq(earlier.providerId, webhookDeliveries.providerId),
  eq(earlier.personId, webhookDeliveries.personId),
  eq(earlier.status, 'pending'),
  lt(earlier.queuedSeq, webhookDeliveries.queuedSeq),
);

/**
 * Held by each claim until it commits, so instances claim one after another: each sees the others' leases, and none
 * takes a provider's later message while another instance is about to post her earlier one.
 */
export const CLAIM_LOCK = 'treatment-continuity/webhook-claims';

/**
 * Claims due deliveries in the order they were queued, and none queued behind an earlier delivery to the same provider
 * about the same woman that waits for its next attempt or is leased (so a message never overtakes an earlier one of
 * hers; another woman's are not held up). Instances
 * claim in turn (`CLAIM_LOCK`); each delivery is leased until `leaseUntil`: if this instance dies mid-attempt, another
 * delivers it afterwards.
 */
export function claimDueDeliveries(db: Database, leaseUntil: Date, limit = 20): Promise<DueDelivery[]> {
  return db.transaction(async (tx) => {
    await holdTransactionLock(tx, CLAIM_LOCK);
    const due = await tx
      .select({ delivery: webhookDeliveries, url: providers.webhookUrl, sealedSecret: providers.webhookSecretSealed })
      .from(webhookDeliveries)
      .innerJoin(providers, eq(providers.providerId, webhookDeliveries.providerId))
      .where(
        and(
          eq(webhookDeliveries.status, 'pending'),
          lte(webhookDeliveries.nextAttemptAt, sql`now()`),
          notExists(
            tx
              .select({ waiting: earlier.id })
              .from(earlier)
              .where(and(herEarlierPending, gt(earlier.nextAttemptAt, sql`now()`))),
          ),
        ),
      )
      .orderBy(webhookDeliveries.queuedSeq)
      .limit(limit)
      .for('update', { of: webhookDeliveries, skipLocked: true });
    if (due.length > 0) {
      const ids = due.map(({ delivery }) => delivery.id);
      await tx.update(webhookDeliveries).set({ nextAttemptAt: leaseUntil }).where(inArray(webhookDeliveries.id, ids));
    }
    return due;
  });
}

/** Claimed deliveries not attempted this round become due again at `at` (still pending; a replay may have moved them). */
export async function deferDeliveries(db: Database, deliveryIds: string[], at: Date): Promise<void> {
  if (deliveryIds.length === 0) return;
  await db
    .update(webhookDeliveries)
    .set({ nextAttemptAt: at })
    .where(and(inArray(webhookDeliveries.id, deliveryIds), eq(webhookDeliveries.status, 'pending')));
}

export interface AttemptOutcome {
  attempt: number;
  statusCode: number | null;
  failure: WebhookFailure | null;
  error: string | null;
  verdict: AttemptVerdict;
}

/** Logs the attempt and moves the delivery on: delivered, pending until its next attempt, or failed for good. */
export function recordAttempt(db: Database, deliveryId: string, outcome: AttemptOutcome): Promise<void> {
  const { attempt, statusCode, failure, error, verdict } = outcome;
  return db.transaction(async (tx) => {
    await tx.insert(webhookAttempts).values({ deliveryId, attempt, statusCode, failure, error });
    await tx
      .update(webhookDeliveries)
      .set({
        attempts: attempt,
        status: verdict.status,
        deliveredAt: verdict.status === 'delivered' ? sql`now()` : null,
        failedAt: verdict.status === 'failed' ? sql`now()` : null,
        ...(verdict.status === 'pending' ? { nextAttemptAt: verdict.nextAttemptAt } : {}),
      })
      .where(eq(webhookDeliveries.id, deliveryId));
  });
}

/** How many deliveries stand in each state, for the operators' metrics. */
export async function deliveriesByStatus(db: DatabaseOrTransaction) {
  return db
    .select({ status: webhookDeliveries.status, count: sql<number>`count(*)::int` })
    .from(webhookDeliveries)
    .groupBy(webhookDeliveries.status);
}

const { payload: _payload, ...listedColumns } = getTableColumns(webhookDeliveries);

/** What a pending delivery waits behind: the earliest earlier pending one about her (`herEarlierPending`). */
function waitingBehind(db: DatabaseOrTransaction) {
  const first = db
    .select({ id: earlier.id })
    .from(earlier)
    .where(herEarlierPending)
    .orderBy(earlier.queuedSeq)
    .limit(1);
  return sql<string | null>`case when ${webhookDeliveries.status} = 'pending' then (${first}) end`;
}

/**
 * A provider's latest deliveries, each with the woman it is about, the earlier message about her it waits behind (if
 * any) and every attempt in order; the payload stays out of the listing.
 */
export async function deliveriesOf(db: DatabaseOrTransaction, providerId: string, limit = 200) {
  const deliveries = await db
    .select({ ...listedColumns, waitingBehind: waitingBehind(db) })
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.providerId, providerId))
    .orderBy(desc(webhookDeliveries.createdAt))
    .limit(limit);
  const ids = deliveries.map((delivery) => delivery.id);
  const attempts: AttemptRow[] = ids.length
    ? await db
        .select()
        .from(webhookAttempts)
        .where(inArray(webhookAttempts.deliveryId, ids))
        .orderBy(asc(webhookAttempts.id))
    : [];
  return deliveries.map((delivery) => ({
    ...delivery,
    log: attempts.filter((attempt) => attempt.deliveryId === delivery.id),
  }));
}

/**
 * Due again now, with a fresh allowance of attempts and age counted from now (a failed delivery too); undefined when
 * the provider has no such delivery.
 */
export async function replayDelivery(
  db: DatabaseOrTransaction,
  id: string,
  providerId: string,
): Promise<{ id: string } | undefined> {
  const [row] = await db
    .update(webhookDeliveries)
    .set({
      status: 'pending',
      nextAttemptAt: sql`now()`,
      failedAt: null,
      retrySince: sql`now()`,
      retryFromAttempt: sql`${webhookDeliveries.attempts}`,
    })
    .where(and(eq(webhookDeliveries.id, id), eq(webhookDeliveries.providerId, providerId)))
    .returning({ id: webhookDeliveries.id });
  return row;
}

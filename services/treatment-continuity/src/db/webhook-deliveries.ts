import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '@resettle/contracts';
import type { Database, DatabaseOrTransaction } from '@resettle/messaging';
import { and, asc, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import { providers, webhookAttempts, webhookDeliveries } from './schema.js';

export type DeliveryRow = typeof webhookDeliveries.$inferSelect;
export type AttemptRow = typeof webhookAttempts.$inferSelect;
export type DueDelivery = { delivery: DeliveryRow; url: string | null; secret: string | null };

/** Queued with the state change that produced the events, so a delivery exists exactly when its events do. */
export async function queueDeliveries(db: DatabaseOrTransaction, providerId: string, events: EventEnvelope[]) {
  if (events.length === 0) return;
  await db.insert(webhookDeliveries).values(
    events.map((event) => ({
      id: randomUUID(),
      providerId,
      eventId: event.id,
      eventType: event.type,
      payload: event,
      status: 'pending' as const,
    })),
  );
}

/**
 * Claims due deliveries (skip locked, so several instances share the work) and leases them until `leaseUntil`: if
 * this instance dies mid-attempt, another delivers them afterwards.
 */
export function claimDueDeliveries(db: Database, leaseUntil: Date, limit = 20): Promise<DueDelivery[]> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ delivery: webhookDeliveries, url: providers.webhookUrl, secret: providers.webhookSecret })
      .from(webhookDeliveries)
      .innerJoin(providers, eq(providers.providerId, webhookDeliveries.providerId))
      .where(and(eq(webhookDeliveries.status, 'pending'), lte(webhookDeliveries.nextAttemptAt, sql`now()`)))
      .orderBy(webhookDeliveries.createdAt)
      .limit(limit)
      .for('update', { of: webhookDeliveries, skipLocked: true });
    if (due.length > 0) {
      const ids = due.map(({ delivery }) => delivery.id);
      await tx.update(webhookDeliveries).set({ nextAttemptAt: leaseUntil }).where(inArray(webhookDeliveries.id, ids));
    }
    return due;
  });
}

export interface AttemptOutcome {
  attempt: number;
  statusCode: number | null;
  error: string | null;
  delivered: boolean;
  nextAttemptAt: Date;
}

/** Logs the attempt and either marks the delivery delivered or leaves it pending for the next attempt. */
export function recordAttempt(db: Database, deliveryId: string, outcome: AttemptOutcome): Promise<void> {
  const { attempt, statusCode, error, delivered, nextAttemptAt } = outcome;
  return db.transaction(async (tx) => {
    await tx.insert(webhookAttempts).values({ deliveryId, attempt, statusCode, error });
    await tx
      .update(webhookDeliveries)
      .set({
        attempts: attempt,
        status: delivered ? 'delivered' : 'pending',
        deliveredAt: delivered ? new Date() : null,
        nextAttemptAt,
      })
      .where(eq(webhookDeliveries.id, deliveryId));
  });
}

/** A provider's latest deliveries, each with every attempt in order; the payload stays out of the listing. */
export async function deliveriesOf(db: DatabaseOrTransaction, providerId: string, limit = 200) {
  const deliveries = await db
    .select()
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
  return deliveries.map(({ payload: _payload, ...delivery }) => ({
    ...delivery,
    log: attempts.filter((attempt) => attempt.deliveryId === delivery.id),
  }));
}

/** Due again now; undefined when the provider has no such delivery. */
export async function replayDelivery(
  db: DatabaseOrTransaction,
  id: string,
  providerId: string,
): Promise<{ id: string } | undefined> {
  const [row] = await db
    .update(webhookDeliveries)
    .set({ status: 'pending', nextAttemptAt: new Date() })
    .where(and(eq(webhookDeliveries.id, id), eq(webhookDeliveries.providerId, providerId)))
    .returning({ id: webhookDeliveries.id });
  return row;
}

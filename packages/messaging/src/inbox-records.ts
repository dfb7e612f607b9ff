import type { EventEnvelope } from '@resettle/contracts';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { anyOf, insertJsonRows } from './db/json-rows.js';
import { heldPeople, inbox } from './db/schema.js';
import type { Database, Transaction } from './db/types.js';

export function inboxKey(groupId: string, eventId: string) {
  return and(eq(inbox.consumerGroup, groupId), eq(inbox.eventId, eventId));
}

/**
 * Partitions are applied concurrently and one person's events can arrive on several topics at once, so a person's
 * events are applied one transaction at a time: a transaction-scoped advisory lock per person, taken in a fixed order
 * so two runs can never wait on each other in a circle.
 */
export async function lockPeople(tx: Transaction, groupId: string, personIds: string[]): Promise<void> {
  const keys = [...new Set(personIds)].map((personId) => sql`${`${groupId}/${personId}`}`);
  if (keys.length === 0) return;
  await tx.execute(sql`
    select pg_advisory_xact_lock(lock_key)
    from (select hashtextextended(person, 0) as lock_key from unnest(array[${sql.join(keys, sql`, `)}]::text[]) as person order by 1) as people`);
}

/** Records events as seen by this group; returns the ids that were new (the rest are duplicates). */
export async function recordInInbox(
  tx: Transaction,
  groupId: string,
  events: EventEnvelope[],
  outcome: 'applied' | 'dead-lettered',
): Promise<Set<string>> {
  if (events.length === 0) return new Set();
  const rows = events.map((event) => ({
    consumerGroup: groupId,
    eventId: event.id,
    eventType: event.type,
    personId: event.personId,
    outcome,
  }));
  const keys = ['consumerGroup', 'eventId', 'eventType', 'personId', 'outcome'] as const;
  const recorded = await tx.execute<{ event_id: string }>(
    sql`${insertJsonRows(inbox, keys, rows)} on conflict do nothing returning ${sql.identifier(inbox.eventId.name)}`,
  );
  return new Set(recorded.map((row) => row.event_id));
}

/** People whose events are held back behind a dead letter, with the event that blocks each. */
export async function heldAmong(tx: Transaction, groupId: string, personIds: string[]): Promise<Map<string, string>> {
  if (personIds.length === 0) return new Map();
  const rows = await tx
    .select({ personId: heldPeople.personId, blockingEventId: heldPeople.blockingEventId })
    .from(heldPeople)
    .where(and(eq(heldPeople.consumerGroup, groupId), sql`${heldPeople.personId} = ${anyOf([...new Set(personIds)])}`));
  return new Map(rows.map((row) => [row.personId, row.blockingEventId]));
}

export async function markHeld(tx: Transaction, groupId: string, eventId: string): Promise<void> {
  await tx.update(inbox).set({ outcome: 'held' }).where(inboxKey(groupId, eventId));
}

/** After a dead letter is dealt with: let the person's events flow again, and let replayed events apply. */
export async function releaseHeldPerson(db: Database, groupId: string, personId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(heldPeople).where(and(eq(heldPeople.consumerGroup, groupId), eq(heldPeople.personId, personId)));
    await tx
      .delete(inbox)
      .where(
        and(
          eq(inbox.consumerGroup, groupId),
          eq(inbox.personId, personId),
          inArray(inbox.outcome, ['dead-lettered', 'held']),
        ),
      );
  });
}

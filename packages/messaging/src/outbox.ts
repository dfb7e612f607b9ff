import { type EventEnvelope, findEventDefinition, partitionKeyOf } from '@resettle/contracts';
import type { Sql, TransactionSql } from 'postgres';
import { insertRows } from './db/json-rows.js';
import { outbox } from './db/schema.js';
import type { Database, DatabaseOrTransaction, Transaction } from './db/types.js';

export const OUTBOX_CHANNEL = 'resettle_outbox';
const OUTBOX_KEYS = ['eventId', 'topic', 'partitionKey', 'eventType', 'payload', 'traceParent'] as const;

/**
 * Records events in the outbox inside the caller's transaction, so the state change and its events commit together
 * or not at all; whoever commits the transaction wakes the relay after (`transactThenWakeRelay`). Topics are stored as the
 * contracts name them; the bus puts its namespace in front when the relay sends them.
 */
export async function appendToOutbox(
  tx: DatabaseOrTransaction,
  events: EventEnvelope[],
  /** The span each event continues (events of several consumed ones are written together, each with its own). */
  traceParentOf: (event: EventEnvelope) => string | null = () => null,
): Promise<void> {
  if (events.length === 0) return;
  const rows = events.map((event) => {
    const definition = findEventDefinition(event.type, event.version);
    if (!definition) throw new Error(`no contract for ${event.type} v${event.version}`);
    return {
      eventId: event.id,
      topic: definition.topic,
      partitionKey: partitionKeyOf(event),
      eventType: event.type,
      payload: event,
      traceParent: traceParentOf(event),
    };
  });
  await insertRows(tx, outbox, OUTBOX_KEYS, rows);
  appendedIn.add(tx);
}

/**
 * Once, on a database from before 2026-12: the outbox's NOTIFY trigger is dropped. PostgreSQL takes one lock, for the
 * whole server, in every commit that carries a NOTIFY and holds it until the commit is flushed, so such commits are
 * flushed one at a time instead of together; the relay is now woken by the code that committed (`transactThenWakeRelay`).
 * Run by the owner role at each start, idempotently.
 */
export async function dropOutboxNotifyTrigger(sql: Sql | TransactionSql): Promise<void> {
  const [table] = await sql<{ present: boolean }[]>`select to_regclass('outbox') is not null as present`;
  if (!table?.present) return;
  await sql.unsafe(`
    DROP TRIGGER IF EXISTS outbox_wakes_relay ON outbox;
    DROP FUNCTION IF EXISTS outbox_wakes_relay();
  `);
}

/** Transactions that appended to the outbox: whoever commits one wakes the relay after. */
const appendedIn = new WeakSet<object>();

/**
 * Runs `work` in a transaction and, once it has committed, calls `outboxCommitted` (the relay's
 * `OutboxRelay.outboxCommitted`) if it appended to the outbox. Not called when it rolls back or appended nothing.
 */
export async function transactThenWakeRelay<T>(
  db: Database,
  work: (tx: Transaction) => Promise<T>,
  outboxCommitted: (() => void) | undefined,
): Promise<T> {
  let used: Transaction | undefined;
  const result = await db.transaction((tx) => {
    used = tx;
    return work(tx);
  });
  if (used && appendedIn.has(used)) outboxCommitted?.();
  return result;
}

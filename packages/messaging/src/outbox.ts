import { type EventEnvelope, findEventDefinition, partitionKeyOf } from '@resettle/contracts';
import type { Sql, TransactionSql } from 'postgres';
import { insertRows } from './db/json-rows.js';
import { outbox } from './db/schema.js';
import type { DatabaseOrTransaction } from './db/types.js';

export const OUTBOX_CHANNEL = 'resettle_outbox';
const OUTBOX_KEYS = ['eventId', 'topic', 'partitionKey', 'eventType', 'payload', 'traceParent'] as const;

/**
 * Records events in the outbox inside the caller's transaction, so the state change and its events commit together
 * or not at all; the outbox's trigger wakes the relay on commit (installOutboxWakeUp). Topics are stored as the
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
}

/**
 * The relay's wake-up: each statement that adds to the outbox notifies it, delivered when the transaction commits
 * (a statement trigger, so a write does not spend a round trip of its own on `pg_notify`). Installed by the owner
 * role at each start, idempotently, on a database that has an outbox.
 */
export async function installOutboxWakeUp(sql: Sql | TransactionSql): Promise<void> {
  const [table] = await sql<{ present: boolean }[]>`select to_regclass('outbox') is not null as present`;
  if (!table?.present) return;
  await sql.unsafe(`
    CREATE OR REPLACE FUNCTION outbox_wakes_relay() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_notify('${OUTBOX_CHANNEL}', '');
      RETURN NULL;
    END;
    $$;
    DROP TRIGGER IF EXISTS outbox_wakes_relay ON outbox;
    CREATE TRIGGER outbox_wakes_relay AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_wakes_relay();
  `);
}

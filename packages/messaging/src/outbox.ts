import { type EventEnvelope, findEventDefinition, partitionKeyOf } from '@resettle/contracts';
import { sql } from 'drizzle-orm';
import { insertRows } from './db/json-rows.js';
import { outbox } from './db/schema.js';
import type { DatabaseOrTransaction } from './db/types.js';

export const OUTBOX_CHANNEL = 'resettle_outbox';
const OUTBOX_KEYS = ['eventId', 'topic', 'partitionKey', 'eventType', 'payload', 'traceParent'] as const;

/**
 * Records events in the outbox inside the caller's transaction, so the state change and its events commit
 * together or not at all. The NOTIFY is delivered on commit and wakes the relay. Topics are stored as the contracts
 * name them; the bus puts its namespace in front when the relay sends them.
 */
export async function appendToOutbox(
  tx: DatabaseOrTransaction,
  events: EventEnvelope[],
  options: { traceParent?: string | null } = {},
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
      traceParent: options.traceParent ?? null,
    };
  });
  await insertRows(tx, outbox, OUTBOX_KEYS, rows);
  await tx.execute(sql`select pg_notify(${OUTBOX_CHANNEL}, '')`);
}

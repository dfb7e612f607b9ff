import { type EventEnvelope, findEventDefinition, partitionKeyOf, topicName } from '@resettle/contracts';
import { sql } from 'drizzle-orm';
import { outbox } from './db/schema.js';
import type { DatabaseOrTransaction } from './db/types.js';

export const OUTBOX_CHANNEL = 'resettle_outbox';

/**
 * Records events in the outbox inside the caller's transaction, so the state change and its events commit
 * together or not at all. The NOTIFY is delivered on commit and wakes the relay.
 */
export async function appendToOutbox(
  tx: DatabaseOrTransaction,
  events: EventEnvelope[],
  options: { topicPrefix?: string } = {},
): Promise<void> {
  if (events.length === 0) return;
  await tx.insert(outbox).values(
    events.map((event) => {
      const definition = findEventDefinition(event.type, event.version);
      if (!definition) throw new Error(`no contract for ${event.type} v${event.version}`);
      return {
        eventId: event.id,
        topic: topicName(definition.topic, options.topicPrefix),
        partitionKey: partitionKeyOf(event),
        eventType: event.type,
        payload: event,
      };
    }),
  );
  await tx.execute(sql`select pg_notify(${OUTBOX_CHANNEL}, '')`);
}

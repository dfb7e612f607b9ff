import { sql } from 'drizzle-orm';
import { bigserial, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Events written in the same transaction as the state change that caused them; the relay publishes them. */
export const outbox = pgTable(
  'outbox',
  {
    seq: bigserial('seq', { mode: 'bigint' }).primaryKey(),
    eventId: uuid('event_id').notNull().unique(),
    topic: text('topic').notNull(),
    partitionKey: text('partition_key').notNull(),
    eventType: text('event_type').notNull(),
    payload: jsonb('payload').notNull(),
    /** The W3C traceparent of the work that wrote it, sent as a Kafka header so consumers continue the trace. */
    traceParent: text('trace_parent'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (table) => [index('outbox_unpublished').on(table.seq).where(sql`${table.publishedAt} is null`)],
);

/** Ids of events a consumer group has dealt with, written in the same transaction as their effect. */
export const inbox = pgTable(
  'inbox',
  {
    consumerGroup: text('consumer_group').notNull(),
    eventId: uuid('event_id').notNull(),
    eventType: text('event_type').notNull(),
    personId: text('person_id').notNull(),
    outcome: text('outcome', { enum: ['applied', 'dead-lettered', 'held'] }).notNull(),
    processedAt: timestamp('processed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.consumerGroup, table.eventId] })],
);

/**
 * A person whose event was dead-lettered: their later events are held back (also dead-lettered, marked as held)
 * so nothing is applied out of order until the poison event is dealt with and the person released.
 */
export const heldPeople = pgTable(
  'held_people',
  {
    consumerGroup: text('consumer_group').notNull(),
    personId: text('person_id').notNull(),
    blockingEventId: uuid('blocking_event_id').notNull(),
    reason: text('reason').notNull(),
    heldAt: timestamp('held_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.consumerGroup, table.personId] })],
);

import { bigserial, pgTable, text, uuid } from 'drizzle-orm/pg-core';

export { heldPeople, inbox, outbox } from '../db/schema.js';

/** The "effect" a test consumer applies: one row per applied event, so effects can be compared with events. */
export const effects = pgTable('effects', {
  seq: bigserial('seq', { mode: 'number' }).primaryKey(),
  eventId: uuid('event_id').notNull(),
  personId: text('person_id').notNull(),
  note: text('note').notNull(),
});

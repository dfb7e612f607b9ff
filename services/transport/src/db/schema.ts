import { ACCOMMODATION_TYPES, TRAVEL_DESTINATIONS, TRAVEL_MODES } from '@resettle/contracts';
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { ACCOMMODATION_FACT_STATUSES, PLAN_STATUSES, type Violation } from '../domain/index.js';

export { heldPeople, inbox, outbox } from '@resettle/messaging/schema';
export { auditLog } from '@resettle/platform/audit-schema';
export { releases } from '@resettle/platform/release-copy';

const instant = (name: string) => timestamp(name, { withTimezone: true });

/** Her first community treatment appointment per release, from treatment-continuity's events. */
export const appointments = pgTable('appointments', {
  releaseId: uuid('release_id').primaryKey(),
  personId: text('person_id').notNull(),
  at: instant('at'),
  /** The handoff's revision this copy came from (logistics v2); 0 from a v1 event. Stamped on every judgement. */
  handoffRevision: integer('handoff_revision').notNull().default(0),
  updatedAt: instant('updated_at').notNull().defaultNow(),
});

/** Her release-night accommodation per release (the latest event wins), from accommodation's events. */
export const accommodations = pgTable('accommodations', {
  releaseId: uuid('release_id').primaryKey(),
  personId: text('person_id').notNull(),
  accommodationId: uuid('accommodation_id').notNull(),
  type: text('type', { enum: ACCOMMODATION_TYPES }).notNull(),
  status: text('status', { enum: ACCOMMODATION_FACT_STATUSES }).notNull(),
  updatedAt: instant('updated_at').notNull().defaultNow(),
});

export const travelPlans = pgTable(
  'travel_plans',
  {
    id: uuid('id').primaryKey(),
    personId: text('person_id').notNull(),
    releaseId: uuid('release_id').notNull(),
    mode: text('mode', { enum: TRAVEL_MODES }).notNull(),
    metBy: text('met_by'),
    departureAt: instant('departure_at').notNull(),
    expectedArrivalAt: instant('expected_arrival_at').notNull(),
    destination: text('destination', { enum: TRAVEL_DESTINATIONS }).notNull(),
    arrangedBy: text('arranged_by').notNull(),
    escorted: boolean('escorted').notNull(),
    status: text('status', { enum: PLAN_STATUSES }).notNull(),
    /** The rules the plan breaks now (at-risk), empty when arranged. */
    reasons: jsonb('reasons').$type<Violation[]>().notNull(),
    /** Worth a second look, never refused (e.g. LONG_JOURNEY_WITHOUT_ESCORT). */
    flags: jsonb('flags').$type<Violation[]>().notNull(),
    cancelledReason: text('cancelled_reason'),
    revision: integer('revision').notNull().default(1),
    createdAt: instant('created_at').notNull().defaultNow(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (table) => [index('travel_plans_by_release').on(table.releaseId)],
);

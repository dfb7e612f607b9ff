import {
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type { Passport } from '../domain/index.js';

export { heldPeople, inbox, outbox } from '@resettle/messaging/schema';
export { auditLog } from '@resettle/platform/audit-schema';

/** One Resettlement Passport per release: the projection as jsonb, and the columns the lists filter and sort on. */
export const passports = pgTable(
  'passports',
  {
    releaseId: uuid('release_id').primaryKey(),
    personId: text('person_id').notNull(),
    prisonCode: text('prison_code'),
    probationRegion: text('probation_region'),
    releaseDate: date('release_date'),
    gateAt: timestamp('gate_at', { withTimezone: true }),
    releaseStatus: text('release_status', { enum: ['unknown', 'scheduled', 'cancelled', 'released'] }).notNull(),
    complete: boolean('complete').notNull(),
    gaps: integer('gaps').notNull(),
    atRisk: boolean('at_risk').notNull(),
    passport: jsonb('passport').$type<Passport>().notNull(),
    revision: integer('revision').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('passports_by_person').on(table.personId),
    index('passports_by_region_date').on(table.probationRegion, table.releaseDate),
    index('passports_by_prison_date').on(table.prisonCode, table.releaseDate),
  ],
);

/** Every change to a passport with the event that caused it. */
export const passportTimeline = pgTable(
  'passport_timeline',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    releaseId: uuid('release_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    eventId: uuid('event_id').notNull(),
    eventType: text('event_type').notNull(),
    source: text('source').notNull(),
    correlationId: text('correlation_id').notNull(),
    summary: text('summary').notNull(),
  },
  (table) => [index('passport_timeline_by_release').on(table.releaseId, table.at)],
);

/**
 * Whether each release happened with a complete passport: the number that matters most. Awaiting re-check until every
 * required owner has judged the revision of the gate passing (then `complete` and `missing` are the outcome).
 */
export const releaseOutcomes = pgTable(
  'release_outcomes',
  {
    releaseId: uuid('release_id').primaryKey(),
    prisonCode: text('prison_code').notNull(),
    month: text('month').notNull(),
    releasedAt: timestamp('released_at', { withTimezone: true }).notNull(),
    complete: boolean('complete').notNull(),
    missing: jsonb('missing').$type<string[]>().notNull(),
    awaitingReCheck: boolean('awaiting_re_check').notNull().default(false),
  },
  (table) => [index('release_outcomes_by_prison_month').on(table.prisonCode, table.month)],
);

/** A subject access request: who asked, when, and when every service had answered. */
export const subjectAccessRequests = pgTable(
  'subject_access_requests',
  {
    id: uuid('id').primaryKey(),
    personId: text('person_id').notNull(),
    requestedBy: text('requested_by').notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (table) => [index('subject_access_requests_by_time').on(table.requestedAt)],
);

/** One service's part of an export: her rows from its tables, as it sent them. */
export const subjectAccessAnswers = pgTable(
  'subject_access_answers',
  {
    requestId: uuid('request_id').notNull(),
    service: text('service').notNull(),
    answeredAt: timestamp('answered_at', { withTimezone: true }).notNull(),
    records: jsonb('records').$type<Record<string, Record<string, unknown>[]>>().notNull(),
  },
  (table) => [primaryKey({ columns: [table.requestId, table.service] })],
);

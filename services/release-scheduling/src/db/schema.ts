import { RELEASE_ORIGINS, type RuleApplied, SHORT_NOTICE_REASONS } from '@resettle/contracts';
import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { DayOfReleaseEligibilityFacts } from '../domain/eligibility.js';

export { heldPeople, inbox, outbox } from '@resettle/messaging/schema';
export { auditLog } from '@resettle/platform/audit-schema';

/** Women's prisons with their release window (local times, Europe/London). */
export const prisons = pgTable('prisons', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  releaseWindowOpens: text('release_window_opens').notNull().default('08:00'),
  releaseWindowCloses: text('release_window_closes').notNull().default('12:00'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const releases = pgTable(
  'releases',
  {
    id: uuid('id').primaryKey(),
    personId: text('person_id').notNull(),
    prisonCode: text('prison_code')
      .notNull()
      .references(() => prisons.code),
    probationRegion: text('probation_region').notNull(),
    legalReleaseDate: date('legal_release_date').notNull(),
    releaseDate: date('release_date').notNull(),
    gateTime: text('gate_time').notNull(),
    gateAt: timestamp('gate_at', { withTimezone: true }).notNull(),
    releaseFrom: text('release_from', { enum: RELEASE_ORIGINS }).notNull(),
    eligibility: jsonb('eligibility').$type<DayOfReleaseEligibilityFacts>().notNull(),
    secondDayApproved: boolean('second_day_approved').notNull().default(false),
    rulesApplied: jsonb('rules_applied').$type<RuleApplied[]>().notNull(),
    weekendCoverPlanRequired: boolean('weekend_cover_plan_required').notNull(),
    shortNotice: boolean('short_notice').notNull(),
    shortNoticeReason: text('short_notice_reason', { enum: SHORT_NOTICE_REASONS }),
    shortSentence: boolean('short_sentence').notNull(),
    status: text('status', { enum: ['scheduled', 'cancelled', 'released'] }).notNull(),
    overrideReason: text('override_reason'),
    revision: integer('revision').notNull().default(1),
    gatePassedAt: timestamp('gate_passed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('releases_by_prison_date').on(table.prisonCode, table.releaseDate),
    index('releases_by_person').on(table.personId),
    // One scheduled release per woman, enforced where two planners booking her at once cannot both pass a check.
    uniqueIndex('one_scheduled_release_per_person').on(table.personId).where(sql`status = 'scheduled'`),
  ],
);

import { date, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** 'released': she passed the gate (release.occurred); the plan's gate time stays beside the actual one. */
export const RELEASE_COPY_STATUSES = ['scheduled', 'cancelled', 'released'] as const;

/** A service's copy of each release, from release-scheduling's events: re-exported by each keeper's db schema. */
export const releases = pgTable('releases', {
  releaseId: uuid('release_id').primaryKey(),
  personId: text('person_id').notNull(),
  /**
   * Where she is released from and to, which bound the coordinators' caseloads. Null only for a copy saved before they
   * were kept, until its next schedule event: such a release is in no coordinator's caseload.
   */
  prisonCode: text('prison_code'),
  probationRegion: text('probation_region'),
  releaseDate: date('release_date').notNull(),
  gateAt: timestamp('gate_at', { withTimezone: true }).notNull(),
  status: text('status', { enum: RELEASE_COPY_STATUSES }).notNull(),
  /**
   * The release's revision as release-scheduling numbers it (v2 events); 0 while only v1 events (which carry none)
   * are known. Every judgement made against this copy is stamped with it.
   */
  revision: integer('revision').notNull().default(0),
  /** When she actually passed the gate (release.occurred), which may be later than `gateAt`. */
  gatePassedAt: timestamp('gate_passed_at', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export type KnownRelease = typeof releases.$inferSelect;

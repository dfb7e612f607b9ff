import { date, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const RELEASE_COPY_STATUSES = ['scheduled', 'cancelled'] as const;

/** A service's copy of each release, from release-scheduling's events: re-exported by each keeper's db schema. */
export const releases = pgTable('releases', {
  releaseId: uuid('release_id').primaryKey(),
  personId: text('person_id').notNull(),
  releaseDate: date('release_date').notNull(),
  gateAt: timestamp('gate_at', { withTimezone: true }).notNull(),
  status: text('status', { enum: RELEASE_COPY_STATUSES }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export type KnownRelease = typeof releases.$inferSelect;

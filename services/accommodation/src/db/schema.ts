import { ACCOMMODATION_TYPES } from '@resettle/contracts';
import { boolean, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { ACCOMMODATION_STATUSES, RESTRICTED_AREA_KINDS, SAFEGUARDING_REVIEWS } from '../domain/index.js';

export { heldPeople, inbox, outbox } from '@resettle/messaging/schema';
export { auditLog } from '@resettle/platform/audit-schema';
export { releases } from '@resettle/platform/release-copy';

const instant = (name: string) => timestamp(name, { withTimezone: true }).notNull().defaultNow();

/** Where her community treatment provider is, per release, from treatment-continuity's events. */
export const treatmentProviders = pgTable('treatment_providers', {
  releaseId: uuid('release_id').primaryKey(),
  personId: text('person_id').notNull(),
  localAuthority: text('local_authority').notNull(),
  postcodeDistrict: text('postcode_district').notNull(),
  updatedAt: instant('updated_at'),
});

/** Safety information: only the probation role reads it; it never leaves this service. */
export const restrictedAreas = pgTable(
  'restricted_areas',
  {
    id: uuid('id').primaryKey(),
    personId: text('person_id').notNull(),
    kind: text('kind', { enum: RESTRICTED_AREA_KINDS }).notNull(),
    value: text('value').notNull(),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: instant('recorded_at'),
    /** Why it was added, for probation only (free text may name the place: never logged, audited or published). */
    reason: text('reason').notNull(),
    /** Removed one at a time, with a reason; the row stays so probation can see what was lifted and why. */
    removedAt: timestamp('removed_at', { withTimezone: true }),
    removedBy: text('removed_by'),
    removedReason: text('removed_reason'),
  },
  (table) => [index('restricted_areas_by_person').on(table.personId)],
);

export const accommodations = pgTable(
  'accommodations',
  {
    id: uuid('id').primaryKey(),
    personId: text('person_id').notNull(),
    releaseId: uuid('release_id').notNull(),
    type: text('type', { enum: ACCOMMODATION_TYPES }).notNull(),
    localAuthority: text('local_authority'),
    postcodeDistrict: text('postcode_district'),
    confirmedFrom: date('confirmed_from'),
    womenOnly: boolean('women_only').notNull(),
    confirmedBy: text('confirmed_by'),
    status: text('status', { enum: ACCOMMODATION_STATUSES }).notNull(),
    statusReason: text('status_reason'),
    localTreatmentMismatch: boolean('local_treatment_mismatch').notNull(),
    withdrawnReason: text('withdrawn_reason'),
    /** Probation's safeguarding review of the place; null for type none. */
    safeguardingReview: text('safeguarding_review', { enum: SAFEGUARDING_REVIEWS }),
    /** When the place as it now is went to review (newest first in probation's list). */
    proposedAt: timestamp('proposed_at', { withTimezone: true }),
    reviewedBy: text('reviewed_by'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    /** Probation's reason for declining: shown to probation only, never to the coordinator or in events. */
    declineReason: text('decline_reason'),
    revision: integer('revision').notNull().default(1),
    createdAt: instant('created_at'),
    updatedAt: instant('updated_at'),
  },
  (table) => [
    index('accommodations_by_release').on(table.releaseId),
    index('accommodations_by_person').on(table.personId),
  ],
);

/** Alerts to her offender manager after repeated declined proposals (the event is published in the same unit). */
export const safeguardingAlerts = pgTable(
  'safeguarding_alerts',
  {
    id: uuid('id').primaryKey(),
    personId: text('person_id').notNull(),
    releaseId: uuid('release_id').notNull(),
    probationRegion: text('probation_region').notNull(),
    declinedProposals: integer('declined_proposals').notNull(),
    raisedAt: instant('raised_at'),
  },
  (table) => [index('safeguarding_alerts_by_region').on(table.probationRegion, table.raisedAt)],
);

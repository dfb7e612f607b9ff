import {
  type EventEnvelope,
  type HandoffAccepted,
  type HandoffBooked,
  type HandoffSent,
  WEBHOOK_FAILURES,
} from '@resettle/contracts';
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { HANDOFF_STATUSES } from '../domain/status.js';

export { heldPeople, inbox, outbox } from '@resettle/messaging/schema';
export { auditLog } from '@resettle/platform/audit-schema';

/** This service's copy of each release, from release-scheduling's events. */
export const releases = pgTable('releases', {
  releaseId: uuid('release_id').primaryKey(),
  personId: text('person_id').notNull(),
  prisonCode: text('prison_code').notNull(),
  releaseDate: date('release_date').notNull(),
  gateAt: timestamp('gate_at', { withTimezone: true }).notNull(),
  /** Released before closed days and the release could not move: she needs a weekend cover plan. */
  weekendCoverPlanRequired: boolean('weekend_cover_plan_required').notNull().default(false),
  status: text('status', { enum: ['scheduled', 'cancelled', 'released'] }).notNull(),
  /** Court, video link or under 48 hours' notice (from release-scheduling). */
  shortNotice: boolean('short_notice').notNull().default(false),
  gatePassedAt: timestamp('gate_passed_at', { withTimezone: true }),
  /** release-scheduling's revision of the release this copy holds (a v1 event, from before revisions, counts as 0). */
  revision: integer('revision').notNull().default(0),
  /**
   * Grows by one with every change of any handoff for this release (a new booking included, so a second handoff
   * never starts again at 1): what the treatment judgement and the logistics event name as the handoff's revision.
   */
  handoffRevision: integer('handoff_revision').notNull().default(0),
});

/** Community treatment providers; those without Kafka receive signed webhooks. */
export const providers = pgTable('providers', {
  providerId: text('provider_id').primaryKey(),
  name: text('name').notNull(),
  webhookUrl: text('webhook_url'),
  /** Only from before secrets were sealed: the worker seals it into `webhookSecretSealed` and empties it. */
  webhookSecret: text('webhook_secret'),
  /** The signing secret, AES-256-GCM under WEBHOOK_SECRET_KEY (db/sealed-secret.ts); never read back to anyone. */
  webhookSecretSealed: text('webhook_secret_sealed'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

// The stored shapes are those the events tell, so a row becomes an event without conversion.
type Area = HandoffBooked['providerArea'];
type Treatment = HandoffSent['treatment'];
type Appointment = HandoffAccepted['firstAppointment'];
type WeekendCoverPlan = NonNullable<HandoffBooked['weekendCoverPlan']>;
type Preferences = HandoffSent['preferences'];
type Referrals = HandoffBooked['referrals'];
type KeyWorker = HandoffAccepted['keyWorker'];

export const handoffs = pgTable(
  'handoffs',
  {
    id: uuid('id').primaryKey(),
    personId: text('person_id').notNull(),
    releaseId: uuid('release_id').notNull(),
    prisonCode: text('prison_code').notNull(),
    providerId: text('provider_id').notNull(),
    providerArea: jsonb('provider_area').$type<Area>().notNull(),
    status: text('status', { enum: HANDOFF_STATUSES }).notNull(),
    statusReason: text('status_reason'),
    consentToShare: boolean('consent_to_share').notNull(),
    treatment: jsonb('treatment').$type<Treatment>().notNull(),
    naloxoneSupplied: boolean('naloxone_supplied').notNull(),
    /** The last day the bridging prescription covers ('YYYY-MM-DD'); null when none is recorded. */
    bridgingLastDayCovered: date('bridging_last_day_covered'),
    weekendCoverPlan: jsonb('weekend_cover_plan').$type<WeekendCoverPlan>(),
    firstAppointment: jsonb('first_appointment').$type<Appointment>(),
    expectedArrivalAt: timestamp('expected_arrival_at', { withTimezone: true }),
    preferences: jsonb('preferences').$type<Preferences>().notNull(),
    referrals: jsonb('referrals').$type<Referrals>().notNull(),
    keyWorker: jsonb('key_worker').$type<KeyWorker>(),
    declineReason: text('decline_reason'),
    /** The alarm: her first appointment was missed (set by not-attended, cleared when an appointment is attended). */
    missedFirstAppointment: jsonb('missed_first_appointment').$type<{ appointmentAt: string; recordedAt: string }>(),
    revision: integer('revision').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('handoffs_by_provider').on(table.providerId, table.status),
    index('handoffs_by_release').on(table.releaseId),
    // One live handoff per release, enforced where two nurses booking at once cannot both pass a check.
    uniqueIndex('one_live_handoff_per_release').on(table.releaseId).where(sql`status not in ('declined', 'withdrawn')`),
  ],
);

/** `failed` is final: the attempts or the age ran out (a replay makes it pending again). */
export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;

/** An outbox for webhooks: written with the state change, delivered (with retries) by the webhook worker. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: uuid('id').primaryKey(),
    providerId: text('provider_id').notNull(),
    /** The woman the message is about: her messages to a provider keep their order. */
    personId: text('person_id').notNull(),
    eventId: uuid('event_id').notNull(),
    eventType: text('event_type').notNull(),
    payload: jsonb('payload').$type<EventEnvelope>().notNull(),
    status: text('status', { enum: DELIVERY_STATUSES }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    failedAt: timestamp('failed_at', { withTimezone: true }),
    /** The attempt count and time the limits are counted from: when it was queued, or the provider's last replay. */
    retryFromAttempt: integer('retry_from_attempt').notNull().default(0),
    retrySince: timestamp('retry_since', { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** The order deliveries were queued in (rows queued in one transaction share `createdAt`). */
    queuedSeq: bigserial('queued_seq', { mode: 'number' }).notNull(),
  },
  (table) => [
    index('webhook_deliveries_due').on(table.status, table.nextAttemptAt),
    index('webhook_deliveries_pending_by_woman')
      .on(table.providerId, table.personId, table.queuedSeq)
      .where(sql`${table.status} = 'pending'`),
  ],
);

export const webhookAttempts = pgTable('webhook_attempts', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  deliveryId: uuid('delivery_id').notNull(),
  attempt: integer('attempt').notNull(),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  statusCode: integer('status_code'),
  /** Why it did not count (null when delivered, and for attempts logged before migration 0010). */
  failure: text('failure', { enum: WEBHOOK_FAILURES }),
  error: text('error'),
});

import { ANONYMISED, type PersonalData, type Purge, releaseCopyHeld } from '@resettle/platform';
import { and, eq, inArray, lt, ne, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { handoffs, releases, webhookAttempts, webhookDeliveries } from './schema.js';

/** The field replaced by the marker where the column holds an object (a JSON null stays null). */
const replacedIn = (column: AnyPgColumn, field: string) =>
  sql`case when jsonb_typeof(${column}) = 'object' then ${column} || jsonb_build_object(${field}::text, ${ANONYMISED}::text) else ${column} end`;

const herDeliveries = (personId: string) => eq(webhookDeliveries.personId, personId);

/**
 * Webhook deliveries no longer pending (delivered, or given up on) with their attempts, after their retention: each
 * payload is a whole event, clinical detail included. A pending delivery is never purged.
 */
export function webhookPayloadPurge(retentionDays: number): Purge {
  return {
    what: 'webhook deliveries and their attempts',
    retentionDays,
    deleteBatch: async (tx, before, limit) => {
      const finished = await tx
        .select({ id: webhookDeliveries.id })
        .from(webhookDeliveries)
        .where(and(ne(webhookDeliveries.status, 'pending'), lt(webhookDeliveries.createdAt, before)))
        .limit(limit);
      const ids = finished.map((row) => row.id);
      if (ids.length === 0) return 0;
      await tx.delete(webhookAttempts).where(inArray(webhookAttempts.deliveryId, ids));
      await tx.delete(webhookDeliveries).where(inArray(webhookDeliveries.id, ids));
      return ids.length;
    },
  };
}

/**
 * What treatment-continuity holds about her: release copies, handoffs (clinical detail), webhook deliveries of her
 * events. Anonymising clears the dose and dosing dates, childcare constraints, the key worker's name, the appointment's
 * place and the free-text reasons, and deletes her webhook deliveries; statuses, dates, flags and the treatment kind
 * stay for the continuity figures.
 */
export function treatmentPersonalData(settings: { WEBHOOK_RETENTION_DAYS: number }): PersonalData {
  return {
    categories: ['release', 'treatment-status', 'clinical'],
    releases: releaseCopyHeld(releases),
    recordsOf: async (db, personId) => ({
      releases: await db.select().from(releases).where(eq(releases.personId, personId)),
      handoffs: await db.select().from(handoffs).where(eq(handoffs.personId, personId)),
      webhook_deliveries: await db.select().from(webhookDeliveries).where(herDeliveries(personId)),
    }),
    anonymise: async (tx, personId) => {
      await tx
        .update(handoffs)
        .set({
          treatment: sql`${handoffs.treatment} || '{"dose": null, "lastDoseInCustodyAt": null, "nextInjectionDue": null}'::jsonb`,
          preferences: sql`${handoffs.preferences} || '{"childcareConstraints": []}'::jsonb`,
          keyWorker: replacedIn(handoffs.keyWorker, 'name'),
          firstAppointment: replacedIn(handoffs.firstAppointment, 'place'),
          statusReason: null,
          declineReason: null,
        })
        .where(eq(handoffs.personId, personId));
      const deliveries = tx.select({ id: webhookDeliveries.id }).from(webhookDeliveries).where(herDeliveries(personId));
      await tx.delete(webhookAttempts).where(inArray(webhookAttempts.deliveryId, deliveries));
      await tx.delete(webhookDeliveries).where(herDeliveries(personId));
      return ['handoffs', 'webhook_deliveries', 'webhook_attempts'];
    },
    purges: [webhookPayloadPurge(settings.WEBHOOK_RETENTION_DAYS)],
  };
}

import { bigserial, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Every read and change of personal data: who, what, which person, which categories of data (never the values),
 * why, whether it was allowed, and to whom it was disclosed. Append-only (a trigger in each service's migrations
 * refuses UPDATE and DELETE). A list read is one row naming every woman it showed in `listed` (`person_id` empty);
 * "who saw her record" looks in both columns.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    sub: text('sub').notNull(),
    roles: text('roles').array().notNull(),
    organisation: text('organisation'),
    action: text('action').notNull(),
    personId: text('person_id'),
    resourceId: text('resource_id'),
    categories: text('categories').array().notNull(),
    justification: text('justification'),
    outcome: text('outcome', { enum: ['allowed', 'denied'] }).notNull(),
    recipient: text('recipient'),
    correlationId: text('correlation_id').notNull(),
    listed: text('listed').array(),
  },
  (table) => [
    index('audit_by_person').on(table.personId, table.at),
    index('audit_by_time').on(table.at),
    index('audit_by_listed').using('gin', table.listed),
  ],
);

export type AuditEntry = typeof auditLog.$inferInsert;

/** What an audited access records (`at` and the chain's columns are filled in by PostgreSQL). */
export const AUDIT_ENTRY_KEYS = [
  'sub',
  'roles',
  'organisation',
  'action',
  'personId',
  'resourceId',
  'categories',
  'justification',
  'outcome',
  'recipient',
  'correlationId',
  'listed',
] as const satisfies readonly (keyof AuditEntry)[];

import { dropOutboxNotifyTrigger, preparingEveryQuery } from '@resettle/messaging';
import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import postgres, { type Sql } from 'postgres';
import { installAuditSafeguards } from './audit/safeguards.js';
import { grantServiceRole, roleOf } from './database-roles.js';

export interface DatabaseConnection<TSchema extends Record<string, unknown>> {
  sql: Sql;
  db: PostgresJsDatabase<TSchema>;
  close(): Promise<void>;
}

export interface DatabaseTimeouts {
  /** A statement running longer is cancelled by the server (SQLSTATE 57014); 0: no limit. */
  statementTimeoutMs?: number;
  /** A session idle inside an open transaction longer is ended by the server (25P03), releasing its locks. */
  idleInTransactionTimeoutMs?: number;
}

export const DEFAULT_STATEMENT_TIMEOUT_MS = 15_000;
export const DEFAULT_IDLE_IN_TRANSACTION_TIMEOUT_MS = 60_000;

/** A pool whose every connection carries the statement and idle-in-transaction timeouts (defaults: 15 s, 60 s). */
export function connectDatabase<TSchema extends Record<string, unknown>>(
  url: string,
  schema: TSchema,
  options: { max?: number } & DatabaseTimeouts = {},
): DatabaseConnection<TSchema> {
  const sql = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    connection: {
      application_name: 'resettle',
      statement_timeout: options.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS,
      idle_in_transaction_session_timeout: options.idleInTransactionTimeoutMs ?? DEFAULT_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    },
  });
  const db = drizzle(preparingEveryQuery(sql), { schema });
  return { sql, db, close: () => sql.end({ timeout: 5 }) };
}

/** Held while changing the schema: instances of a service starting together would otherwise do it at once. */
export const SCHEMA_CHANGE_LOCK_KEY = 7_355_609;

/**
 * Applies the service's committed drizzle-kit migrations (no statement timeout: a migration may take its time), one
 * instance at a time; the next finds them applied.
 */
export async function migrateDatabase(url: string, migrationsFolder: string): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql`select pg_advisory_lock(${SCHEMA_CHANGE_LOCK_KEY})`;
    await migrate(drizzle(sql), { migrationsFolder });
    await sql`select pg_advisory_unlock(${SCHEMA_CHANGE_LOCK_KEY})`;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/**
 * Readies a service's database before the service connects: the migrations and the audit log's safeguards, run as
 * the owner role (DATABASE_OWNER_URL), which then grants DATABASE_URL's role what the service needs at run time
 * (database-roles.ts). Without an owner URL both are one role, as before roles were split, and the service's own role
 * owns its audit log: the answer says so, for the caller to warn.
 */
export async function prepareDatabase(
  urls: { DATABASE_URL: string; DATABASE_OWNER_URL?: string | undefined },
  migrationsFolder: string,
  { auditLog }: { auditLog: boolean },
): Promise<{ serviceRoleOwnsTables: boolean; serviceRole: string }> {
  const ownerUrl = urls.DATABASE_OWNER_URL ?? urls.DATABASE_URL;
  await migrateDatabase(ownerUrl, migrationsFolder);
  const service = await roleOf(urls.DATABASE_URL);
  const owner = urls.DATABASE_OWNER_URL ? await roleOf(ownerUrl) : service;
  const split = owner.name !== service.name;
  const sql = postgres(ownerUrl, { max: 1, onnotice: () => {} });
  try {
    await sql.begin(async (tx) => {
      await tx`select pg_advisory_xact_lock(${SCHEMA_CHANGE_LOCK_KEY})`;
      if (auditLog) await installAuditSafeguards(tx);
      await dropOutboxNotifyTrigger(tx);
      if (split) await grantServiceRole(tx, service.name);
    });
  } finally {
    await sql.end({ timeout: 5 });
  }
  return { serviceRoleOwnsTables: !split || service.superuser, serviceRole: service.name };
}

import { type Database, type DatabaseOrTransaction, insertRows } from '@resettle/messaging';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { FastifyRequest } from 'fastify';
import { httpError } from '../http/problems.js';
import { writeAuditOutsideTransaction } from './group-commit.js';
import { AUDIT_ENTRY_KEYS, type AuditEntry, auditLog } from './schema.js';

export type DataCategory =
  | 'release'
  | 'treatment-status'
  | 'clinical'
  | 'accommodation'
  | 'restricted-areas'
  | 'transport'
  | 'passport'
  | 'reference-data'
  | 'audit-log';

export interface AuditFacts {
  action: string;
  personId?: string | null;
  resourceId?: string | null;
  categories: DataCategory[];
  outcome: 'allowed' | 'denied';
  justification?: string | null;
  recipient?: string | null;
  /**
   * For a list: the people whose records it returned. The read is recorded once per person (each row carries her id,
   * so "who saw her record" finds list reads too), or once with no person when the list was empty.
   */
  listed?: readonly string[];
}

/** Who is asking, from the verified token; a service acting on an event audits as `system`. */
export function auditEntry(request: FastifyRequest | null, facts: AuditFacts, correlationId?: string): AuditEntry {
  const caller = request?.user;
  const { listed: _listed, ...recorded } = facts;
  return {
    sub: caller?.sub ?? 'system',
    roles: caller?.roles ?? [],
    organisation: caller?.organisation ?? caller?.prison ?? caller?.region ?? null,
    correlationId: correlationId ?? request?.id ?? 'none',
    ...recorded,
    personId: facts.personId ?? null,
    resourceId: facts.resourceId ?? null,
    justification: facts.justification ?? null,
    recipient: facts.recipient ?? null,
  };
}

/** The rows one audited access makes: one, or for a list one per person it returned. */
export function auditEntries(request: FastifyRequest | null, facts: AuditFacts): AuditEntry[] {
  if (facts.listed === undefined || facts.listed.length === 0) return [auditEntry(request, facts)];
  return [...new Set(facts.listed)].map((personId) => auditEntry(request, { ...facts, personId }));
}

/**
 * Records an audit row (for a list, one per person listed). If it cannot be written the read is refused (503): no disclosure without a record of it.
 * Pass the transaction when auditing a change, so the change and its audit commit together.
 */
export async function audit(
  db: DatabaseOrTransaction,
  request: FastifyRequest | null,
  facts: AuditFacts,
): Promise<void> {
  if (db instanceof PgTransaction) return auditInTransaction(db, request, [facts]);
  const entries = auditEntries(request, facts);
  await refusedUnlessRecorded(request, () =>
    Promise.all(entries.map((entry) => writeAuditOutsideTransaction(db as Database, entry))),
  );
}

/** The rows of several audited accesses in one statement, in the transaction of the change they record. */
export async function auditInTransaction(
  tx: DatabaseOrTransaction,
  request: FastifyRequest | null,
  accesses: readonly AuditFacts[],
): Promise<void> {
  const entries = accesses.flatMap((facts) => auditEntries(request, facts));
  if (entries.length === 0) return;
  await refusedUnlessRecorded(request, () => insertRows(tx, auditLog, AUDIT_ENTRY_KEYS, entries));
}

async function refusedUnlessRecorded(request: FastifyRequest | null, write: () => Promise<unknown>): Promise<void> {
  try {
    await write();
  } catch (error) {
    request?.log.error({ err: error }, 'audit record could not be written; refusing');
    throw httpError(503, 'The access could not be recorded, so it was refused. Try again shortly.');
  }
}

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
   * For a list: the people whose records it returned. The read is one row naming them all (each once) in `listed`,
   * where "who saw her record" looks as well as in `person_id`; an empty list is a row naming no one.
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
    personId: facts.listed === undefined ? (facts.personId ?? null) : null, // a list names its women in `listed`
    resourceId: facts.resourceId ?? null,
    justification: facts.justification ?? null,
    recipient: facts.recipient ?? null,
    listed: facts.listed === undefined ? null : [...new Set(facts.listed)],
  };
}

/**
 * Records an audit row (a list's names every woman it showed). If it cannot be written the read is refused (503): no
 * disclosure without a record of it. Pass the transaction when auditing a change, so the change and its audit commit
 * together.
 */
export async function audit(
  db: DatabaseOrTransaction,
  request: FastifyRequest | null,
  facts: AuditFacts,
): Promise<void> {
  if (db instanceof PgTransaction) return auditInTransaction(db, request, [facts]);
  const entry = auditEntry(request, facts);
  await refusedUnlessRecorded(request, () => writeAuditOutsideTransaction(db as Database, entry));
}

/** The rows of several audited accesses in one statement, in the transaction of the change they record. */
export async function auditInTransaction(
  tx: DatabaseOrTransaction,
  request: FastifyRequest | null,
  accesses: readonly AuditFacts[],
): Promise<void> {
  const entries = accesses.map((facts) => auditEntry(request, facts));
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

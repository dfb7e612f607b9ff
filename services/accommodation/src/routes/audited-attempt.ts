import { type AuditFacts, audit } from '@resettle/platform';
import type { FastifyRequest } from 'fastify';

/**
 * Runs a proposal or decision with its audit rows written outside the business transaction: the attempt before it
 * starts, and a `-refused` row if it is refused or rolled back. So every attempt leaves a row, even one that changes
 * nothing (a refusal used to be audited inside the transaction it rolled back, leaving no trace of probing).
 */
export async function auditedAttempt<T>(
  db: Parameters<typeof audit>[0],
  request: FastifyRequest,
  facts: AuditFacts,
  attempt: () => Promise<T>,
): Promise<T> {
  await audit(db, request, facts);
  try {
    return await attempt();
  } catch (error) {
    await audit(db, request, {
      ...facts,
      action: `${facts.action}-refused`,
      outcome: 'denied',
      justification: refusalOf(error),
    });
    throw error;
  }
}

/** The status and rule code of a refusal (never its message, which may quote what was asked). */
function refusalOf(error: unknown): string {
  const status = typeof error === 'object' && error && 'statusCode' in error ? String(error.statusCode) : '500';
  const rule = typeof error === 'object' && error && 'rule' in error ? ` ${String(error.rule)}` : '';
  return `${status}${rule}`;
}

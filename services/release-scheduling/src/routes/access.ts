import type { DatabaseOrTransaction } from '@resettle/messaging';
import { type AuditFacts, audit, httpError, NotFound } from '@resettle/platform';
import type { FastifyRequest } from 'fastify';
import type { ReleaseRow } from '../db/releases.js';

/** Prison staff work with their own prison's women only. */
export function assertOwnPrison(request: FastifyRequest, prisonCode: string): void {
  if (request.user.prison !== prisonCode) {
    throw httpError(403, `You can act only on releases from your own prison (${request.user.prison ?? 'none'})`);
  }
}

/** A release the caller may see, audited either way; another prison's release is a 404 (its existence not revealed). */
export async function visibleRelease(
  db: DatabaseOrTransaction,
  request: FastifyRequest,
  release: ReleaseRow | undefined,
  action: string,
): Promise<ReleaseRow> {
  const allowed = release !== undefined && request.user.prison === release.prisonCode;
  await audit(db, request, {
    action,
    personId: release?.personId ?? null,
    resourceId: release?.id ?? null,
    categories: ['release'],
    outcome: allowed ? 'allowed' : 'denied',
  });
  if (!allowed) throw new NotFound('no such release');
  return release;
}

/** A change to her release, for the audit log. */
export function releaseAudit(release: ReleaseRow, action: string): AuditFacts {
  return { action, personId: release.personId, resourceId: release.id, categories: ['release'], outcome: 'allowed' };
}

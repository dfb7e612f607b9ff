import type { DatabaseOrTransaction } from '@resettle/messaging';
import { audit, httpError, NotFound } from '@resettle/platform';
import type { FastifyRequest } from 'fastify';
import type { PassportRow } from '../db/passports.js';

const JUSTIFICATION_HEADER = 'x-access-purpose';

/** A practitioner's region, from her token; without one she can see nothing. */
export function callerRegion(request: FastifyRequest): string {
  const region = request.user.region;
  if (typeof region !== 'string' || region.length === 0) {
    throw httpError(403, 'This token names no probation region');
  }
  return region;
}

/**
 * A passport the practitioner may see, audited either way (why: the `x-access-purpose` header, if given).
 * Another region's passport is a 404, indistinguishable from one that does not exist.
 */
export async function visiblePassport(
  db: DatabaseOrTransaction,
  request: FastifyRequest,
  row: PassportRow | undefined,
  action: string,
): Promise<PassportRow> {
  const allowed = row !== undefined && row.probationRegion === callerRegion(request);
  const purpose = request.headers[JUSTIFICATION_HEADER];
  await audit(db, request, {
    action,
    personId: row?.personId ?? null,
    resourceId: row?.releaseId ?? null,
    categories: ['passport'],
    outcome: allowed ? 'allowed' : 'denied',
    justification: typeof purpose === 'string' ? purpose.slice(0, 200) : null,
  });
  if (!allowed) throw new NotFound('no such passport');
  return row;
}

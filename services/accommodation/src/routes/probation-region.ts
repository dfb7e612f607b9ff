import { audit, type DataCategory, NotFound } from '@resettle/platform';
import { findRelease, releasesOf } from '@resettle/platform/release-copy';
import type { FastifyRequest } from 'fastify';

type Db = Parameters<typeof audit>[0];

/**
 * Her offender manager is probation of the region she is released to, which this service knows only from
 * release-scheduling's events (its copy of her releases). With no release known, or none to the caller's region, the
 * answer is a 404 audited as denied: the region is never guessed.
 */
export async function refuseUnlessHerRegion(
  db: Db,
  request: FastifyRequest,
  denial: { action: string; personId: string; resourceId?: string | null; category: DataCategory },
): Promise<void> {
  const region = request.user.region;
  const hers = await releasesOf(db, denial.personId);
  if (region && hers.some((release) => release.probationRegion === region)) return;
  await deny(db, request, denial);
}

/** The same for one of her releases (a place proposed for it). */
export async function refuseUnlessReleaseInRegion(
  db: Db,
  request: FastifyRequest,
  releaseId: string,
  denial: { action: string; personId: string; resourceId?: string | null; category: DataCategory },
): Promise<void> {
  const release = await findRelease(db, releaseId);
  const region = request.user.region;
  if (region && release?.probationRegion === region) return;
  await deny(db, request, denial);
}

async function deny(
  db: Db,
  request: FastifyRequest,
  denial: { action: string; personId: string; resourceId?: string | null; category: DataCategory },
): Promise<never> {
  await audit(db, request, {
    action: denial.action,
    personId: denial.personId,
    resourceId: denial.resourceId ?? null,
    categories: [denial.category],
    outcome: 'denied',
  });
  throw new NotFound('not found in your region');
}

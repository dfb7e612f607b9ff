import type { UnitOfWork } from '@resettle/platform';
import { findRelease, type KnownRelease } from '@resettle/platform/release-copy';
import { type AccommodationRow, accommodationsForRelease } from '../db/accommodations.js';
import { findProviderArea, type ProviderArea } from '../db/treatment-providers.js';
import { currentOf, judgeAccommodation } from '../domain/index.js';
import { accommodationPathwayJudged } from './accommodation-events.js';

/** What the pathway of one release is judged on: her records for it, oldest first, and her provider's area. */
export interface PathwayFacts {
  records: AccommodationRow[];
  provider: ProviderArea | null;
}

/** Read side by side: the transaction's connection sends both queries together (one round trip, not two). */
export async function pathwayFactsOf(work: UnitOfWork, releaseId: string): Promise<PathwayFacts> {
  const [records, provider] = await Promise.all([
    accommodationsForRelease(work.tx, releaseId),
    findProviderArea(work.tx, releaseId),
  ]);
  return { records, provider: provider ?? null };
}

/**
 * Judges the accommodation pathway of a release as things stand (read now, unless the caller has just read them) and
 * publishes the verdict in the caller's unit of work, whether or not it changed: the passport must hear a verdict for
 * every revision and every change of our facts.
 */
export async function judgeRelease(work: UnitOfWork, release: KnownRelease, facts?: PathwayFacts): Promise<void> {
  const { records, provider } = facts ?? (await pathwayFactsOf(work, release.releaseId));
  const verdict = judgeAccommodation({
    accommodation: currentOf(records),
    releaseDate: release.releaseDate,
    providerArea: provider,
  });
  work.publish(accommodationPathwayJudged(release, verdict));
}

/** As `judgeRelease`, for a release named by id; nothing when we have no copy of it yet. */
export async function judgeReleaseById(work: UnitOfWork, releaseId: string): Promise<void> {
  const release = await findRelease(work.tx, releaseId);
  if (release) await judgeRelease(work, release);
}

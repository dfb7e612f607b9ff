import type { UnitOfWork } from '@resettle/platform';
import { findRelease, type KnownRelease } from '@resettle/platform/release-copy';
import { type AccommodationRow, accommodationsForRelease } from '../db/accommodations.js';
import { findProviderArea } from '../db/treatment-providers.js';
import { judgeAccommodation } from '../domain/index.js';
import { accommodationPathwayJudged } from './accommodation-events.js';

/**
 * Judges the accommodation pathway of a release as things stand and publishes the verdict in the caller's unit of
 * work, whether or not it changed: the passport must hear a verdict for every revision and every change of our facts.
 */
export async function judgeRelease(work: UnitOfWork, release: KnownRelease): Promise<void> {
  const records = await accommodationsForRelease(work.tx, release.releaseId);
  const provider = await findProviderArea(work.tx, release.releaseId);
  const verdict = judgeAccommodation({
    accommodation: currentOf(records),
    releaseDate: release.releaseDate,
    providerArea: provider ?? null,
  });
  work.publish(accommodationPathwayJudged(release, verdict));
}

/** As `judgeRelease`, for a release named by id; nothing when we have no copy of it yet. */
export async function judgeReleaseById(work: UnitOfWork, releaseId: string): Promise<void> {
  const release = await findRelease(work.tx, releaseId);
  if (release) await judgeRelease(work, release);
}

/** The live record (there is at most one), else the latest withdrawn or not suitable one, else none. */
function currentOf(records: readonly AccommodationRow[]): AccommodationRow | null {
  const live = (record: AccommodationRow) =>
    record.status !== 'withdrawn' && record.safeguardingReview !== 'not-suitable';
  return records.find(live) ?? records.at(-1) ?? null;
}

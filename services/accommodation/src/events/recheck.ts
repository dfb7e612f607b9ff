import type { UnitOfWork } from '@resettle/platform';
import type { KnownRelease } from '@resettle/platform/release-copy';
import { type AccommodationRow, accommodationsOf, updateAccommodation } from '../db/accommodations.js';
import { restrictedAreasOf } from '../db/restricted-areas.js';
import type { ProviderArea } from '../db/treatment-providers.js';
import {
  eventForChange,
  isLive,
  localTreatmentMismatch,
  matchingRestrictedAreas,
  reviewAfterRestrictionsChanged,
  standingOf,
} from '../domain/index.js';
import { accommodationAtRisk, accommodationChanged } from './accommodation-events.js';
import type { PathwayFacts } from './judge.js';

/**
 * Re-checks her live accommodations for this release against what is known now (its date, her provider's area) and
 * publishes one event per real change, none when the facts are the same as before. Returns the facts as they now are.
 */
export async function recheckAccommodations(
  work: UnitOfWork,
  release: KnownRelease,
  facts: PathwayFacts,
): Promise<PathwayFacts> {
  const records: AccommodationRow[] = [];
  for (const row of facts.records) {
    records.push(isLive(row) ? await recheck(work, release, row, facts.provider) : row);
  }
  return { ...facts, records };
}

/**
 * After her restricted areas changed: an approved place that now falls in one goes back to her offender manager's
 * review (never silently kept); returns those sent back, whose releases the caller re-judges (in progress, naming no
 * area). Nothing else is published: a new area that matches nothing changes nothing anyone else can see.
 */
export async function returnToReviewIfRestricted(work: UnitOfWork, personId: string): Promise<AccommodationRow[]> {
  // Her places and her areas, read once and side by side.
  const [places, areas] = await Promise.all([
    accommodationsOf(work.tx, personId),
    restrictedAreasOf(work.tx, personId),
  ]);
  const sentBack: AccommodationRow[] = [];
  for (const row of places.filter(isLive)) {
    const matches = matchingRestrictedAreas(row, areas).length > 0;
    const review = reviewAfterRestrictionsChanged(row.safeguardingReview, matches);
    if (review === row.safeguardingReview) continue;
    const back = { safeguardingReview: review, proposedAt: work.now(), reviewedBy: null, reviewedAt: null };
    sentBack.push(await updateAccommodation(work.tx, row, back, work.now()));
  }
  return sentBack;
}

async function recheck(
  work: UnitOfWork,
  release: KnownRelease,
  row: AccommodationRow,
  provider: ProviderArea | null,
): Promise<AccommodationRow> {
  const standing = standingOf(row, release.releaseDate);
  const mismatch = provider ? localTreatmentMismatch(row, provider) : false;
  const mismatchChanged = mismatch !== row.localTreatmentMismatch;
  const kind = eventForChange(row, standing) ?? (mismatchChanged ? 'changed' : null);
  if (!kind) return row;
  const changes = { status: standing.status, statusReason: standing.reason, localTreatmentMismatch: mismatch };
  const updated = await updateAccommodation(work.tx, row, changes, work.now());
  work.publish(kind === 'at-risk' ? accommodationAtRisk(updated, release.releaseDate) : accommodationChanged(updated));
  return updated;
}

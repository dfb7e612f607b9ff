import type { UnitOfWork } from '@resettle/platform';
import { findRelease } from '@resettle/platform/release-copy';
import { type AccommodationRow, updateAccommodation } from '../db/accommodations.js';
import { restrictedAreasOf } from '../db/restricted-areas.js';
import { findProviderArea } from '../db/treatment-providers.js';
import {
  eventForChange,
  localTreatmentMismatch,
  matchingRestrictedAreas,
  reviewAfterRestrictionsChanged,
  standingOf,
} from '../domain/index.js';
import { accommodationAtRisk, accommodationChanged } from './accommodation-events.js';

/**
 * Re-checks stored accommodations against what is known now (release date, provider area) and publishes one event
 * per real change, none when the facts are the same as before.
 */
export async function recheckAccommodations(work: UnitOfWork, rows: readonly AccommodationRow[]): Promise<void> {
  for (const row of rows) await recheck(work, row);
}

/**
 * After her restricted areas changed: an approved place that now falls in one goes back to her offender manager's
 * review (never silently kept); returns those sent back, whose releases the caller re-judges (in progress, naming no
 * area). Nothing else is published: a new area that matches nothing changes nothing anyone else can see.
 */
export async function returnToReviewIfRestricted(
  work: UnitOfWork,
  rows: readonly AccommodationRow[],
): Promise<AccommodationRow[]> {
  const sentBack: AccommodationRow[] = [];
  for (const row of rows) {
    const areas = await restrictedAreasOf(work.tx, row.personId);
    const matches = matchingRestrictedAreas(row, areas).length > 0;
    const review = reviewAfterRestrictionsChanged(row.safeguardingReview, matches);
    if (review === row.safeguardingReview) continue;
    const back = { safeguardingReview: review, proposedAt: work.now(), reviewedBy: null, reviewedAt: null };
    sentBack.push(await updateAccommodation(work.tx, row, back, work.now()));
  }
  return sentBack;
}

async function recheck(work: UnitOfWork, row: AccommodationRow): Promise<void> {
  const release = await findRelease(work.tx, row.releaseId);
  if (!release || row.status === 'withdrawn') return;
  const standing = standingOf(row, release.releaseDate);
  const provider = await findProviderArea(work.tx, row.releaseId);
  const mismatch = provider ? localTreatmentMismatch(row, provider) : false;
  const mismatchChanged = mismatch !== row.localTreatmentMismatch;
  const kind = eventForChange(row, standing) ?? (mismatchChanged ? 'changed' : null);
  if (!kind) return;
  const changes = { status: standing.status, statusReason: standing.reason, localTreatmentMismatch: mismatch };
  const updated = await updateAccommodation(work.tx, row, changes, work.now());
  work.publish(kind === 'at-risk' ? accommodationAtRisk(updated, release.releaseDate) : accommodationChanged(updated));
}

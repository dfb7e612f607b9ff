import type { UnitOfWork } from '@resettle/platform';
import { findRelease } from '@resettle/platform/release-copy';
import { type AccommodationRow, updateAccommodation } from '../db/accommodations.js';
import { restrictedAreasOf } from '../db/restricted-areas.js';
import { findProviderArea } from '../db/treatment-providers.js';
import { eventForChange, localTreatmentMismatch, standingOf } from '../domain/index.js';
import { accommodationAtRisk, accommodationChanged } from './accommodation-events.js';

/**
 * Re-checks stored accommodations against what is known now (release date, restricted areas, provider area) and
 * publishes one event per real change, none when the facts are the same as before.
 */
export async function recheckAccommodations(work: UnitOfWork, rows: readonly AccommodationRow[]): Promise<void> {
  for (const row of rows) await recheck(work, row);
}

async function recheck(work: UnitOfWork, row: AccommodationRow): Promise<void> {
  const release = await findRelease(work.tx, row.releaseId);
  if (!release || row.status === 'withdrawn') return;
  const standing = standingOf(row, release.releaseDate, await restrictedAreasOf(work.tx, row.personId));
  const provider = await findProviderArea(work.tx, row.releaseId);
  const mismatch = provider ? localTreatmentMismatch(row, provider) : false;
  const mismatchChanged = mismatch !== row.localTreatmentMismatch;
  const kind = eventForChange(row, standing) ?? (mismatchChanged ? 'changed' : null);
  if (!kind) return;
  const changes = { status: standing.status, statusReason: standing.reason, localTreatmentMismatch: mismatch };
  const updated = await updateAccommodation(work.tx, row, changes, work.now());
  work.publish(kind === 'at-risk' ? accommodationAtRisk(updated, release.releaseDate) : accommodationChanged(updated));
}

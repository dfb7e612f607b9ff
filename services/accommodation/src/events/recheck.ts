import type { EventEnvelope } from '@resettle/contracts';
import type { Transaction } from '@resettle/messaging';
import { type AccommodationRow, updateAccommodation } from '../db/accommodations.js';
import { findProviderArea, findRelease } from '../db/facts.js';
import { restrictedAreasOf } from '../db/restricted-areas.js';
import { eventForChange, localTreatmentMismatch, standingOf } from '../domain/index.js';
import { accommodationAtRisk, accommodationChanged, type Cause } from './accommodation-events.js';

/**
 * Re-checks stored accommodations against what is known now (release date, restricted areas, provider area) and
 * returns the events to publish: one per real change, none when the facts are the same as before.
 */
export async function recheckAccommodations(
  tx: Transaction,
  rows: readonly AccommodationRow[],
  cause: Cause,
): Promise<EventEnvelope[]> {
  const events: EventEnvelope[] = [];
  for (const row of rows) {
    const event = await recheck(tx, row, cause);
    if (event) events.push(event);
  }
  return events;
}

async function recheck(tx: Transaction, row: AccommodationRow, cause: Cause): Promise<EventEnvelope | undefined> {
  const release = await findRelease(tx, row.releaseId);
  if (!release || row.status === 'withdrawn') return undefined;
  const standing = standingOf(row, release.releaseDate, await restrictedAreasOf(tx, row.personId));
  const provider = await findProviderArea(tx, row.releaseId);
  const mismatch = provider ? localTreatmentMismatch(row, provider) : false;
  const mismatchChanged = mismatch !== row.localTreatmentMismatch;
  const kind = eventForChange(row, standing) ?? (mismatchChanged ? 'changed' : null);
  if (!kind) return undefined;
  const updated = await updateAccommodation(tx, row, {
    status: standing.status,
    statusReason: standing.reason,
    localTreatmentMismatch: mismatch,
  });
  return kind === 'at-risk'
    ? accommodationAtRisk(updated, release.releaseDate, cause)
    : accommodationChanged(updated, cause);
}

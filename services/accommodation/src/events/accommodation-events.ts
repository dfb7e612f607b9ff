import { createEvent } from '@resettle/contracts';
import type { AccommodationRow } from '../db/accommodations.js';

const SOURCE = 'accommodation';

export interface Cause {
  correlationId: string;
  causationId?: string | null;
}

/** What others may know: never her restricted areas, nor who confirmed it. */
function accommodationFacts(row: AccommodationRow) {
  return {
    accommodationId: row.id,
    releaseId: row.releaseId,
    type: row.type,
    localAuthority: row.localAuthority,
    postcodeDistrict: row.postcodeDistrict,
    confirmedFrom: row.confirmedFrom,
    womenOnly: row.womenOnly,
    localTreatmentMismatch: row.localTreatmentMismatch,
  };
}

export function accommodationConfirmed(row: AccommodationRow, cause: Cause) {
  return createEvent({
    type: 'accommodation.confirmed',
    personId: row.personId,
    source: SOURCE,
    ...cause,
    data: accommodationFacts(row),
  });
}

export function accommodationChanged(row: AccommodationRow, cause: Cause) {
  return createEvent({
    type: 'accommodation.changed',
    personId: row.personId,
    source: SOURCE,
    ...cause,
    data: accommodationFacts(row),
  });
}

export function accommodationAtRisk(row: AccommodationRow, releaseDate: string, cause: Cause) {
  return createEvent({
    type: 'accommodation.at-risk',
    personId: row.personId,
    source: SOURCE,
    ...cause,
    data: {
      accommodationId: row.id,
      releaseId: row.releaseId,
      reason: row.statusReason ?? 'Accommodation no longer fits',
      releaseDate,
      confirmedFrom: row.confirmedFrom,
    },
  });
}

export function accommodationWithdrawn(row: AccommodationRow, reason: string, cause: Cause) {
  return createEvent({
    type: 'accommodation.withdrawn',
    personId: row.personId,
    source: SOURCE,
    ...cause,
    data: { accommodationId: row.id, releaseId: row.releaseId, reason },
  });
}

import type { AccommodationRow } from '../db/accommodations.js';

export function asAccommodationView(row: AccommodationRow) {
  return {
    id: row.id,
    personId: row.personId,
    releaseId: row.releaseId,
    type: row.type,
    localAuthority: row.localAuthority,
    postcodeDistrict: row.postcodeDistrict,
    confirmedFrom: row.confirmedFrom,
    womenOnly: row.womenOnly,
    confirmedBy: row.confirmedBy,
    status: row.status,
    statusReason: row.statusReason,
    localTreatmentMismatch: row.localTreatmentMismatch,
    withdrawnReason: row.withdrawnReason,
    safeguardingReview: row.safeguardingReview,
    revision: row.revision,
  };
}

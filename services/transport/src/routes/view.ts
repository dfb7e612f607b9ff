import type { TravelPlanRow } from '../db/travel-plans.js';

export function asTravelPlanView(row: TravelPlanRow) {
  return {
    id: row.id,
    personId: row.personId,
    releaseId: row.releaseId,
    mode: row.mode,
    metBy: row.metBy,
    departureAt: row.departureAt.toISOString(),
    expectedArrivalAt: row.expectedArrivalAt.toISOString(),
    destination: row.destination,
    arrangedBy: row.arrangedBy,
    escorted: row.escorted,
    status: row.status,
    reasons: row.reasons,
    flags: row.flags,
    cancelledReason: row.cancelledReason,
    revision: row.revision,
  };
}

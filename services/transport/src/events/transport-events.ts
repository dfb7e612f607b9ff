import { createEvent } from '@resettle/contracts';
import type { TravelPlanRow } from '../db/travel-plans.js';

const SOURCE = 'transport';

export interface Cause {
  correlationId: string;
  causationId?: string | null;
}

function travelPlanFacts(row: TravelPlanRow) {
  return {
    travelPlanId: row.id,
    releaseId: row.releaseId,
    mode: row.mode,
    departureAt: row.departureAt.toISOString(),
    expectedArrivalAt: row.expectedArrivalAt.toISOString(),
    destination: row.destination,
    longJourneyWithoutEscort: row.flags.some((flag) => flag.rule === 'LONG_JOURNEY_WITHOUT_ESCORT'),
  };
}

export function transportArranged(row: TravelPlanRow, cause: Cause) {
  return createEvent({
    type: 'transport.arranged',
    personId: row.personId,
    source: SOURCE,
    ...cause,
    data: travelPlanFacts(row),
  });
}

export function transportChanged(row: TravelPlanRow, cause: Cause) {
  return createEvent({
    type: 'transport.changed',
    personId: row.personId,
    source: SOURCE,
    ...cause,
    data: travelPlanFacts(row),
  });
}

export function transportAtRisk(row: TravelPlanRow, cause: Cause) {
  return createEvent({
    type: 'transport.at-risk',
    personId: row.personId,
    source: SOURCE,
    ...cause,
    data: {
      travelPlanId: row.id,
      releaseId: row.releaseId,
      reasons: row.reasons.map(({ rule, message }) => ({ rule, message })),
    },
  });
}

export function transportCancelled(row: TravelPlanRow, reason: string, cause: Cause) {
  return createEvent({
    type: 'transport.cancelled',
    personId: row.personId,
    source: SOURCE,
    ...cause,
    data: { travelPlanId: row.id, releaseId: row.releaseId, reason },
  });
}

import type { EventDraft } from '@resettle/contracts';
import type { KnownRelease } from '@resettle/platform/release-copy';
import type { TravelPlanRow } from '../db/travel-plans.js';
import type { TransportVerdict } from '../domain/index.js';

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

export function transportArranged(row: TravelPlanRow): EventDraft<'transport.arranged'> {
  return { type: 'transport.arranged', personId: row.personId, data: travelPlanFacts(row) };
}

export function transportChanged(row: TravelPlanRow): EventDraft<'transport.changed'> {
  return { type: 'transport.changed', personId: row.personId, data: travelPlanFacts(row) };
}

export function transportAtRisk(row: TravelPlanRow): EventDraft<'transport.at-risk'> {
  const reasons = row.reasons.map(({ rule, message }) => ({ rule, message }));
  return {
    type: 'transport.at-risk',
    personId: row.personId,
    data: { travelPlanId: row.id, releaseId: row.releaseId, reasons },
  };
}

export function transportCancelled(row: TravelPlanRow, reason: string): EventDraft<'transport.cancelled'> {
  const data = { travelPlanId: row.id, releaseId: row.releaseId, reason };
  return { type: 'transport.cancelled', personId: row.personId, data };
}

/** transport's verdict, stamped with the release revision and the handoff revision (its first appointment) it used. */
export function transportPathwayJudged(
  release: KnownRelease,
  verdict: TransportVerdict,
  handoffRevision: number | null,
): EventDraft<'transport.pathway-judged'> {
  return {
    type: 'transport.pathway-judged',
    personId: release.personId,
    data: {
      releaseId: release.releaseId,
      pathway: 'transport',
      required: true,
      ...verdict,
      judgedAgainst: { releaseRevision: release.revision, handoffRevision },
    },
  };
}

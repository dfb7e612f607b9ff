import { type Static, Type } from '@sinclair/typebox';
import { Instant, strict, Uuid } from '../primitives.js';

export const TRAVEL_MODES = ['met-at-gate', 'public-transport-with-warrant', 'taxi', 'prison-transport'] as const;
export type TravelMode = (typeof TRAVEL_MODES)[number];
/** Where the journey from the gate ends. */
export const TRAVEL_DESTINATIONS = ['accommodation', 'first-appointment'] as const;
export type TravelDestination = (typeof TRAVEL_DESTINATIONS)[number];

const travelPlanFacts = {
  travelPlanId: Uuid,
  releaseId: Uuid,
  mode: Type.Union(TRAVEL_MODES.map((mode) => Type.Literal(mode))),
  departureAt: Instant,
  expectedArrivalAt: Instant,
  destination: Type.Union(TRAVEL_DESTINATIONS.map((destination) => Type.Literal(destination))),
  longJourneyWithoutEscort: Type.Boolean(),
};

export const TransportArrangedV1 = Type.Object(travelPlanFacts, strict);
export const TransportChangedV1 = Type.Object(travelPlanFacts, strict);
export const TransportAtRiskV1 = Type.Object(
  {
    travelPlanId: Uuid,
    releaseId: Uuid,
    reasons: Type.Array(Type.Object({ rule: Type.String(), message: Type.String() }, strict)),
  },
  strict,
);
export const TransportCancelledV1 = Type.Object({ travelPlanId: Uuid, releaseId: Uuid, reason: Type.String() }, strict);

export type TransportArranged = Static<typeof TransportArrangedV1>;
export type TransportChanged = Static<typeof TransportChangedV1>;
export type TransportAtRisk = Static<typeof TransportAtRiskV1>;
export type TransportCancelled = Static<typeof TransportCancelledV1>;

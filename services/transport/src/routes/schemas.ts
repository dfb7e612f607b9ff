import { Instant, Nullable, PersonId, TRAVEL_DESTINATIONS, TRAVEL_MODES, Uuid } from '@resettle/contracts';
import { type Static, Type } from '@sinclair/typebox';
import { PLAN_STATUSES } from '../domain/index.js';

const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength });
const oneOf = <T extends string>(values: readonly T[]) => Type.Union(values.map((value) => Type.Literal(value)));

const planFields = {
  mode: oneOf(TRAVEL_MODES),
  metBy: Type.Optional(Nullable(Text(120))),
  departureAt: Instant,
  expectedArrivalAt: Instant,
  destination: oneOf(TRAVEL_DESTINATIONS),
  arrangedBy: Text(120),
  escorted: Type.Boolean(),
};

export const TravelPlanRequest = Type.Object(
  { personId: PersonId, releaseId: Uuid, ...planFields },
  { additionalProperties: false },
);
export type TravelPlanRequest = Static<typeof TravelPlanRequest>;

export const TravelPlanChange = Type.Object(planFields, { additionalProperties: false });
export type TravelPlanChange = Static<typeof TravelPlanChange>;

export const CancelRequest = Type.Object({ reason: Text(500) }, { additionalProperties: false });

const Finding = Type.Object({ rule: Type.String(), field: Type.String(), message: Type.String() });

export const TravelPlan = Type.Object({
  id: Uuid,
  personId: PersonId,
  releaseId: Uuid,
  ...planFields,
  metBy: Nullable(Type.String()),
  status: oneOf(PLAN_STATUSES),
  reasons: Type.Array(Finding, { description: 'the rules the plan breaks now (at-risk)' }),
  flags: Type.Array(Finding, { description: 'worth a second look, not refused' }),
  cancelledReason: Nullable(Type.String()),
  revision: Type.Integer(),
});

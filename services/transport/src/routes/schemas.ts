import { TRAVEL_MODES } from '@resettle/contracts';
import { type Static, Type } from '@sinclair/typebox';

export const PersonId = Type.String({ pattern: '^[A-Z][0-9]{4}[A-Z]{2}$', description: 'prison number, e.g. A1234BC' });
export const Uuid = Type.String({ format: 'uuid' });
const Instant = Type.String({ format: 'date-time', description: 'ISO 8601 instant with offset' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength });

const planFields = {
  mode: Type.Union(TRAVEL_MODES.map((mode) => Type.Literal(mode))),
  metBy: Type.Optional(Nullable(Text(120))),
  departureAt: Instant,
  expectedArrivalAt: Instant,
  destination: Type.Union([Type.Literal('accommodation'), Type.Literal('first-appointment')]),
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
  status: Type.Union(['arranged', 'at-risk', 'cancelled'].map((status) => Type.Literal(status))),
  reasons: Type.Array(Finding, { description: 'the rules the plan breaks now (at-risk)' }),
  flags: Type.Array(Finding, { description: 'worth a second look, not refused' }),
  cancelledReason: Nullable(Type.String()),
  revision: Type.Integer(),
});

export const Refusal = Type.Object({
  type: Type.String(),
  title: Type.String(),
  status: Type.Literal(422),
  rule: Type.String(),
  detail: Type.String(),
  field: Type.String(),
  violations: Type.Array(Finding),
  correlationId: Type.String(),
});

export const IdParams = Type.Object({ id: Uuid });
export const ReleaseQuery = Type.Object({ releaseId: Uuid }, { additionalProperties: false });

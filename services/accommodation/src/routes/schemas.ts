import { ACCOMMODATION_TYPES } from '@resettle/contracts';
import { type Static, Type } from '@sinclair/typebox';

export const PersonId = Type.String({ pattern: '^[A-Z][0-9]{4}[A-Z]{2}$', description: 'prison number, e.g. A1234BC' });
export const Uuid = Type.String({ format: 'uuid' });
const IsoDate = Type.String({ format: 'date', description: 'calendar date in Europe/London (YYYY-MM-DD)' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength });

const AccommodationType = Type.Union(ACCOMMODATION_TYPES.map((type) => Type.Literal(type)));

const detailFields = {
  type: AccommodationType,
  localAuthority: Nullable(Text(100)),
  postcodeDistrict: Nullable(Type.String({ minLength: 2, maxLength: 5, description: 'outward code only, e.g. BS1' })),
  confirmedFrom: Nullable(IsoDate),
  womenOnly: Type.Boolean(),
  confirmedBy: Nullable(Text(120)),
};

export const AccommodationRequest = Type.Object(
  { personId: PersonId, releaseId: Uuid, ...detailFields },
  { additionalProperties: false },
);
export type AccommodationRequest = Static<typeof AccommodationRequest>;

export const AccommodationChange = Type.Object(detailFields, { additionalProperties: false });
export type AccommodationChange = Static<typeof AccommodationChange>;

export const WithdrawRequest = Type.Object({ reason: Text(500) }, { additionalProperties: false });

export const Accommodation = Type.Object({
  id: Uuid,
  personId: PersonId,
  releaseId: Uuid,
  ...detailFields,
  status: Type.Union(['confirmed', 'incomplete', 'at-risk', 'withdrawn'].map((status) => Type.Literal(status))),
  statusReason: Nullable(Type.String()),
  localTreatmentMismatch: Type.Boolean(),
  withdrawnReason: Nullable(Type.String()),
  revision: Type.Integer(),
});

export const RestrictedArea = Type.Object(
  {
    kind: Type.Union([Type.Literal('postcode-district'), Type.Literal('local-authority')]),
    value: Text(100),
  },
  { additionalProperties: false },
);
export const RestrictedAreas = Type.Object(
  { restrictedAreas: Type.Array(RestrictedArea, { maxItems: 50 }) },
  { additionalProperties: false },
);
export const PersonRestrictedAreas = Type.Object({ personId: PersonId, ...RestrictedAreas.properties });

/** A refusal names the rule and the field; for a restricted area it never says which area. */
export const Refusal = Type.Object({
  type: Type.String(),
  title: Type.String(),
  status: Type.Literal(422),
  rule: Type.String(),
  detail: Type.String(),
  field: Type.String(),
  violations: Type.Array(Type.Object({ rule: Type.String(), field: Type.String(), message: Type.String() })),
  correlationId: Type.String(),
});

export const IdParams = Type.Object({ id: Uuid });
export const PersonParams = Type.Object({ personId: PersonId });
export const ReleaseQuery = Type.Object({ releaseId: Uuid }, { additionalProperties: false });

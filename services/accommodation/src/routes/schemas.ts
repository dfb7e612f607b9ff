import { ACCOMMODATION_TYPES, IsoDate, Nullable, PersonId, Uuid } from '@resettle/contracts';
import { type Static, Type } from '@sinclair/typebox';
import { ACCOMMODATION_STATUSES, RESTRICTED_AREA_KINDS } from '../domain/index.js';

const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength });
const oneOf = <T extends string>(values: readonly T[]) => Type.Union(values.map((value) => Type.Literal(value)));

const detailFields = {
  type: oneOf(ACCOMMODATION_TYPES),
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
  status: oneOf(ACCOMMODATION_STATUSES),
  statusReason: Nullable(Type.String()),
  localTreatmentMismatch: Type.Boolean(),
  withdrawnReason: Nullable(Type.String()),
  revision: Type.Integer(),
});

export const RestrictedArea = Type.Object(
  { kind: oneOf(RESTRICTED_AREA_KINDS), value: Text(100) },
  { additionalProperties: false },
);
export const RestrictedAreas = Type.Object(
  { restrictedAreas: Type.Array(RestrictedArea, { maxItems: 50 }) },
  { additionalProperties: false },
);
export const PersonRestrictedAreas = Type.Object({ personId: PersonId, ...RestrictedAreas.properties });

export const PersonParams = Type.Object({ personId: PersonId });

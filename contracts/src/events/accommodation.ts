import { type Static, Type } from '@sinclair/typebox';
import { IsoDate, Nullable, strict, Uuid } from '../primitives.js';

export const ACCOMMODATION_TYPES = [
  'own-tenancy',
  'family-or-friends',
  'approved-premises',
  'supported-housing',
  'temporary-or-hostel',
  'none',
] as const;
export type AccommodationType = (typeof ACCOMMODATION_TYPES)[number];

/** Never carries restricted areas: they stay inside the accommodation service. */
const accommodationFacts = {
  accommodationId: Uuid,
  releaseId: Uuid,
  type: Type.Union(ACCOMMODATION_TYPES.map((type) => Type.Literal(type))),
  localAuthority: Nullable(Type.String()),
  postcodeDistrict: Nullable(Type.String()),
  confirmedFrom: Nullable(IsoDate),
  womenOnly: Type.Boolean(),
  localTreatmentMismatch: Type.Boolean(),
};

export const AccommodationConfirmedV1 = Type.Object(accommodationFacts, strict);
export const AccommodationChangedV1 = Type.Object(accommodationFacts, strict);
export const AccommodationAtRiskV1 = Type.Object(
  {
    accommodationId: Uuid,
    releaseId: Uuid,
    reason: Type.String(),
    releaseDate: IsoDate,
    confirmedFrom: Nullable(IsoDate),
  },
  strict,
);
export const AccommodationWithdrawnV1 = Type.Object(
  { accommodationId: Uuid, releaseId: Uuid, reason: Type.String() },
  strict,
);

/**
 * Several proposals for her were found not suitable at safeguarding review: an alert for her offender manager
 * (probation of the region she is released to). Never the areas, the places proposed or the reasons.
 */
export const AccommodationSafeguardingAlertV1 = Type.Object(
  {
    alertId: Uuid,
    releaseId: Uuid,
    probationRegion: Type.String({ minLength: 1 }),
    declinedProposals: Type.Integer({ minimum: 1 }),
  },
  strict,
);

export type AccommodationConfirmed = Static<typeof AccommodationConfirmedV1>;
export type AccommodationChanged = Static<typeof AccommodationChangedV1>;
export type AccommodationAtRisk = Static<typeof AccommodationAtRiskV1>;
export type AccommodationWithdrawn = Static<typeof AccommodationWithdrawnV1>;
export type AccommodationSafeguardingAlert = Static<typeof AccommodationSafeguardingAlertV1>;

import { ACCOMMODATION_TYPES, IsoDate, Nullable, PersonId, Uuid } from '@resettle/contracts';
import { type Static, Type } from '@sinclair/typebox';
import { ACCOMMODATION_STATUSES, RESTRICTED_AREA_KINDS, SAFEGUARDING_REVIEWS } from '../domain/index.js';

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
  /** The outcome of her offender manager's safeguarding review, never why; null for type none. */
  safeguardingReview: Nullable(oneOf(SAFEGUARDING_REVIEWS)),
  revision: Type.Integer(),
});

const Instant = Type.String({ format: 'date-time' });

export const NewRestrictedArea = Type.Object(
  {
    kind: oneOf(RESTRICTED_AREA_KINDS),
    value: Text(100),
    reason: Type.String({ minLength: 1, maxLength: 500, pattern: '\\S', description: 'why; probation only' }),
  },
  { additionalProperties: false },
);
export type NewRestrictedArea = Static<typeof NewRestrictedArea>;

export const RestrictedAreaRemoval = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 500, pattern: '\\S' }) },
  { additionalProperties: false },
);

export const RecordedRestrictedArea = Type.Object({
  id: Uuid,
  kind: oneOf(RESTRICTED_AREA_KINDS),
  value: Type.String(),
  reason: Type.String(),
  recordedBy: Type.String(),
  recordedAt: Instant,
});
export const PersonRestrictedAreas = Type.Object({
  personId: PersonId,
  restrictedAreas: Type.Array(RecordedRestrictedArea),
});

export const PersonParams = Type.Object({ personId: PersonId });
export const PersonAreaParams = Type.Object({ personId: PersonId, areaId: Uuid });
export const AccommodationParams = Type.Object({ accommodationId: Uuid });

export const Page = Type.Object(
  {
    page: Type.Integer({ minimum: 1, maximum: 10_000, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: 50, default: 20 }),
  },
  { additionalProperties: false },
);
export const ReviewQuery = Type.Object(
  { ...Page.properties, show: Type.Optional(oneOf([...SAFEGUARDING_REVIEWS, 'all'] as const)) },
  { additionalProperties: false },
);

/** What probation sees at review: the place, whether it falls in her restricted areas and which. */
export const SafeguardingReviewView = Type.Object({
  accommodationId: Uuid,
  personId: PersonId,
  releaseId: Uuid,
  releaseDate: IsoDate,
  prisonCode: Nullable(Type.String()),
  place: Type.Object(detailFields),
  review: oneOf(SAFEGUARDING_REVIEWS),
  proposedAt: Nullable(Instant),
  reviewedBy: Nullable(Type.String()),
  reviewedAt: Nullable(Instant),
  declineReason: Nullable(Type.String()),
  revision: Type.Integer(),
  matchesRestrictedArea: Type.Boolean(),
  matchingAreas: Type.Array(Type.Object({ kind: oneOf(RESTRICTED_AREA_KINDS), value: Type.String() })),
  declinedProposals: Type.Integer(),
});
export const SafeguardingReviewList = Type.Object({
  items: Type.Array(SafeguardingReviewView),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  total: Type.Integer(),
});

export const Approval = Type.Object(
  { revision: Type.Integer({ minimum: 1, description: 'the revision reviewed' }) },
  { additionalProperties: false },
);
export const Decline = Type.Object(
  {
    revision: Type.Integer({ minimum: 1, description: 'the revision reviewed' }),
    reason: Type.String({ minLength: 1, maxLength: 1000, pattern: '\\S', description: 'kept for probation only' }),
  },
  { additionalProperties: false },
);

export const SafeguardingAlert = Type.Object({
  id: Uuid,
  personId: PersonId,
  releaseId: Uuid,
  declinedProposals: Type.Integer(),
  raisedAt: Instant,
});
export const SafeguardingAlertList = Type.Object({
  items: Type.Array(SafeguardingAlert),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  total: Type.Integer(),
});

import { type Static, Type } from '@sinclair/typebox';
import { Instant, IsoDate, LocalTime, Nullable, PrisonCode, strict, Uuid } from '../primitives.js';

export const RuleAppliedSchema = Type.Object(
  { rule: Type.String({ pattern: '^[A-Z_]+$' }), from: IsoDate, to: IsoDate, explanation: Type.String() },
  strict,
);

export type RuleApplied = Static<typeof RuleAppliedSchema>;

/** Where she is released from: a court or video-link release is ordered by someone else. */
export const RELEASE_ORIGINS = ['PRISON', 'COURT', 'VIDEO_LINK'] as const;
export type ReleaseOrigin = (typeof RELEASE_ORIGINS)[number];
export const SHORT_NOTICE_REASONS = ['COURT', 'VIDEO_LINK', 'UNDER_48_HOURS_NOTICE'] as const;
export type ShortNoticeReason = (typeof SHORT_NOTICE_REASONS)[number];

const releaseFacts = {
  releaseId: Uuid,
  prisonCode: PrisonCode,
  probationRegion: Type.String({ minLength: 1 }),
  legalReleaseDate: IsoDate,
  releaseDate: IsoDate,
  gateTime: LocalTime,
  gateAt: Instant,
  rulesApplied: Type.Array(RuleAppliedSchema),
  dayOfReleaseMoveEligible: Type.Boolean(),
  weekendCoverPlanRequired: Type.Boolean(),
  shortNotice: Type.Boolean(),
  shortNoticeReason: Nullable(Type.Union(SHORT_NOTICE_REASONS.map((reason) => Type.Literal(reason)))),
  shortSentence: Type.Boolean(),
};

export const ReleaseScheduledV1 = Type.Object(releaseFacts, strict);
export const ReleaseRescheduledV1 = Type.Object(
  {
    ...releaseFacts,
    previous: Type.Object({ releaseDate: IsoDate, gateTime: LocalTime, gateAt: Instant }, strict),
    reason: Type.String({ minLength: 1 }),
  },
  strict,
);
export const ReleaseCancelledV1 = Type.Object(
  { releaseId: Uuid, prisonCode: PrisonCode, reason: Type.String({ minLength: 1 }) },
  strict,
);
export const ReleaseOccurredV1 = Type.Object(
  { releaseId: Uuid, prisonCode: PrisonCode, releaseDate: IsoDate, gatePassedAt: Instant },
  strict,
);

/**
 * v2 of every release event carries the release's revision: a number that grows with every change (scheduled 1,
 * each move, cancellation or gate passed one more). Every pathway owner stamps its verdict with the revision it
 * judged against, so the passport can tell a verdict about this release from one about an older version of it.
 */
const revision = { revision: Type.Integer({ minimum: 1 }) };
export const ReleaseScheduledV2 = Type.Object({ ...releaseFacts, ...revision }, strict);
export const ReleaseRescheduledV2 = Type.Object({ ...ReleaseRescheduledV1.properties, ...revision }, strict);
export const ReleaseCancelledV2 = Type.Object({ ...ReleaseCancelledV1.properties, ...revision }, strict);
export const ReleaseOccurredV2 = Type.Object({ ...ReleaseOccurredV1.properties, ...revision }, strict);

export type ReleaseScheduled = Static<typeof ReleaseScheduledV1>;
export type ReleaseRescheduled = Static<typeof ReleaseRescheduledV1>;
export type ReleaseCancelled = Static<typeof ReleaseCancelledV1>;
export type ReleaseOccurred = Static<typeof ReleaseOccurredV1>;

import { type Static, Type } from '@sinclair/typebox';
import { Instant, IsoDate, LocalTime, Nullable, PrisonCode, strict, Uuid } from '../primitives.js';

export const RuleAppliedSchema = Type.Object(
  { rule: Type.String({ pattern: '^[A-Z_]+$' }), from: IsoDate, to: IsoDate, explanation: Type.String() },
  strict,
);

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
  shortNoticeReason: Nullable(
    Type.Union([Type.Literal('COURT'), Type.Literal('VIDEO_LINK'), Type.Literal('UNDER_48_HOURS_NOTICE')]),
  ),
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

export type ReleaseScheduled = Static<typeof ReleaseScheduledV1>;
export type ReleaseRescheduled = Static<typeof ReleaseRescheduledV1>;
export type ReleaseCancelled = Static<typeof ReleaseCancelledV1>;
export type ReleaseOccurred = Static<typeof ReleaseOccurredV1>;

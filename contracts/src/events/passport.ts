import { type Static, Type } from '@sinclair/typebox';
import { Instant, IsoDate, Nullable, PrisonCode, strict, Uuid } from '../primitives.js';

export const PATHWAYS = [
  'release',
  'treatment',
  'accommodation',
  'transport',
  'mental-health',
  'domestic-abuse-support',
  'children-and-family',
  'id-and-finance',
] as const;
export const PATHWAY_STATUSES = ['not-started', 'in-progress', 'complete', 'at-risk'] as const;

export const PassportUpdatedV1 = Type.Object(
  {
    releaseId: Uuid,
    complete: Type.Boolean(),
    pathways: Type.Array(
      Type.Object(
        {
          pathway: Type.Union(PATHWAYS.map((pathway) => Type.Literal(pathway))),
          required: Type.Boolean(),
          status: Type.Union(PATHWAY_STATUSES.map((status) => Type.Literal(status))),
          reason: Nullable(Type.String()),
        },
        strict,
      ),
    ),
  },
  strict,
);
/** What a passport shows for a pathway: its owner's verdict, or that it waits for the owner to judge the current release. */
export const PASSPORT_PATHWAY_STATUSES = [...PATHWAY_STATUSES, 'awaiting-re-check'] as const;
/** The services that judge pathways: the one a pathway awaiting re-check is owed by. */
export const PATHWAY_OWNERS = ['release-scheduling', 'treatment-continuity', 'accommodation', 'transport'] as const;

/**
 * v2: each pathway as its owner last judged it against the current release revision, or 'awaiting-re-check' (with who
 * owes the verdict) when the owner has not judged this revision yet; every reason, not only the first.
 */
export const PassportUpdatedV2 = Type.Object(
  {
    releaseId: Uuid,
    complete: Type.Boolean(),
    releaseRevision: Type.Integer({ minimum: 0 }),
    pathways: Type.Array(
      Type.Object(
        {
          pathway: Type.Union(PATHWAYS.map((pathway) => Type.Literal(pathway))),
          required: Type.Boolean(),
          status: Type.Union(PASSPORT_PATHWAY_STATUSES.map((status) => Type.Literal(status))),
          reason: Nullable(Type.String()),
          reasons: Type.Array(Type.String({ minLength: 1 })),
          owedBy: Nullable(Type.Union(PATHWAY_OWNERS.map((owner) => Type.Literal(owner)))),
        },
        strict,
      ),
    ),
  },
  strict,
);
export const PassportCompletedV1 = Type.Object({ releaseId: Uuid }, strict);
export const PassportAtRiskV1 = Type.Object(
  {
    releaseId: Uuid,
    releaseDate: IsoDate,
    workingDaysToRelease: Type.Integer(),
    missing: Type.Array(Type.String()),
  },
  strict,
);
export const PassportReleasedIncompleteV1 = Type.Object(
  { releaseId: Uuid, prisonCode: PrisonCode, releaseDate: IsoDate, missing: Type.Array(Type.String()) },
  strict,
);

export type PassportUpdated = Static<typeof PassportUpdatedV1>;
export type PassportCompleted = Static<typeof PassportCompletedV1>;
export type PassportAtRisk = Static<typeof PassportAtRiskV1>;
export type PassportReleasedIncomplete = Static<typeof PassportReleasedIncompleteV1>;

/** She did not attend her first community appointment: an alarm until a later appointment is attended. */
export const PassportMissedFirstAppointmentV1 = Type.Object(
  { releaseId: Uuid, handoffId: Uuid, appointmentAt: Instant, recordedAt: Instant },
  strict,
);
export type PassportMissedFirstAppointment = Static<typeof PassportMissedFirstAppointmentV1>;

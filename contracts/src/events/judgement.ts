import { type Static, Type } from '@sinclair/typebox';
import { Nullable, strict, Uuid } from '../primitives.js';
import { PATHWAY_STATUSES, PATHWAYS } from './passport.js';

/**
 * What a pathway's owner judged it against: always the release's revision, and the revision of any other owner's fact
 * the judgement used (transport's uses the first appointment, so it names the handoff's revision too).
 */
export const JudgedAgainst = Type.Object(
  {
    releaseRevision: Type.Integer({ minimum: 0 }),
    handoffRevision: Type.Optional(Nullable(Type.Integer({ minimum: 0 }))),
  },
  strict,
);

export const JudgementReason = Type.Object(
  { rule: Type.String({ pattern: '^[A-Z][A-Z0-9_]*$' }), message: Type.String({ minLength: 1 }) },
  strict,
);

/**
 * One owner's verdict on one pathway of one release: the status, every reason, what is missing, and the revisions it
 * was judged against. Published on every change of the owner's facts and on every new release revision, even when the
 * verdict is unchanged, so silence never means "still fine".
 */
export const PathwayJudgedV1 = Type.Object(
  {
    releaseId: Uuid,
    pathway: Type.Union(PATHWAYS.map((pathway) => Type.Literal(pathway))),
    required: Type.Boolean(),
    status: Type.Union(PATHWAY_STATUSES.map((status) => Type.Literal(status))),
    reasons: Type.Array(JudgementReason),
    missing: Type.Array(Type.String()),
    judgedAgainst: JudgedAgainst,
  },
  strict,
);

export type PathwayJudged = Static<typeof PathwayJudgedV1>;
export type JudgedAgainst = Static<typeof JudgedAgainst>;
export type JudgementReason = Static<typeof JudgementReason>;

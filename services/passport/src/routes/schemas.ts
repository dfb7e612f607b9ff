import { PASSPORT_PATHWAY_STATUSES, PATHWAY_OWNERS, PATHWAYS, ShownCount } from '@resettle/contracts';
import { Type } from '@sinclair/typebox';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

export const IsoDate = Type.String({ format: 'date', description: 'calendar date in Europe/London (YYYY-MM-DD)' });
export const PrisonCode = Type.String({ pattern: '^[A-Z]{3}$' });
export const PersonId = Type.String({ pattern: '^[A-Z][0-9]{4}[A-Z]{2}$', description: 'prison number, e.g. A1234BC' });

const PathwayName = Type.Union(PATHWAYS.map((name) => Type.Literal(name)));
const PathwayStatus = Type.Union(PASSPORT_PATHWAY_STATUSES.map((status) => Type.Literal(status)));
const PathwayOwner = Type.Union(PATHWAY_OWNERS.map((owner) => Type.Literal(owner)));

export const PathwayView = Type.Object({
  pathway: PathwayName,
  label: Type.String(),
  required: Type.Boolean(),
  status: PathwayStatus,
  reason: Nullable(Type.String()),
  reasons: Type.Array(Type.String()),
  owedBy: Nullable(PathwayOwner),
  statusText: Type.String({
    description: "the status in words, e.g. 'Awaiting re-check by accommodation' (never colour alone)",
  }),
});

export const RiskView = Type.Object({
  atRisk: Type.Boolean(),
  workingDaysToRelease: Nullable(Type.Integer()),
  thresholdWorkingDays: Type.Integer(),
  missing: Type.Array(Type.String()),
  reason: Nullable(Type.String()),
});

const releaseFields = {
  releaseId: Type.String({ format: 'uuid' }),
  personId: Type.String(),
  prisonCode: Nullable(Type.String()),
  releaseDate: Nullable(IsoDate),
  daysToRelease: Nullable(Type.Integer({ description: 'calendar days from today (London)' })),
  releaseStatus: Type.String(),
  releaseRevision: Type.Integer({ description: "the release's revision every owner's verdict must be judged against" }),
  shortNotice: Type.Boolean(),
  complete: Type.Boolean(),
  gaps: Type.Integer({ description: 'required pathways not complete' }),
};

/** Statuses and reasons only: no clinical detail leaves this service. */
export const PassportView = Type.Object({
  ...releaseFields,
  probationRegion: Nullable(Type.String()),
  gateTime: Nullable(Type.String()),
  gateAt: Nullable(Type.String({ format: 'date-time' })),
  shortSentence: Type.Boolean(),
  weekendCoverPlanRequired: Type.Boolean(),
  risk: RiskView,
  pathways: Type.Array(PathwayView),
  shortNoticeChecklist: Nullable(
    Type.Array(
      Type.Object({
        item: Type.String(),
        label: Type.String(),
        status: Type.Union([Type.Literal('done'), Type.Literal('missing'), Type.Literal('not-needed')]),
      }),
    ),
  ),
  outcome: Nullable(
    Type.Object({
      status: Type.Union([Type.Literal('awaiting-re-check'), Type.Literal('complete'), Type.Literal('incomplete')]),
      reasons: Type.Array(Type.String()),
    }),
  ),
  alarm: Nullable(Type.Literal('missed-first-appointment', { description: 'until a later appointment is attended' })),
  timeline: Type.Array(
    Type.Object({
      at: Type.String({ format: 'date-time' }),
      eventType: Type.String(),
      source: Type.String(),
      correlationId: Type.String(),
      summary: Type.String(),
    }),
  ),
});

export const UpcomingRelease = Type.Object({
  ...releaseFields,
  riskScore: Type.Number({ description: 'gaps ÷ (calendar days to release + 1); higher first' }),
  atRisk: Type.Boolean(),
  pathways: Type.Array(PathwayView),
});

export const UpcomingQuery = Type.Object(
  {
    prison: Type.Optional(PrisonCode),
    from: Type.Optional(IsoDate),
    to: Type.Optional(IsoDate),
    page: Type.Integer({ minimum: 1, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
  },
  { additionalProperties: false },
);

export const OutcomesQuery = Type.Object(
  { prison: Type.Optional(PrisonCode), month: Type.Optional(Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$' })) },
  { additionalProperties: false },
);

export const Outcome = Type.Object({
  prisonCode: Type.String(),
  month: Type.String({ description: 'YYYY-MM of the day she left (London)' }),
  releases: ShownCount,
  releasedComplete: ShownCount,
  /** Releases whose outcome still waits for an owner to judge the gate passing (counted as neither). */
  awaitingReCheck: ShownCount,
  share: Type.Union([Type.Number(), Type.Null()], {
    description:
      'releasedComplete ÷ (releases − awaitingReCheck), 0 to 1; null where a count behind it is not published',
  }),
});

export const ReleaseIdParams = Type.Object({ releaseId: Type.String({ format: 'uuid' }) });
export const PersonParams = Type.Object({ personId: PersonId });

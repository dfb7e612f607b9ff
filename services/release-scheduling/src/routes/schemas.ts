import { type Static, Type } from '@sinclair/typebox';

export const PersonId = Type.String({ pattern: '^[A-Z][0-9]{4}[A-Z]{2}$', description: 'prison number, e.g. A1234BC' });
export const IsoDate = Type.String({ format: 'date', description: 'calendar date in Europe/London (YYYY-MM-DD)' });
export const LocalTime = Type.String({
  pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$',
  description: 'HH:mm, Europe/London',
});
export const PrisonCode = Type.String({ pattern: '^[A-Z]{3}$' });
export const ReleaseId = Type.String({ format: 'uuid' });

export const Eligibility = Type.Object(
  {
    homeDetentionCurfew: Type.Boolean(),
    indeterminateSentence: Type.Boolean(),
    paroleBoardRelease: Type.Boolean(),
    daysServedSinceSentence: Type.Integer({ minimum: 0 }),
  },
  { additionalProperties: false, description: 'who the Day of Release from Detention Act move applies to' },
);

export const Approval = Type.Object(
  { reason: Type.String({ minLength: 3, maxLength: 500 }) },
  { additionalProperties: false, description: 'needs the release-supervisor role; the reason is recorded' },
);

const ReleaseRequestFields = {
  legalReleaseDate: IsoDate,
  gateTime: LocalTime,
  releaseFrom: Type.Union([Type.Literal('PRISON'), Type.Literal('COURT'), Type.Literal('VIDEO_LINK')], {
    default: 'PRISON',
  }),
  eligibility: Eligibility,
  secondDayApproval: Type.Optional(Approval),
  sentenceLengthDays: Type.Integer({ minimum: 1, maximum: 36_500 }),
};

export const ScheduleRequest = Type.Object(
  {
    personId: PersonId,
    prisonCode: PrisonCode,
    probationRegion: Type.String({ minLength: 2, maxLength: 60 }),
    ...ReleaseRequestFields,
  },
  { additionalProperties: false },
);
export type ScheduleRequest = Static<typeof ScheduleRequest>;

export const CheckRequest = Type.Object(
  { prisonCode: PrisonCode, ...ReleaseRequestFields },
  { additionalProperties: false },
);
export type CheckRequest = Static<typeof CheckRequest>;

export const RescheduleRequest = Type.Object(
  {
    legalReleaseDate: Type.Optional(IsoDate),
    gateTime: Type.Optional(LocalTime),
    secondDayApproval: Type.Optional(Approval),
    reason: Type.String({ minLength: 3, maxLength: 500 }),
  },
  { additionalProperties: false },
);
export type RescheduleRequest = Static<typeof RescheduleRequest>;

export const ReasonRequest = Type.Object(
  { reason: Type.String({ minLength: 3, maxLength: 500 }) },
  { additionalProperties: false },
);
export const OccurredRequest = Type.Object(
  { gatePassedAt: Type.String({ format: 'date-time' }) },
  { additionalProperties: false },
);

export const RuleApplied = Type.Object({ rule: Type.String(), from: IsoDate, to: IsoDate, explanation: Type.String() });

export const Release = Type.Object({
  id: ReleaseId,
  personId: PersonId,
  prisonCode: PrisonCode,
  probationRegion: Type.String(),
  status: Type.String(),
  legalReleaseDate: IsoDate,
  releaseDate: IsoDate,
  gateTime: LocalTime,
  gateAt: Type.String({ format: 'date-time' }),
  releaseFrom: Type.String(),
  rulesApplied: Type.Array(RuleApplied),
  weekendCoverPlanRequired: Type.Boolean(),
  shortNotice: Type.Boolean(),
  shortNoticeReason: Type.Union([Type.String(), Type.Null()]),
  shortSentence: Type.Boolean(),
  revision: Type.Integer(),
  warnings: Type.Optional(
    Type.Array(Type.Object({ rule: Type.String(), message: Type.String() }), {
      description: 'rules an ordered (court, video-link) or same-day release broke but cannot be refused for',
    }),
  ),
});

export const Refusal = Type.Object({
  type: Type.String(),
  title: Type.String(),
  status: Type.Literal(422),
  rule: Type.String(),
  detail: Type.String(),
  asked: Type.Object({ date: IsoDate, time: Type.Union([LocalTime, Type.Null()]) }),
  nearestAllowed: Type.Union([Type.Object({ date: IsoDate, time: LocalTime }), Type.Null()]),
});

export const IdParams = Type.Object({ id: ReleaseId });

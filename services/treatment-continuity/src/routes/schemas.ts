import { KEY_WORKER_GENDERS, TREATMENT_KINDS, WEBHOOK_FAILURES, WITHDRAWAL_REASONS } from '@resettle/contracts';
import { ConflictProblem } from '@resettle/platform';
import { type Static, Type } from '@sinclair/typebox';
import { DELIVERY_STATUSES } from '../db/schema.js';
import { HANDOFF_STATUSES } from '../domain/index.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
export const PersonId = Type.String({ pattern: '^[A-Z][0-9]{4}[A-Z]{2}$', description: 'prison number, e.g. A1234BC' });
export const Uuid = Type.String({ format: 'uuid' });
const Instant = Type.String({ format: 'date-time', description: 'ISO 8601 with offset' });
const IsoDate = Type.String({ format: 'date' });
const LocalTime = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' });
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength });

export const Appointment = Type.Object({ at: Instant, place: Text(200) }, { additionalProperties: false });
const TreatmentKind = Type.Union(TREATMENT_KINDS.map((kind) => Type.Literal(kind)));
const KeyWorker = Type.Object(
  { name: Text(120), gender: Type.Union(KEY_WORKER_GENDERS.map((gender) => Type.Literal(gender))) },
  { additionalProperties: false },
);
export const HandoffStatus = Type.Union(HANDOFF_STATUSES.map((status) => Type.Literal(status)));

const handoffDetail = {
  consentToShare: Type.Boolean({ description: 'without it nothing leaves the prison' }),
  treatment: Type.Object(
    {
      kind: TreatmentKind,
      dose: Nullable(Text(100)),
      lastDoseInCustodyAt: Nullable(Instant),
      nextInjectionDue: Nullable(IsoDate),
    },
    { additionalProperties: false },
  ),
  naloxoneSupplied: Type.Boolean(),
  bridgingPrescription: Nullable(
    Type.Object(
      { lastDayCovered: IsoDate },
      {
        additionalProperties: false,
        description: 'the last day the prescription covers; for daily OST every day to her first community dose',
      },
    ),
  ),
  weekendCoverPlan: Nullable(
    Type.Object(
      { prescriptionCoversUntil: IsoDate, outOfHoursContact: Type.Boolean() },
      { additionalProperties: false },
    ),
  ),
  providerId: Type.String({ pattern: '^[a-z0-9-]{2,60}$' }),
  providerArea: Type.Object(
    { localAuthority: Text(100), postcodeDistrict: Type.String({ pattern: '^[A-Za-z]{1,2}[0-9][0-9A-Za-z]?$' }) },
    { additionalProperties: false },
  ),
  firstAppointment: Nullable(Appointment),
  expectedArrivalAt: Type.Optional(Nullable(Instant)),
  preferences: Type.Object(
    {
      femaleKeyWorker: Type.Boolean(),
      womenOnlyService: Type.Boolean(),
      childcareConstraints: Type.Array(
        Type.Object(
          { dayOfWeek: Type.Integer({ minimum: 1, maximum: 7 }), from: LocalTime, to: LocalTime },
          { additionalProperties: false },
        ),
        { maxItems: 20 },
      ),
    },
    { additionalProperties: false },
  ),
  referrals: Type.Object(
    { mentalHealth: Type.Boolean(), domesticAbuse: Type.Boolean() },
    { additionalProperties: false },
  ),
};

export const BookingRequest = Type.Object(
  { personId: PersonId, releaseId: Uuid, ...handoffDetail },
  { additionalProperties: false },
);
export type BookingRequest = Static<typeof BookingRequest>;

export const AcceptRequest = Type.Object(
  {
    keyWorker: KeyWorker,
    appointmentConfirmed: Type.Boolean(),
    firstAppointment: Type.Optional(Appointment),
    releaseRevision: Type.Optional(
      Type.Integer({
        minimum: 0,
        description:
          'the revision of the release you confirm for (`release.revision` of the handoff): a newer one than this ' +
          'service knows answers 409 with Retry-After (the move is on its way), an older one 409 (it moved again)',
      }),
    ),
  },
  { additionalProperties: false },
);
export type AcceptRequest = Static<typeof AcceptRequest>;

export const DeclineRequest = Type.Object({ reason: Text(500) }, { additionalProperties: false });
export const WithdrawRequest = Type.Object(
  {
    reason: Type.String({ minLength: 3, maxLength: 500, description: 'why, in your words: kept for the record here' }),
    reasonCategory: Type.Union(
      WITHDRAWAL_REASONS.map((category) => Type.Literal(category)),
      { description: 'why, as the provider is told it (your words are never sent to the provider)' },
    ),
  },
  { additionalProperties: false },
);
export const ReleaseParams = Type.Object({ releaseId: Uuid });

/** 409: the state forbids it; names the live handoff when a second booking is refused. */
export const HandoffConflict = Type.Object({
  ...ConflictProblem.properties,
  liveHandoffId: Type.Optional(Uuid),
});
export const AppointmentRequest = Type.Object({ firstAppointment: Appointment }, { additionalProperties: false });
export const ProviderAppointmentRequest = Type.Object(
  {
    firstAppointment: Type.Optional({
      ...Appointment,
      description: 'the new first appointment; omit to confirm the one the handoff has',
    }),
    releaseRevision: AcceptRequest.properties.releaseRevision,
  },
  { additionalProperties: false },
);
export const IdParams = Type.Object({ id: Uuid });
export const Page = {
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
};
export const ProviderParams = Type.Object({ providerId: Type.String({ pattern: '^[a-z0-9-]{2,60}$' }) });

export const ProviderRegistration = Type.Object(
  {
    name: Text(120),
    webhookUrl: Nullable(
      Type.String({
        format: 'uri',
        maxLength: 2000,
        description: 'https, to a public address (plain http only to this machine, in development)',
      }),
    ),
    webhookSecret: Type.Optional(
      Type.String({ minLength: 32, maxLength: 200, description: 'omit to have one generated' }),
    ),
  },
  { additionalProperties: false },
);

export const RegisteredProvider = Type.Object({
  providerId: Type.String(),
  name: Type.String(),
  webhookUrl: Nullable(Type.String()),
  webhookSecret: Nullable(
    Type.String({
      description:
        'the signing secret, only when this request generated it (a new webhook): shown once, never again; ' +
        'null when one given or already held is kept',
    }),
  ),
});

export const RotatedSecret = Type.Object({
  providerId: Type.String(),
  webhookSecret: Type.String({ description: 'the new signing secret (whsec_…), shown only in this answer' }),
});

/** What prison healthcare sees: the status and the provider's answer. */
export const HandoffStatusView = Type.Object({
  id: Uuid,
  personId: PersonId,
  releaseId: Uuid,
  providerId: Type.String(),
  status: HandoffStatus,
  statusReason: Nullable(Type.String()),
  firstAppointment: Nullable(Appointment),
  keyWorker: Nullable(KeyWorker),
  declineReason: Nullable(Type.String()),
  revision: Type.Integer(),
});

/** What the provider it is addressed to sees: the clinical detail it needs to take over her care. */
export const ProviderHandoffView = Type.Object({
  ...HandoffStatusView.properties,
  release: Type.Optional(
    Type.Object(
      {
        releaseDate: IsoDate,
        gateAt: Instant,
        revision: Type.Integer(),
        status: Type.Union([Type.Literal('scheduled'), Type.Literal('cancelled'), Type.Literal('released')]),
        gatePassedAt: Nullable(Instant),
      },
      { description: 'as known here' },
    ),
  ),
  treatment: handoffDetail.treatment,
  naloxoneSupplied: Type.Boolean(),
  bridgingPrescription: handoffDetail.bridgingPrescription,
  weekendCoverPlan: handoffDetail.weekendCoverPlan,
  preferences: handoffDetail.preferences,
  referrals: handoffDetail.referrals,
  alarm: Nullable(
    Type.Object(
      { kind: Type.Literal('missed-first-appointment'), appointmentAt: Instant, recordedAt: Instant },
      { description: 'raised when she missed her first appointment; stays until an appointment is attended' },
    ),
  ),
});

export const ProviderInbox = Type.Object({
  items: Type.Array(ProviderHandoffView),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  total: Type.Integer(),
});

export const InboxQuery = Type.Object(
  { status: Type.Optional(HandoffStatus), ...Page },
  { additionalProperties: false },
);

const Attempt = Type.Object({
  id: Type.Integer(),
  deliveryId: Uuid,
  attempt: Type.Integer(),
  at: Instant,
  statusCode: Nullable(Type.Integer()),
  /** Why it did not count; null when delivered, and for attempts logged before the kinds were kept. */
  failure: Nullable(Type.Union(WEBHOOK_FAILURES.map((failure) => Type.Literal(failure)))),
  error: Nullable(Type.String()),
});

export const WebhookDelivery = Type.Object({
  id: Uuid,
  providerId: Type.String(),
  eventId: Uuid,
  eventType: Type.String(),
  /** The woman the message is about. */
  personId: PersonId,
  status: Type.Union(DELIVERY_STATUSES.map((status) => Type.Literal(status))),
  attempts: Type.Integer(),
  nextAttemptAt: Instant,
  deliveredAt: Nullable(Instant),
  failedAt: Nullable(
    Type.String({ format: 'date-time', description: 'when it failed for good (attempts or age ran out)' }),
  ),
  createdAt: Instant,
  waitingBehind: Nullable(
    Type.String({
      format: 'uuid',
      description:
        'a pending message waits behind this earlier one about the same woman until it is delivered or fails',
    }),
  ),
  log: Type.Array(Attempt),
});

export const Replayed = Type.Object({ id: Uuid, status: Type.Literal('pending') });

import { type Static, Type } from '@sinclair/typebox';
import { Instant, IsoDate, LocalTime, Nullable, strict, Uuid } from '../primitives.js';

/** What she takes in custody, as the provider must know it to continue it. */
export const TREATMENT_KINDS = [
  'none',
  'methadone',
  'buprenorphine',
  'long-acting-injectable-buprenorphine',
  'other',
] as const;
export type TreatmentKind = (typeof TREATMENT_KINDS)[number];

export const KEY_WORKER_GENDERS = ['female', 'male', 'other'] as const;

const Area = Type.Object({ localAuthority: Type.String(), postcodeDistrict: Type.String() }, strict);
const Appointment = Type.Object({ at: Instant, place: Type.String({ minLength: 1 }) }, strict);
const Referrals = Type.Object({ mentalHealth: Type.Boolean(), domesticAbuse: Type.Boolean() }, strict);

const handoffStatusFacts = {
  handoffId: Uuid,
  releaseId: Uuid,
  providerId: Type.String({ minLength: 1 }),
  providerArea: Area,
};

export const HandoffBookedV1 = Type.Object(
  {
    ...handoffStatusFacts,
    consentToShare: Type.Boolean(),
    dailyOst: Type.Boolean(),
    injectable: Type.Boolean(),
    naloxoneSupplied: Type.Boolean(),
    bridgingPrescription: Type.Boolean(),
    weekendCoverPlan: Nullable(
      Type.Object({ prescriptionCoversUntil: IsoDate, outOfHoursContact: Type.Boolean() }, strict),
    ),
    firstAppointment: Nullable(Appointment),
    femaleKeyWorkerRequested: Type.Boolean(),
    referrals: Referrals,
  },
  strict,
);

/** The one event carrying clinical detail, on the provider topic only, for the provider it is addressed to. */
export const HandoffSentV1 = Type.Object(
  {
    ...handoffStatusFacts,
    releaseDate: IsoDate,
    gateAt: Instant,
    treatment: Type.Object(
      {
        kind: Type.Union(TREATMENT_KINDS.map((kind) => Type.Literal(kind))),
        dose: Nullable(Type.String()),
        lastDoseInCustodyAt: Nullable(Instant),
        nextInjectionDue: Nullable(IsoDate),
      },
      strict,
    ),
    naloxoneSupplied: Type.Boolean(),
    bridgingPrescription: Type.Boolean(),
    firstAppointment: Nullable(Appointment),
    preferences: Type.Object(
      {
        femaleKeyWorker: Type.Boolean(),
        womenOnlyService: Type.Boolean(),
        childcareConstraints: Type.Array(
          Type.Object({ dayOfWeek: Type.Integer({ minimum: 1, maximum: 7 }), from: LocalTime, to: LocalTime }, strict),
        ),
      },
      strict,
    ),
    referrals: Referrals,
  },
  strict,
);

export const HandoffAcceptedV1 = Type.Object(
  {
    ...handoffStatusFacts,
    keyWorker: Type.Object(
      {
        name: Type.String(),
        gender: Type.Union(KEY_WORKER_GENDERS.map((gender) => Type.Literal(gender))),
      },
      strict,
    ),
    firstAppointment: Appointment,
  },
  strict,
);
export const HandoffDeclinedV1 = Type.Object({ ...handoffStatusFacts, reason: Type.String({ minLength: 1 }) }, strict);
export const HandoffNeedsReconfirmationV1 = Type.Object(
  {
    ...handoffStatusFacts,
    reason: Type.String({ minLength: 1 }),
    releaseDate: Nullable(IsoDate),
    gateAt: Nullable(Instant),
  },
  strict,
);
export const HandoffAppointmentChangedV1 = Type.Object(
  { ...handoffStatusFacts, firstAppointment: Appointment, previous: Nullable(Appointment) },
  strict,
);

/**
 * Where and when her treatment starts and nothing clinical: what accommodation (the provider's area) and transport
 * (the first appointment's time) need, on its own topic so neither receives the status events' clinical flags.
 */
export const HandoffLogisticsV1 = Type.Object(
  { handoffId: Uuid, releaseId: Uuid, providerArea: Area, firstAppointmentAt: Nullable(Instant) },
  strict,
);

export type HandoffBooked = Static<typeof HandoffBookedV1>;
export type HandoffSent = Static<typeof HandoffSentV1>;
export type HandoffAccepted = Static<typeof HandoffAcceptedV1>;
export type HandoffDeclined = Static<typeof HandoffDeclinedV1>;
export type HandoffNeedsReconfirmation = Static<typeof HandoffNeedsReconfirmationV1>;
export type HandoffAppointmentChanged = Static<typeof HandoffAppointmentChangedV1>;
/** v2 names the handoff's revision, which transport stamps on its verdict (it judges against the first appointment). */
export const HandoffLogisticsV2 = Type.Object(
  { ...HandoffLogisticsV1.properties, handoffRevision: Type.Integer({ minimum: 1 }) },
  strict,
);
export type HandoffLogistics = Static<typeof HandoffLogisticsV1>;

/** Prison healthcare ended a live handoff (a wrong provider, say), with a reason: the provider stops preparing for her. */
export const HandoffWithdrawnV1 = Type.Object({ ...handoffStatusFacts, reason: Type.String({ minLength: 1 }) }, strict);
export type HandoffWithdrawn = Static<typeof HandoffWithdrawnV1>;

/** What happened at the first appointment, as the provider recorded it; a moved appointment names the new time. */
export const FIRST_APPOINTMENT_OUTCOMES = ['attended', 'not-attended', 'moved'] as const;
export type FirstAppointmentOutcome = (typeof FIRST_APPOINTMENT_OUTCOMES)[number];
export const FirstAppointmentRecordedV1 = Type.Object(
  {
    handoffId: Uuid,
    releaseId: Uuid,
    outcome: Type.Union(FIRST_APPOINTMENT_OUTCOMES.map((outcome) => Type.Literal(outcome))),
    appointmentAt: Instant,
    newAppointmentAt: Nullable(Instant),
    recordedAt: Instant,
  },
  strict,
);
export type FirstAppointmentRecorded = Static<typeof FirstAppointmentRecordedV1>;

/** The date of her first community dose or first assessment, as the provider reported it (possibly late). */
export const TreatmentStartedV1 = Type.Object({ handoffId: Uuid, releaseId: Uuid, startedOn: IsoDate }, strict);
export type TreatmentStarted = Static<typeof TreatmentStartedV1>;

export const TreatmentDisengagedV1 = Type.Object(
  { handoffId: Uuid, releaseId: Uuid, reason: Type.String({ minLength: 1 }), recordedAt: Instant },
  strict,
);
export type TreatmentDisengaged = Static<typeof TreatmentDisengagedV1>;

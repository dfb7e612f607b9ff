import { type Static, Type } from '@sinclair/typebox';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);
export const PersonId = Type.String({ pattern: '^[A-Z][0-9]{4}[A-Z]{2}$', description: 'prison number, e.g. A1234BC' });
export const Uuid = Type.String({ format: 'uuid' });
const Instant = Type.String({ format: 'date-time', description: 'ISO 8601 with offset' });
const IsoDate = Type.String({ format: 'date' });
const LocalTime = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' });
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength });

export const Appointment = Type.Object({ at: Instant, place: Text(200) }, { additionalProperties: false });
const TreatmentKind = Type.Union([
  Type.Literal('none'),
  Type.Literal('methadone'),
  Type.Literal('buprenorphine'),
  Type.Literal('long-acting-injectable-buprenorphine'),
  Type.Literal('other'),
]);

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
  bridgingPrescription: Type.Boolean(),
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
    keyWorker: Type.Object(
      {
        name: Text(120),
        gender: Type.Union([Type.Literal('female'), Type.Literal('male'), Type.Literal('other')]),
      },
      { additionalProperties: false },
    ),
    appointmentConfirmed: Type.Boolean(),
    firstAppointment: Type.Optional(Appointment),
  },
  { additionalProperties: false },
);
export type AcceptRequest = Static<typeof AcceptRequest>;

export const DeclineRequest = Type.Object({ reason: Text(500) }, { additionalProperties: false });
export const AppointmentRequest = Type.Object({ firstAppointment: Appointment }, { additionalProperties: false });
export const IdParams = Type.Object({ id: Uuid });
export const Page = {
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
};

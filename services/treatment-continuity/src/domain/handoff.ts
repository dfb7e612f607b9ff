import type { TreatmentKind } from '@resettle/contracts';

export type { TreatmentKind };

export interface Treatment {
  kind: TreatmentKind;
  dose: string | null;
  /** Instant (ISO with offset). */
  lastDoseInCustodyAt: string | null;
  /** Date 'YYYY-MM-DD'; for injectables. */
  nextInjectionDue: string | null;
}

/** What a bridging prescription covers: every day up to and including `lastDayCovered` ('YYYY-MM-DD'). */
export interface BridgingPrescription {
  lastDayCovered: string;
}

export interface WeekendCoverPlan {
  prescriptionCoversUntil: string | null;
  outOfHoursContact: boolean;
}

export interface Appointment {
  /** Instant (ISO with offset). */
  at: string;
  place: string;
}

export interface ChildcareConstraint {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  dayOfWeek: number;
  /** Local 'HH:mm', Europe/London. */
  from: string;
  to: string;
}

export interface Preferences {
  femaleKeyWorker: boolean;
  womenOnlyService: boolean;
  childcareConstraints: ChildcareConstraint[];
}

export interface Handoff {
  personId: string;
  releaseId: string;
  consentToShare: boolean;
  treatment: Treatment;
  naloxoneSupplied: boolean;
  bridgingPrescription: BridgingPrescription | null;
  weekendCoverPlan: WeekendCoverPlan | null;
  provider: string;
  firstAppointment: Appointment | null;
  preferences: Preferences;
  referrals: { mentalHealth: boolean; domesticAbuse: boolean };
}

/** What this service knows of the release (copied from release-scheduling events). */
export interface ReleaseFacts {
  /** 'YYYY-MM-DD', Europe/London. */
  releaseDate: string;
  /** Instant (ISO with offset). */
  gateAt: string;
}

const DAILY: readonly TreatmentKind[] = ['methadone', 'buprenorphine'];

/** Daily opioid substitution treatment: a missed day is a missed dose. */
export function isDailyOst(kind: TreatmentKind): boolean {
  return DAILY.includes(kind);
}

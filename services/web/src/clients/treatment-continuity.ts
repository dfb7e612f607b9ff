import type { ApiCall } from './api.js';
import type { Page } from './release-scheduling.js';

export interface Appointment {
  at: string;
  place: string;
}

export interface HandoffStatus {
  id: string;
  personId: string;
  releaseId: string;
  providerId: string;
  status: string;
  statusReason: string | null;
  firstAppointment: Appointment | null;
  keyWorker: { name: string; gender: string } | null;
  declineReason: string | null;
}

export interface ProviderHandoff extends HandoffStatus {
  treatment: { kind: string; dose: string | null; lastDoseInCustodyAt: string | null; nextInjectionDue: string | null };
  naloxoneSupplied: boolean;
  bridgingPrescription: { lastDayCovered: string } | null;
  weekendCoverPlan: { prescriptionCoversUntil: string; outOfHoursContact: boolean } | null;
  preferences: {
    femaleKeyWorker: boolean;
    womenOnlyService: boolean;
    childcareConstraints: { dayOfWeek: number; from: string; to: string }[];
  };
  referrals: { mentalHealth: boolean; domesticAbuse: boolean };
}

export type Booking = Omit<ProviderHandoff, 'id' | 'status' | 'statusReason' | 'keyWorker' | 'declineReason'> & {
  consentToShare: boolean;
  providerArea: { localAuthority: string; postcodeDistrict: string };
  expectedArrivalAt: string | null;
};

/** The provider's acceptance: who will see her, and the first appointment confirmed or moved. */
export interface Acceptance {
  keyWorker: { name: string; gender: string };
  appointmentConfirmed: boolean;
  firstAppointment?: Appointment;
}

/** What the provider records of the first appointment after her release. */
export interface OutcomeRecord {
  outcome: 'attended' | 'not-attended' | 'moved';
  newAppointmentAt?: string;
}

/** treatment-continuity: healthcare books handoffs; providers answer them. */
export function treatmentContinuity(call: ApiCall, token: string) {
  const id = (value: string) => encodeURIComponent(value);
  return {
    book: (body: Booking) => call<HandoffStatus>(token, 'POST', '/api/handoffs', body),
    get: (handoffId: string) => call<HandoffStatus>(token, 'GET', `/api/handoffs/${id(handoffId)}`),
    inbox: (page = 1) => call<Page<ProviderHandoff>>(token, 'GET', `/api/provider/handoffs?page=${page}&pageSize=200`),
    addressed: (handoffId: string) => call<ProviderHandoff>(token, 'GET', `/api/provider/handoffs/${id(handoffId)}`),
    accept: (handoffId: string, body: Acceptance) =>
      call<ProviderHandoff>(token, 'POST', `/api/provider/handoffs/${id(handoffId)}/accept`, body),
    recordOutcome: (handoffId: string, body: OutcomeRecord) =>
      call<OutcomeRecord>(token, 'POST', `/api/provider/handoffs/${id(handoffId)}/outcome`, body),
    decline: (handoffId: string, reason: string) =>
      call<ProviderHandoff>(token, 'POST', `/api/provider/handoffs/${id(handoffId)}/decline`, { reason }),
  };
}

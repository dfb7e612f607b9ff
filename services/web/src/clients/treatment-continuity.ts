import type { WebhookFailure } from '@resettle/contracts';
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
  release?: { releaseDate: string; gateAt: string; revision: number; status: string; gatePassedAt: string | null };
  /** Raised when she missed her first appointment; stays until an appointment is attended. */
  alarm?: { kind: 'missed-first-appointment'; appointmentAt: string; recordedAt: string } | null;
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

/** The provider confirms the booked first appointment (nothing given) or moves it. */
export interface AppointmentConfirmation {
  firstAppointment?: Appointment;
}

/** What the provider records of the first appointment after her release. */
export interface OutcomeRecord {
  outcome: 'attended' | 'not-attended' | 'moved';
  newAppointmentAt?: string;
}

/** A message sent to a provider's own system (its webhook), and every attempt to deliver it. */
export interface WebhookDelivery {
  id: string;
  eventType: string;
  personId: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  nextAttemptAt: string;
  deliveredAt: string | null;
  failedAt: string | null;
  createdAt: string;
  /** The earlier message about the same woman this one waits behind, until that one is delivered or fails. */
  waitingBehind: string | null;
  log: {
    attempt: number;
    at: string;
    statusCode: number | null;
    /** Why it did not count; null when delivered, and for attempts logged before the kinds were kept. */
    failure: WebhookFailure | null;
    error: string | null;
  }[];
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
    confirmAppointment: (handoffId: string, body: AppointmentConfirmation) =>
      call<ProviderHandoff>(token, 'PUT', `/api/provider/handoffs/${id(handoffId)}/appointment`, body),
    changeAppointment: (handoffId: string, firstAppointment: Appointment) =>
      call<HandoffStatus>(token, 'PUT', `/api/handoffs/${id(handoffId)}/appointment`, { firstAppointment }),
    treatmentStarted: (handoffId: string, startedOn: string) =>
      call<unknown>(token, 'POST', `/api/provider/handoffs/${id(handoffId)}/treatment-started`, { startedOn }),
    disengaged: (handoffId: string, reason: string) =>
      call<unknown>(token, 'POST', `/api/provider/handoffs/${id(handoffId)}/disengaged`, { reason }),
    decline: (handoffId: string, reason: string) =>
      call<ProviderHandoff>(token, 'POST', `/api/provider/handoffs/${id(handoffId)}/decline`, { reason }),
    webhookDeliveries: () => call<WebhookDelivery[]>(token, 'GET', '/api/provider/webhook-deliveries'),
    sendAgain: (deliveryId: string) =>
      call<{ id: string }>(token, 'POST', `/api/provider/webhook-deliveries/${id(deliveryId)}/replay`),
  };
}

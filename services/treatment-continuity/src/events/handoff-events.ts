import { createEvent, type EventEnvelope } from '@resettle/contracts';
import type { HandoffRow, ReleaseRow } from '../db/handoffs.js';
import { isDailyOst, type Treatment } from '../domain/index.js';

const SOURCE = 'treatment-continuity';

export interface Cause {
  correlationId: string;
  causationId?: string | null;
}

type Appointment = { at: string; place: string };
type Area = { localAuthority: string; postcodeDistrict: string };

function statusFacts(handoff: HandoffRow) {
  return {
    handoffId: handoff.id,
    releaseId: handoff.releaseId,
    providerId: handoff.providerId,
    providerArea: handoff.providerArea as Area,
  };
}

export function base(handoff: HandoffRow, cause: Cause) {
  return { personId: handoff.personId, source: SOURCE, ...cause };
}

/** Status-level, for the passport: yes/no flags, never the treatment itself. */
export function handoffBooked(handoff: HandoffRow, cause: Cause): EventEnvelope {
  const treatment = handoff.treatment as Treatment;
  return createEvent({
    type: 'treatment.handoff.booked',
    ...base(handoff, cause),
    data: {
      ...statusFacts(handoff),
      consentToShare: handoff.consentToShare,
      dailyOst: isDailyOst(treatment.kind),
      injectable: treatment.kind === 'long-acting-injectable-buprenorphine',
      naloxoneSupplied: handoff.naloxoneSupplied,
      bridgingPrescription: handoff.bridgingPrescription,
      weekendCoverPlan: handoff.weekendCoverPlan as {
        prescriptionCoversUntil: string;
        outOfHoursContact: boolean;
      } | null,
      firstAppointment: handoff.firstAppointment as Appointment | null,
      femaleKeyWorkerRequested: (handoff.preferences as { femaleKeyWorker: boolean }).femaleKeyWorker,
      referrals: handoff.referrals as { mentalHealth: boolean; domesticAbuse: boolean },
    },
  });
}

/** The one event with clinical detail, for the provider it is addressed to. */
export function handoffSent(handoff: HandoffRow, release: ReleaseRow, cause: Cause): EventEnvelope {
  return createEvent({
    type: 'treatment.handoff.sent',
    ...base(handoff, cause),
    data: {
      ...statusFacts(handoff),
      releaseDate: release.releaseDate,
      gateAt: release.gateAt.toISOString(),
      treatment: handoff.treatment as Treatment,
      naloxoneSupplied: handoff.naloxoneSupplied,
      bridgingPrescription: handoff.bridgingPrescription,
      firstAppointment: handoff.firstAppointment as Appointment | null,
      preferences: handoff.preferences as never,
      referrals: handoff.referrals as { mentalHealth: boolean; domesticAbuse: boolean },
    },
  });
}

export function handoffAccepted(handoff: HandoffRow, cause: Cause): EventEnvelope {
  return createEvent({
    type: 'treatment.handoff.accepted',
    ...base(handoff, cause),
    data: {
      ...statusFacts(handoff),
      keyWorker: handoff.keyWorker as { name: string; gender: 'female' | 'male' | 'other' },
      firstAppointment: handoff.firstAppointment as Appointment,
    },
  });
}

export function handoffDeclined(handoff: HandoffRow, cause: Cause): EventEnvelope {
  return createEvent({
    type: 'treatment.handoff.declined',
    ...base(handoff, cause),
    data: { ...statusFacts(handoff), reason: handoff.declineReason ?? 'declined' },
  });
}

export function handoffNeedsReconfirmation(
  handoff: HandoffRow,
  release: ReleaseRow | null,
  reason: string,
  cause: Cause,
) {
  return createEvent({
    type: 'treatment.handoff.needs-reconfirmation',
    ...base(handoff, cause),
    data: {
      ...statusFacts(handoff),
      reason,
      releaseDate: release?.releaseDate ?? null,
      gateAt: release?.gateAt.toISOString() ?? null,
    },
  });
}

export function appointmentChanged(handoff: HandoffRow, previous: Appointment | null, cause: Cause): EventEnvelope {
  return createEvent({
    type: 'treatment.handoff.appointment-changed',
    ...base(handoff, cause),
    data: { ...statusFacts(handoff), firstAppointment: handoff.firstAppointment as Appointment, previous },
  });
}

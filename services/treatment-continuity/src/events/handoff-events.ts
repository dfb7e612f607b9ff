import type { EventDraft, HandoffAccepted } from '@resettle/contracts';
import type { HandoffRow } from '../db/handoffs.js';
import type { ReleaseRow } from '../db/releases.js';
import { isDailyOst } from '../domain/index.js';

type Appointment = HandoffAccepted['firstAppointment'];

function statusFacts(handoff: HandoffRow) {
  return {
    handoffId: handoff.id,
    releaseId: handoff.releaseId,
    providerId: handoff.providerId,
    providerArea: handoff.providerArea,
  };
}

/** Status-level, for the passport: yes/no flags, never the treatment itself. */
export function handoffBooked(handoff: HandoffRow): EventDraft<'treatment.handoff.booked'> {
  return {
    type: 'treatment.handoff.booked',
    personId: handoff.personId,
    data: {
      ...statusFacts(handoff),
      consentToShare: handoff.consentToShare,
      dailyOst: isDailyOst(handoff.treatment.kind),
      injectable: handoff.treatment.kind === 'long-acting-injectable-buprenorphine',
      naloxoneSupplied: handoff.naloxoneSupplied,
      // v1 carries a yes/no for the passport's display; what it covers is judged here (treatment.pathway-judged).
      bridgingPrescription: handoff.bridgingLastDayCovered !== null,
      weekendCoverPlan: handoff.weekendCoverPlan,
      firstAppointment: handoff.firstAppointment,
      femaleKeyWorkerRequested: handoff.preferences.femaleKeyWorker,
      referrals: handoff.referrals,
    },
  };
}

export function handoffAccepted(
  handoff: HandoffRow,
  answer: Pick<HandoffAccepted, 'keyWorker' | 'firstAppointment'>,
): EventDraft<'treatment.handoff.accepted'> {
  return {
    type: 'treatment.handoff.accepted',
    personId: handoff.personId,
    data: { ...statusFacts(handoff), keyWorker: answer.keyWorker, firstAppointment: answer.firstAppointment },
  };
}

export function handoffDeclined(handoff: HandoffRow, reason: string): EventDraft<'treatment.handoff.declined'> {
  return { type: 'treatment.handoff.declined', personId: handoff.personId, data: { ...statusFacts(handoff), reason } };
}

export function handoffNeedsReconfirmation(
  handoff: HandoffRow,
  release: ReleaseRow | null,
  reason: string,
): EventDraft<'treatment.handoff.needs-reconfirmation'> {
  return {
    type: 'treatment.handoff.needs-reconfirmation',
    personId: handoff.personId,
    data: {
      ...statusFacts(handoff),
      reason,
      releaseDate: release?.releaseDate ?? null,
      gateAt: release?.gateAt.toISOString() ?? null,
    },
  };
}

export function appointmentChanged(
  handoff: HandoffRow,
  firstAppointment: Appointment,
  previous: Appointment | null,
): EventDraft<'treatment.handoff.appointment-changed'> {
  return {
    type: 'treatment.handoff.appointment-changed',
    personId: handoff.personId,
    data: { ...statusFacts(handoff), firstAppointment, previous },
  };
}

export function handoffWithdrawn(handoff: HandoffRow, reason: string): EventDraft<'treatment.handoff.withdrawn'> {
  return { type: 'treatment.handoff.withdrawn', personId: handoff.personId, data: { ...statusFacts(handoff), reason } };
}

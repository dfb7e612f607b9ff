import type { HandoffBooked, KnownEvent } from '@resettle/contracts';
import { londonDateOf, londonTimeOf, longDate } from './dates.js';
import type { Folded } from './fold-release.js';
import type { HandoffFacts } from './passport.js';

/** Folds treatment-continuity's status events. Booking again (a rebook) starts the provider's answer afresh. */
export function foldTreatment(current: HandoffFacts | null, event: KnownEvent): Folded<HandoffFacts> | null {
  switch (event.type) {
    case 'treatment.handoff.booked':
      return {
        facts: booked(event.data),
        summary: event.data.consentToShare
          ? 'Handoff booked with a community treatment provider'
          : 'Handoff recorded without consent to share: nothing goes to the provider',
      };
    case 'treatment.handoff.accepted': {
      const base = current ?? unknownHandoff(event.data.handoffId, event.data.providerId);
      return {
        facts: {
          ...base,
          status: 'accepted',
          firstAppointmentAt: event.data.firstAppointment.at,
          keyWorkerFemale: event.data.keyWorker.gender === 'female',
          acceptedAt: event.occurredAt,
          confirmedForGateAt: base.reconfirmFor?.gateAt ?? null,
          reconfirmFor: null,
          declinedReason: null,
        },
        summary: `Provider accepted the handoff and named a key worker; first appointment ${when(event.data.firstAppointment.at)}`,
      };
    }
    case 'treatment.handoff.declined': {
      const base = current ?? unknownHandoff(event.data.handoffId, event.data.providerId);
      return {
        facts: { ...base, status: 'declined', declinedReason: event.data.reason, reconfirmFor: null },
        summary: `Provider declined the handoff: ${event.data.reason}`,
      };
    }
    case 'treatment.handoff.needs-reconfirmation': {
      const base = current ?? unknownHandoff(event.data.handoffId, event.data.providerId);
      const { releaseDate, gateAt, reason } = event.data;
      return {
        facts: { ...base, status: 'needs-reconfirmation', reconfirmFor: { releaseDate, gateAt, reason } },
        summary: `Provider asked to re-confirm the handoff: ${reason}`,
      };
    }
    case 'treatment.handoff.appointment-changed': {
      const base = current ?? unknownHandoff(event.data.handoffId, event.data.providerId);
      return {
        facts: { ...base, firstAppointmentAt: event.data.firstAppointment.at },
        summary: `First appointment changed to ${when(event.data.firstAppointment.at)}`,
      };
    }
    default:
      return null;
  }
}

function when(at: string): string {
  return `${longDate(londonDateOf(at))} at ${londonTimeOf(at)}`;
}

function booked(data: HandoffBooked): HandoffFacts {
  return {
    handoffId: data.handoffId,
    providerId: data.providerId,
    status: data.consentToShare ? 'booked' : 'blocked-no-consent',
    dailyOst: data.dailyOst,
    naloxoneSupplied: data.naloxoneSupplied,
    bridgingPrescription: data.bridgingPrescription,
    weekendCoverPlan: data.weekendCoverPlan,
    firstAppointmentAt: data.firstAppointment?.at ?? null,
    femaleKeyWorkerRequested: data.femaleKeyWorkerRequested,
    keyWorkerFemale: null,
    referrals: data.referrals,
    acceptedAt: null,
    confirmedForGateAt: null,
    reconfirmFor: null,
    declinedReason: null,
  };
}

/** A provider's answer that arrived before the booking (topics are not ordered with each other). */
function unknownHandoff(handoffId: string, providerId: string): HandoffFacts {
  return {
    handoffId,
    providerId,
    status: 'booked',
    dailyOst: false,
    naloxoneSupplied: false,
    bridgingPrescription: false,
    weekendCoverPlan: null,
    firstAppointmentAt: null,
    femaleKeyWorkerRequested: false,
    keyWorkerFemale: null,
    referrals: { mentalHealth: false, domesticAbuse: false },
    acceptedAt: null,
    confirmedForGateAt: null,
    reconfirmFor: null,
    declinedReason: null,
  };
}

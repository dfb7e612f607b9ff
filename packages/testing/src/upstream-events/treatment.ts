import { randomUUID } from 'node:crypto';
import { upstreamEvent } from './event.js';

export interface BookedHandoff {
  /** Where her community treatment provider is (default Bristol). */
  localAuthority?: string;
  /** Her first community appointment, or null (the default) when none is booked yet. */
  appointmentAt?: string | null;
}

export function handoffBooked(personId: string, releaseId: string, booked: BookedHandoff = {}) {
  const { localAuthority = 'Bristol', appointmentAt = null } = booked;
  return upstreamEvent('treatment.handoff.booked', personId, {
    ...handoff(releaseId, localAuthority),
    consentToShare: true,
    dailyOst: true,
    injectable: false,
    naloxoneSupplied: true,
    bridgingPrescription: false,
    weekendCoverPlan: null,
    firstAppointment: appointmentAt ? firstAppointmentAt(appointmentAt) : null,
    femaleKeyWorkerRequested: false,
    referrals: { mentalHealth: false, domesticAbuse: false },
  });
}

export function appointmentChanged(personId: string, releaseId: string, appointmentAt: string) {
  return upstreamEvent('treatment.handoff.appointment-changed', personId, {
    ...handoff(releaseId, 'Bristol'),
    firstAppointment: firstAppointmentAt(appointmentAt),
    previous: null,
  });
}

function handoff(releaseId: string, localAuthority: string) {
  const providerArea = { localAuthority, postcodeDistrict: 'BS1' };
  return { handoffId: randomUUID(), releaseId, providerId: 'provider-1', providerArea };
}

function firstAppointmentAt(at: string) {
  return { at, place: 'Community drug service' };
}

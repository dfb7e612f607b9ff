import { randomUUID } from 'node:crypto';
import { upstreamEvent } from './event.js';

export interface TreatmentLogistics {
  /** Where her community treatment provider is (default Bristol). */
  localAuthority?: string;
  /** Her first community appointment, or null (the default) when none is booked yet. */
  appointmentAt?: string | null;
}

/** What treatment-continuity tells accommodation and transport when a handoff is booked, accepted or moved. */
export function handoffLogistics(personId: string, releaseId: string, logistics: TreatmentLogistics = {}) {
  const { localAuthority = 'Bristol', appointmentAt = null } = logistics;
  return upstreamEvent('treatment.handoff.logistics', personId, {
    handoffId: randomUUID(),
    releaseId,
    providerArea: { localAuthority, postcodeDistrict: 'BS1' },
    firstAppointmentAt: appointmentAt,
  });
}

// Request bodies for the public APIs, shared by the e2e journeys and the demo (pure: no test framework).
import { eligible, PRISON, PROVIDER, plusMinutes, REGION } from './people.js';

/** Her journey from the gate, as the handoff and the travel plan below expect it: she arrives this long after it. */
export const ARRIVAL_AFTER_GATE_MINUTES = 150;

export interface ReleaseFacts {
  id: string;
  personId: string;
  releaseDate: string;
  gateAt: string;
}

export function scheduleBody(personId: string, asked: Record<string, unknown>) {
  return {
    personId,
    prisonCode: PRISON,
    probationRegion: REGION,
    gateTime: '09:30',
    releaseFrom: 'PRISON',
    eligibility: eligible,
    sentenceLengthDays: 180,
    ...asked,
  };
}

/** The first appointment: 13:00 on release day when the gate is at 09:30 (after she arrives, before the cut-off). */
export function appointmentFor(release: ReleaseFacts) {
  return { at: plusMinutes(release.gateAt, 210), place: 'Bristol Drug Project, Brunswick Square' };
}

export function handoffBody(release: ReleaseFacts, changes: Record<string, unknown> = {}) {
  return {
    personId: release.personId,
    releaseId: release.id,
    consentToShare: true,
    treatment: {
      kind: 'methadone',
      dose: '60 mg daily',
      lastDoseInCustodyAt: plusMinutes(release.gateAt, -120),
      nextInjectionDue: null,
    },
    naloxoneSupplied: true,
    bridgingPrescription: null,
    weekendCoverPlan: null,
    providerId: PROVIDER,
    providerArea: { localAuthority: 'Bristol', postcodeDistrict: 'BS1' },
    firstAppointment: appointmentFor(release),
    expectedArrivalAt: plusMinutes(release.gateAt, ARRIVAL_AFTER_GATE_MINUTES),
    preferences: { femaleKeyWorker: true, womenOnlyService: true, childcareConstraints: [] },
    referrals: { mentalHealth: false, domesticAbuse: false },
    ...changes,
  };
}

export const acceptanceBody = { keyWorker: { name: 'Sam Key', gender: 'female' }, appointmentConfirmed: true };

export function accommodationDetail(release: ReleaseFacts, postcodeDistrict = 'BS2') {
  return {
    type: 'supported-housing',
    localAuthority: 'Bristol',
    postcodeDistrict,
    confirmedFrom: release.releaseDate,
    womenOnly: true,
    confirmedBy: 'One25 housing worker',
  };
}

export function travelDetail(release: ReleaseFacts) {
  return {
    mode: 'met-at-gate',
    metBy: 'Women’s centre outreach worker',
    departureAt: plusMinutes(release.gateAt, 15),
    expectedArrivalAt: plusMinutes(release.gateAt, ARRIVAL_AFTER_GATE_MINUTES),
    destination: 'first-appointment',
    arrangedBy: 'Resettlement team',
    escorted: true,
  };
}

/** Body for POSTs, which also name the person and the release. */
export const about = (release: ReleaseFacts) => ({ personId: release.personId, releaseId: release.id });

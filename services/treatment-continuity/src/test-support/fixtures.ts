import { randomUUID } from 'node:crypto';
import { createEvent, type EventEnvelope, type ReleaseScheduled } from '@resettle/contracts';

export const GATE_AT = '2026-11-18T09:30:00.000Z';

export function releaseScheduled(
  personId: string,
  releaseId = randomUUID(),
  releaseDate = '2026-11-18',
  weekendCoverPlanRequired = false,
): EventEnvelope {
  return createEvent({
    type: 'release.scheduled',
    personId,
    source: 'release-scheduling',
    correlationId: `test-${personId}`,
    data: {
      releaseId,
      prisonCode: 'DWI',
      probationRegion: 'London',
      legalReleaseDate: releaseDate,
      releaseDate,
      gateTime: '09:30',
      gateAt: `${releaseDate}T09:30:00.000Z`,
      rulesApplied: [],
      dayOfReleaseMoveEligible: true,
      weekendCoverPlanRequired,
      shortNotice: false,
      shortNoticeReason: null,
      shortSentence: false,
    },
  });
}

export function releaseRescheduled(scheduled: EventEnvelope, releaseDate: string): EventEnvelope {
  const facts = scheduled.data as ReleaseScheduled;
  return createEvent({
    type: 'release.rescheduled',
    personId: scheduled.personId,
    source: 'release-scheduling',
    correlationId: 'test-move',
    data: {
      ...facts,
      releaseDate,
      gateAt: `${releaseDate}T09:30:00.000Z`,
      previous: { releaseDate: facts.releaseDate, gateTime: '09:30', gateAt: facts.gateAt },
      reason: 'Sentence recalculated',
    },
  });
}

export function releaseCancelled(scheduled: EventEnvelope): EventEnvelope {
  const { releaseId, prisonCode } = scheduled.data as ReleaseScheduled;
  return createEvent({
    type: 'release.cancelled',
    personId: scheduled.personId,
    source: 'release-scheduling',
    correlationId: 'test-cancel',
    data: { releaseId, prisonCode, reason: 'Remanded on a new charge' },
  });
}

export function booking(
  personId: string,
  releaseId: string,
  providerId: string,
  changes: Record<string, unknown> = {},
) {
  return {
    personId,
    releaseId,
    consentToShare: true,
    treatment: {
      kind: 'methadone',
      dose: '60 mg',
      lastDoseInCustodyAt: '2026-11-18T07:30:00Z',
      nextInjectionDue: null,
    },
    naloxoneSupplied: true,
    bridgingPrescription: false,
    weekendCoverPlan: null,
    providerId,
    providerArea: { localAuthority: 'Bristol', postcodeDistrict: 'BS1' },
    firstAppointment: { at: '2026-11-18T13:00:00Z', place: 'Community drug service' },
    expectedArrivalAt: '2026-11-18T12:00:00Z',
    preferences: { femaleKeyWorker: true, womenOnlyService: true, childcareConstraints: [] },
    referrals: { mentalHealth: false, domesticAbuse: false },
    ...changes,
  };
}

import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '@resettle/contracts';
import * as upstream from '@resettle/testing/upstream-events';

export type ReleaseScheduledEvent = ReturnType<typeof upstream.releaseScheduled>;

/** Her release as release-scheduling plans it: Wednesday 18 November 2026, gate 09:30, at the nurse's prison. */
export function releaseScheduled(
  personId: string,
  releaseId: string = randomUUID(),
  releaseDate = '2026-11-18',
  weekendCoverPlanRequired = false,
): ReleaseScheduledEvent {
  return upstream.releaseScheduled(personId, releaseId, releaseDate, { weekendCoverPlanRequired });
}

export function releaseRescheduled(scheduled: ReleaseScheduledEvent, releaseDate: string) {
  const { releaseId, releaseDate: previousDate } = scheduled.data;
  return upstream.releaseRescheduled(scheduled.personId, releaseId, releaseDate, previousDate);
}

export function releaseCancelled(scheduled: ReleaseScheduledEvent) {
  const { releaseId, prisonCode } = scheduled.data;
  return upstream.releaseCancelled(scheduled.personId, releaseId, prisonCode);
}

/** A v1 release event as release-scheduling publishes it now: v2, with the release's revision. */
export function asV2(event: EventEnvelope, revision: number) {
  return upstream.atLaterVersion(event, { revision });
}

/** A booking request prison healthcare would send for her release. */
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
    bridgingPrescription: null,
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

import { randomUUID } from 'node:crypto';
import type { EventData } from '@resettle/contracts';
import { upstreamEvent } from '@resettle/testing/upstream-events';
import { isUpstreamEvent, type PassportEventKey, type UpstreamEvent } from './upstream.js';

type FoldedType = PassportEventKey extends `${infer T}@v1` ? T : never;

let tick = 0;

/** Builds valid upstream events for one woman and one release, as the owning services would publish them. */
export function eventsFor(personId: string, releaseId = randomUUID()) {
  const handoffId = randomUUID();
  const accommodationId = randomUUID();
  const travelPlanId = randomUUID();
  const handoffIds = { handoffId, releaseId, providerId: 'provider-bristol-1', providerArea: area };

  /** One second after the last, so the order they were built in is the order they occurred in. */
  function event<T extends FoldedType>(type: T, data: EventData<T>): UpstreamEvent {
    tick += 1;
    const occurredAt = new Date(Date.parse('2026-11-02T10:00:00Z') + tick * 1000).toISOString();
    const built = { ...upstreamEvent(type, personId, data), occurredAt };
    if (!isUpstreamEvent(built)) throw new Error(`a passport does not fold ${type}`);
    return built;
  }

  const release = (date: string, gateTime = '09:30', extra: Partial<EventData<'release.scheduled'>> = {}) => ({
    releaseId,
    prisonCode: 'EHI',
    probationRegion: 'South West',
    legalReleaseDate: date,
    releaseDate: date,
    gateTime,
    gateAt: gateAtOf(date, gateTime),
    rulesApplied: [],
    dayOfReleaseMoveEligible: true,
    weekendCoverPlanRequired: false,
    shortNotice: false,
    shortNoticeReason: null,
    shortSentence: false,
    ...extra,
  });

  return {
    personId,
    releaseId,
    scheduled: (date = '2026-11-18', gateTime = '09:30', extra: Partial<EventData<'release.scheduled'>> = {}) =>
      event('release.scheduled', release(date, gateTime, extra)),
    rescheduled: (from: string, to: string, gateTime = '09:30', extra: Partial<EventData<'release.scheduled'>> = {}) =>
      event('release.rescheduled', {
        ...release(to, gateTime, extra),
        previous: { releaseDate: from, gateTime: '09:30', gateAt: gateAtOf(from, '09:30') },
        reason: 'Sentence recalculated',
      }),
    cancelled: () => event('release.cancelled', { releaseId, prisonCode: 'EHI', reason: 'Sentence recalculated' }),
    occurred: (date = '2026-11-18') =>
      event('release.occurred', {
        releaseId,
        prisonCode: 'EHI',
        releaseDate: date,
        gatePassedAt: gateAtOf(date, '09:35'),
      }),
    booked: (extra: Partial<EventData<'treatment.handoff.booked'>> = {}) =>
      event('treatment.handoff.booked', {
        ...handoffIds,
        consentToShare: true,
        dailyOst: true,
        injectable: false,
        naloxoneSupplied: true,
        bridgingPrescription: false,
        weekendCoverPlan: null,
        firstAppointment: { at: '2026-11-18T13:00:00Z', place: 'Community drug service, Bristol' },
        femaleKeyWorkerRequested: true,
        referrals: { mentalHealth: false, domesticAbuse: false },
        ...extra,
      }),
    accepted: (appointmentAt = '2026-11-18T13:00:00Z', gender: 'female' | 'male' = 'female') =>
      event('treatment.handoff.accepted', {
        ...handoffIds,
        keyWorker: { name: 'Key worker', gender },
        firstAppointment: { at: appointmentAt, place: 'Community drug service, Bristol' },
      }),
    declined: () => event('treatment.handoff.declined', { ...handoffIds, reason: 'No capacity this month' }),
    needsReconfirmation: (date: string, gateTime = '09:30') =>
      event('treatment.handoff.needs-reconfirmation', {
        ...handoffIds,
        reason: 'The release moved',
        releaseDate: date,
        gateAt: gateAtOf(date, gateTime),
      }),
    appointmentChanged: (at: string) =>
      event('treatment.handoff.appointment-changed', {
        ...handoffIds,
        firstAppointment: { at, place: 'Community drug service, Bristol' },
        previous: null,
      }),
    accommodationConfirmed: (
      confirmedFrom: string | null = '2026-11-18',
      type: 'supported-housing' | 'none' = 'supported-housing',
    ) => event('accommodation.confirmed', accommodation(confirmedFrom, type)),
    accommodationChanged: (confirmedFrom: string | null) =>
      event('accommodation.changed', accommodation(confirmedFrom, 'supported-housing')),
    accommodationAtRisk: (
      releaseDate: string,
      confirmedFrom: string | null,
      reason = 'Not available on release night',
    ) => event('accommodation.at-risk', { accommodationId, releaseId, reason, releaseDate, confirmedFrom }),
    accommodationWithdrawn: () =>
      event('accommodation.withdrawn', { accommodationId, releaseId, reason: 'Landlord withdrew the room' }),
    transportArranged: (date = '2026-11-18', departs = '10:00', arrives = '12:00') =>
      event('transport.arranged', travel(date, departs, arrives)),
    transportChanged: (date: string, departs = '10:00', arrives = '12:00') =>
      event('transport.changed', travel(date, departs, arrives)),
    transportAtRisk: () =>
      event('transport.at-risk', {
        travelPlanId,
        releaseId,
        reasons: [{ rule: 'ARRIVES_AFTER_APPOINTMENT', message: 'She would arrive after her first appointment' }],
      }),
    transportCancelled: () => event('transport.cancelled', { travelPlanId, releaseId, reason: 'Driver unavailable' }),
  };

  function accommodation(confirmedFrom: string | null, type: 'supported-housing' | 'none') {
    return {
      accommodationId,
      releaseId,
      type,
      localAuthority: 'Bristol',
      postcodeDistrict: 'BS2',
      confirmedFrom,
      womenOnly: true,
      localTreatmentMismatch: false,
    };
  }

  function travel(date: string, departs: string, arrives: string) {
    return {
      travelPlanId,
      releaseId,
      mode: 'met-at-gate' as const,
      departureAt: gateAtOf(date, departs),
      expectedArrivalAt: gateAtOf(date, arrives),
      destination: 'accommodation' as const,
      longJourneyWithoutEscort: false,
    };
  }
}

export type Scenario = ReturnType<typeof eventsFor>;

const area = { localAuthority: 'Bristol', postcodeDistrict: 'BS1' };

/** London local time on a date in GMT months (the fixtures use November). */
function gateAtOf(date: string, time: string): string {
  return `${date}T${time}:00+00:00`;
}

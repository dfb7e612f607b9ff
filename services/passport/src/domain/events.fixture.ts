import { randomUUID } from 'node:crypto';
import type { DataOf, EventData } from '@resettle/contracts';
import { eventOf } from '@resettle/testing/upstream-events';
import type { JudgedStatus, PathwayName } from './passport.js';
import { PATHWAY_OWNER } from './passport.js';
import { isUpstreamEvent, type PassportEventKey, type UpstreamEvent } from './upstream.js';

let tick = 0;

type ReleaseExtra = Partial<EventData<'release.scheduled'>>;
const JUDGEMENT_TYPE = {
  'release-scheduling': 'release.pathway-judged',
  'treatment-continuity': 'treatment.pathway-judged',
  accommodation: 'accommodation.pathway-judged',
  transport: 'transport.pathway-judged',
} as const;

export interface Verdict {
  /** The release revision it was judged against; the scenario's current one by default. */
  revision?: number;
  handoffRevision?: number | null;
  required?: boolean;
  reasons?: string[];
  missing?: string[];
}

/**
 * Builds valid upstream events for one woman and one release, as the owning services would publish them: release
 * events at v2 with a revision that grows by one on each change (v1 on request), each owner's verdicts, and the status
 * events the passport keeps for display.
 */
export function eventsFor(personId: string, releaseId = randomUUID()) {
  const handoffId = randomUUID();
  const accommodationId = randomUUID();
  const travelPlanId = randomUUID();
  const handoffIds = { handoffId, releaseId, providerId: 'provider-bristol-1', providerArea: area };
  let revision = 0;

  /** One second after the last, so the order they were built in is the order they occurred in. */
  function event<K extends PassportEventKey>(key: K, data: DataOf<K>): UpstreamEvent {
    tick += 1;
    const occurredAt = new Date(Date.parse('2026-11-02T10:00:00Z') + tick * 1000).toISOString();
    const built = eventOf(key, personId, data, occurredAt);
    if (!isUpstreamEvent(built)) throw new Error(`a passport does not fold ${key}`);
    return built;
  }

  const release = (date: string, gateTime = '09:30', extra: ReleaseExtra = {}) => ({
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
  const next = (given?: number) => {
    revision = given ?? revision + 1;
    return revision;
  };
  const moved = (from: string, to: string, gateTime: string, extra: ReleaseExtra) => ({
    ...release(to, gateTime, extra),
    previous: { releaseDate: from, gateTime: '09:30', gateAt: gateAtOf(from, '09:30') },
    reason: 'Sentence recalculated',
  });
  const cancellation = { releaseId, prisonCode: 'EHI', reason: 'Sentence recalculated' };
  const occurrence = (date: string, gatePassed: string) => ({
    releaseId,
    prisonCode: 'EHI',
    releaseDate: date,
    gatePassedAt: gateAtOf(date, gatePassed),
  });

  function judged(pathway: PathwayName, status: JudgedStatus, verdict: Verdict = {}) {
    const owner = PATHWAY_OWNER[pathway];
    const reasons = verdict.reasons ?? (status === 'complete' ? [] : [`${pathway} is ${status.replace('-', ' ')}`]);
    const handoffRevision = verdict.handoffRevision ?? null;
    return event(`${JUDGEMENT_TYPE[owner]}@v1`, {
      releaseId,
      pathway,
      required: verdict.required ?? true,
      status,
      reasons: reasons.map((message) => ({ rule: 'OWNER_RULE', message })),
      missing: verdict.missing ?? (status === 'complete' ? [] : [pathway]),
      judgedAgainst: { releaseRevision: verdict.revision ?? revision, handoffRevision },
    });
  }

  return {
    personId,
    releaseId,
    /** The revision of the latest release event built. */
    revision: () => revision,
    scheduled: (date = '2026-11-18', gateTime = '09:30', extra: ReleaseExtra = {}, at?: number) =>
      event('release.scheduled@v2', { ...release(date, gateTime, extra), revision: next(at ?? 1) }),
    rescheduled: (from: string, to: string, gateTime = '09:30', extra: ReleaseExtra = {}, at?: number) =>
      event('release.rescheduled@v2', { ...moved(from, to, gateTime, extra), revision: next(at) }),
    cancelled: (at?: number) => event('release.cancelled@v2', { ...cancellation, revision: next(at) }),
    occurred: (date = '2026-11-18', gatePassed = '09:35', at?: number) =>
      event('release.occurred@v2', { ...occurrence(date, gatePassed), revision: next(at) }),
    /** v1, from before revisions: counts as revision 0. */
    scheduledV1: (date = '2026-11-18', gateTime = '09:30', extra: ReleaseExtra = {}) =>
      event('release.scheduled@v1', release(date, gateTime, extra)),
    rescheduledV1: (from: string, to: string, gateTime = '09:30') =>
      event('release.rescheduled@v1', moved(from, to, gateTime, {})),
    cancelledV1: () => event('release.cancelled@v1', cancellation),
    occurredV1: (date = '2026-11-18', gatePassed = '09:35') =>
      event('release.occurred@v1', occurrence(date, gatePassed)),
    judged,
    /** Every always-required pathway judged complete by its owner against the current revision. */
    allComplete: (verdict: Verdict = {}) =>
      (['release', 'treatment', 'accommodation', 'transport'] as const).map((pathway) =>
        judged(pathway, 'complete', verdict),
      ),
    booked: (extra: Partial<EventData<'treatment.handoff.booked'>> = {}) =>
      event('treatment.handoff.booked@v1', {
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
      event('treatment.handoff.accepted@v1', {
        ...handoffIds,
        keyWorker: { name: 'Key worker', gender },
        firstAppointment: { at: appointmentAt, place: 'Community drug service, Bristol' },
      }),
    declined: () => event('treatment.handoff.declined@v1', { ...handoffIds, reason: 'No capacity this month' }),
    needsReconfirmation: (date: string, gateTime = '09:30') =>
      event('treatment.handoff.needs-reconfirmation@v1', {
        ...handoffIds,
        reason: 'The release moved',
        releaseDate: date,
        gateAt: gateAtOf(date, gateTime),
      }),
    /** The provider's record of the first appointment, after her release. */
    firstAppointment: (
      outcome: 'attended' | 'not-attended' | 'moved',
      appointmentAt = '2026-11-18T13:00:00Z',
      newAppointmentAt: string | null = null,
    ) =>
      event('treatment.first-appointment.recorded@v1', {
        handoffId: handoffIds.handoffId,
        releaseId,
        outcome,
        appointmentAt,
        newAppointmentAt,
        recordedAt: '2026-11-19T10:00:00Z',
      }),
    treatmentStarted: (startedOn: string) =>
      event('treatment.started@v1', { handoffId: handoffIds.handoffId, releaseId, startedOn }),
    accommodationConfirmed: (
      confirmedFrom: string | null = '2026-11-18',
      type: 'supported-housing' | 'none' = 'supported-housing',
    ) => event('accommodation.confirmed@v1', accommodation(confirmedFrom, type)),
    accommodationChanged: (confirmedFrom: string | null) =>
      event('accommodation.changed@v1', accommodation(confirmedFrom, 'supported-housing')),
    accommodationWithdrawn: () =>
      event('accommodation.withdrawn@v1', { accommodationId, releaseId, reason: 'Landlord withdrew the room' }),
    transportArranged: (date = '2026-11-18', departs = '10:00', arrives = '12:00') =>
      event('transport.arranged@v1', travel(date, departs, arrives)),
    transportChanged: (date: string, departs = '10:00', arrives = '12:00') =>
      event('transport.changed@v1', travel(date, departs, arrives)),
    transportCancelled: () =>
      event('transport.cancelled@v1', { travelPlanId, releaseId, reason: 'Driver unavailable' }),
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

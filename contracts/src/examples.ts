import type { DataOf, EventKey, EventTypeMap, EventTypeOfKey, EventVersionOfKey } from './catalog.js';

const releaseId = '3b241101-e2bb-4255-8caf-4136c566a962';
const handoffId = '0f8fad5b-d9cb-469f-a165-70867728950e';
const accommodationId = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const travelPlanId = '16fd2706-8baf-433b-82eb-8c7fada847da';
const handoff = { handoffId, releaseId, providerId: 'provider-bristol-1', providerArea: area() };
const appointment = { at: '2026-11-19T13:00:00+00:00', place: 'Community drug service, Bristol' };
const referrals = { mentalHealth: true, domesticAbuse: false };

const subjectAccessRequestId = '9a1f4c3e-5b6d-4e7f-8a9b-0c1d2e3f4a5b';

function heldRecords(table: string) {
  return { requestId: subjectAccessRequestId, records: { [table]: [{ release_id: releaseId, status: 'scheduled' }] } };
}

function area() {
  return { localAuthority: 'Bristol', postcodeDistrict: 'BS1' };
}

const releaseFacts = {
  releaseId,
  prisonCode: 'EHI',
  probationRegion: 'South West',
  legalReleaseDate: '2026-11-20',
  releaseDate: '2026-11-19',
  gateTime: '09:00',
  gateAt: '2026-11-19T09:00:00+00:00',
  rulesApplied: [
    { rule: 'FRIDAY_RELEASE', from: '2026-11-20', to: '2026-11-19', explanation: 'Friday release moved earlier' },
  ],
  dayOfReleaseMoveEligible: true,
  weekendCoverPlanRequired: false,
  shortNotice: false,
  shortNoticeReason: null,
  shortSentence: true,
};

const accommodationFacts = {
  accommodationId,
  releaseId,
  type: 'supported-housing' as const,
  localAuthority: 'Bristol',
  postcodeDistrict: 'BS2',
  confirmedFrom: '2026-11-19',
  womenOnly: true,
  localTreatmentMismatch: false,
};

const travelPlan = {
  travelPlanId,
  releaseId,
  mode: 'met-at-gate' as const,
  departureAt: '2026-11-19T09:15:00+00:00',
  expectedArrivalAt: '2026-11-19T12:00:00+00:00',
  destination: 'first-appointment' as const,
  longJourneyWithoutEscort: false,
};

/** A valid v1 `data` for every event type (no personal details): for tests and documentation. */
export const EXAMPLE_EVENT_DATA: Omit<EventTypeMap, JudgedType> = {
  'release.scheduled': releaseFacts,
  'release.rescheduled': {
    ...releaseFacts,
    previous: { releaseDate: '2026-11-20', gateTime: '10:00', gateAt: '2026-11-20T10:00:00+00:00' },
    reason: 'Day of release moved under the 2023 Act',
  },
  'release.cancelled': { releaseId, prisonCode: 'EHI', reason: 'Sentence recalculated' },
  'release.occurred': { releaseId, prisonCode: 'EHI', releaseDate: '2026-11-19', gatePassedAt: '2026-11-19T09:04:00Z' },
  'treatment.handoff.booked': {
    ...handoff,
    consentToShare: true,
    dailyOst: true,
    injectable: false,
    naloxoneSupplied: true,
    bridgingPrescription: false,
    weekendCoverPlan: null,
    firstAppointment: appointment,
    femaleKeyWorkerRequested: true,
    referrals,
  },
  'treatment.handoff.accepted': {
    ...handoff,
    keyWorker: { name: 'Key worker 7', gender: 'female' },
    firstAppointment: appointment,
  },
  'treatment.handoff.declined': { ...handoff, reason: 'Outside our catchment' },
  'treatment.handoff.needs-reconfirmation': {
    ...handoff,
    reason: 'Release moved',
    releaseDate: '2026-11-18',
    gateAt: '2026-11-18T09:00:00+00:00',
  },
  'treatment.handoff.appointment-changed': { ...handoff, firstAppointment: appointment, previous: null },
  'treatment.handoff.withdrawn': { ...handoff, reason: 'Booked with the wrong provider' },
  'treatment.first-appointment.recorded': {
    handoffId,
    releaseId,
    outcome: 'not-attended',
    appointmentAt: appointment.at,
    newAppointmentAt: null,
    recordedAt: '2026-11-20T16:00:00Z',
  },
  'treatment.started': { handoffId, releaseId, startedOn: '2026-11-21' },
  'treatment.disengaged': { handoffId, releaseId, reason: 'Stopped attending', recordedAt: '2026-12-10T10:00:00Z' },
  'treatment.handoff.logistics': { handoffId, releaseId, providerArea: area(), firstAppointmentAt: appointment.at },
  'accommodation.confirmed': accommodationFacts,
  'accommodation.changed': { ...accommodationFacts, type: 'approved-premises' },
  'accommodation.at-risk': {
    accommodationId,
    releaseId,
    reason: 'Confirmed from after the release date',
    releaseDate: '2026-11-18',
    confirmedFrom: '2026-11-19',
  },
  'accommodation.withdrawn': { accommodationId, releaseId, reason: 'Place withdrawn by provider' },
  'accommodation.safeguarding-alert': {
    alertId: '0b5e8f0e-3f7c-4a86-9d55-1c2f3b4a5d6e',
    releaseId,
    probationRegion: 'South West',
    declinedProposals: 3,
  },
  'transport.arranged': travelPlan,
  'transport.changed': { ...travelPlan, mode: 'public-transport-with-warrant' },
  'transport.at-risk': {
    travelPlanId,
    releaseId,
    reasons: [{ rule: 'ARRIVES_AFTER_APPOINTMENT', message: 'Arrives after the first appointment' }],
  },
  'transport.cancelled': { travelPlanId, releaseId, reason: 'Release cancelled' },
  'passport.updated': {
    releaseId,
    complete: false,
    pathways: [
      { pathway: 'release', required: true, status: 'complete', reason: null },
      { pathway: 'treatment', required: true, status: 'in-progress', reason: 'Provider has not accepted' },
    ],
  },
  'passport.completed': { releaseId },
  'passport.at-risk': { releaseId, releaseDate: '2026-11-19', workingDaysToRelease: 2, missing: ['treatment'] },
  'passport.released-incomplete': { releaseId, prisonCode: 'EHI', releaseDate: '2026-11-19', missing: ['transport'] },
  'passport.missed-first-appointment': {
    releaseId,
    handoffId,
    appointmentAt: appointment.at,
    recordedAt: '2026-11-20T16:00:00Z',
  },
  'privacy.subject-access.requested': { requestId: subjectAccessRequestId },
  'privacy.subject-access.answered-by-release-scheduling': heldRecords('releases'),
  'privacy.subject-access.answered-by-treatment-continuity': heldRecords('handoffs'),
  'privacy.subject-access.answered-by-accommodation': heldRecords('accommodations'),
  'privacy.subject-access.answered-by-transport': heldRecords('travel_plans'),
  'privacy.subject-access.answered-by-passport': heldRecords('passports'),
};

type JudgedType = EventTypeOfKey<JudgedKey>;
type LaterKey = { [K in EventKey]: EventVersionOfKey<K> extends 1 ? never : K }[EventKey];
type JudgedKey = Extract<EventKey, `${string}.pathway-judged@v1`>;

const judged = (pathway: DataOf<JudgedKey>['pathway'], status: DataOf<JudgedKey>['status']) => ({
  releaseId,
  pathway,
  required: true,
  status,
  reasons: status === 'complete' ? [] : [{ rule: 'NOT_CONFIRMED', message: 'Not confirmed from the release date yet' }],
  missing: status === 'complete' ? [] : [pathway],
  judgedAgainst: { releaseRevision: 2, handoffRevision: pathway === 'transport' ? 3 : null },
});

/** A valid `data` for every later version of an event, and for the pathway verdicts. */
const EXAMPLE_LATER_DATA: { [K in LaterKey | JudgedKey]: DataOf<K> } = {
  'release.scheduled@v2': { ...releaseFacts, revision: 1 },
  'release.rescheduled@v2': { ...EXAMPLE_EVENT_DATA['release.rescheduled'], revision: 2 },
  'release.cancelled@v2': { ...EXAMPLE_EVENT_DATA['release.cancelled'], revision: 3 },
  'release.occurred@v2': { ...EXAMPLE_EVENT_DATA['release.occurred'], revision: 3 },
  'treatment.handoff.logistics@v2': { ...EXAMPLE_EVENT_DATA['treatment.handoff.logistics'], handoffRevision: 3 },
  'release.pathway-judged@v1': judged('release', 'complete'),
  'treatment.pathway-judged@v1': judged('treatment', 'complete'),
  'accommodation.pathway-judged@v1': judged('accommodation', 'at-risk'),
  'transport.pathway-judged@v1': judged('transport', 'in-progress'),
  'passport.updated@v2': {
    releaseId,
    complete: false,
    releaseRevision: 3,
    pathways: [
      { pathway: 'release', required: true, status: 'complete', reason: null, reasons: [], owedBy: null },
      {
        pathway: 'accommodation',
        required: true,
        status: 'awaiting-re-check',
        reason: 'accommodation has not re-checked since the release moved to Thursday 10 December',
        reasons: ['accommodation has not re-checked since the release moved to Thursday 10 December'],
        owedBy: 'accommodation',
      },
    ],
  },
};

/** A valid `data` for any event at any version. */
export function exampleDataOf<K extends EventKey>(key: K): DataOf<K> {
  const later = EXAMPLE_LATER_DATA as Partial<Record<EventKey, unknown>>;
  const firstVersions = EXAMPLE_EVENT_DATA as Record<string, unknown>;
  return (later[key] ?? firstVersions[key.split('@')[0] as EventTypeOfKey<K>]) as DataOf<K>;
}

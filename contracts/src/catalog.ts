import type { Static, TSchema } from '@sinclair/typebox';
import { envelopeOf } from './envelope.js';
import * as accommodation from './events/accommodation.js';
import * as judgement from './events/judgement.js';
import * as passport from './events/passport.js';
import * as release from './events/release.js';
import * as subjectAccess from './events/subject-access.js';
import * as transport from './events/transport.js';
import * as treatment from './events/treatment.js';
import { TOPICS, type TopicName } from './topics.js';

/** The events one service owns: same source, same topic unless said otherwise. */
function ownedBy<const Source extends string>(source: Source, topic: TopicName) {
  return <const Name extends string, D extends TSchema, const Version extends number = 1>(
    type: Name,
    summary: string,
    data: D,
    options: { on?: TopicName; version?: Version } = {},
  ) => {
    const version = (options.version ?? 1) as Version;
    return {
      type,
      version,
      topic: options.on ?? topic,
      source,
      summary,
      dataSchema: data,
      schema: envelopeOf(data, type, version),
    };
  };
}

const releaseEvent = ownedBy('release-scheduling', TOPICS.releaseScheduling);
const treatmentEvent = ownedBy('treatment-continuity', TOPICS.treatmentContinuity);
const accommodationEvent = ownedBy('accommodation', TOPICS.accommodation);
const transportEvent = ownedBy('transport', TOPICS.transport);
const passportEvent = ownedBy('passport', TOPICS.passport);

const definitions = [
  releaseEvent('release.scheduled', 'A release date and gate time were scheduled', release.ReleaseScheduledV1),
  releaseEvent('release.rescheduled', 'A release moved (date or gate time)', release.ReleaseRescheduledV1),
  releaseEvent('release.cancelled', 'A release was cancelled', release.ReleaseCancelledV1),
  releaseEvent('release.occurred', 'She passed the gate', release.ReleaseOccurredV1),
  releaseEvent('release.scheduled', 'A release was scheduled (revision 1)', release.ReleaseScheduledV2, { version: 2 }),
  releaseEvent('release.rescheduled', 'A release moved: a new revision', release.ReleaseRescheduledV2, { version: 2 }),
  releaseEvent('release.cancelled', 'A release was cancelled: a new revision', release.ReleaseCancelledV2, {
    version: 2,
  }),
  releaseEvent('release.occurred', 'She passed the gate: a new revision', release.ReleaseOccurredV2, { version: 2 }),
  releaseEvent(
    'release.pathway-judged',
    "release-scheduling's verdict on the release pathway",
    judgement.PathwayJudgedV1,
  ),
  treatmentEvent('treatment.handoff.booked', 'Prison healthcare booked a handoff', treatment.HandoffBookedV1),
  treatmentEvent(
    'treatment.handoff.accepted',
    'The provider accepted and named the key worker',
    treatment.HandoffAcceptedV1,
  ),
  treatmentEvent('treatment.handoff.declined', 'The provider declined, with a reason', treatment.HandoffDeclinedV1),
  treatmentEvent(
    'treatment.handoff.needs-reconfirmation',
    'The release moved; the provider must confirm again',
    treatment.HandoffNeedsReconfirmationV1,
  ),
  treatmentEvent(
    'treatment.handoff.appointment-changed',
    'The first community appointment changed',
    treatment.HandoffAppointmentChangedV1,
  ),
  treatmentEvent(
    'treatment.handoff.withdrawn',
    'Prison healthcare withdrew the handoff, with a reason; the provider is told',
    treatment.HandoffWithdrawnV1,
  ),
  treatmentEvent(
    'treatment.handoff.logistics',
    "Where and when her treatment starts (provider's area, first appointment time), no clinical detail",
    treatment.HandoffLogisticsV1,
    { on: TOPICS.treatmentLogistics },
  ),
  treatmentEvent(
    'treatment.handoff.logistics',
    'Where and when her treatment starts, with the revision of the handoff it comes from',
    treatment.HandoffLogisticsV2,
    { on: TOPICS.treatmentLogistics, version: 2 },
  ),
  treatmentEvent(
    'treatment.first-appointment.recorded',
    'The provider recorded the first appointment: attended, not attended, or moved (with the new time)',
    treatment.FirstAppointmentRecordedV1,
  ),
  treatmentEvent(
    'treatment.started',
    'The provider reported the date community treatment started (first dose or first assessment)',
    treatment.TreatmentStartedV1,
  ),
  treatmentEvent(
    'treatment.disengaged',
    'The provider reported she disengaged, with a reason',
    treatment.TreatmentDisengagedV1,
  ),
  treatmentEvent(
    'treatment.pathway-judged',
    "treatment-continuity's verdict on the treatment pathway or a referral pathway (mental health, domestic-abuse support, …)",
    judgement.PathwayJudgedV1,
  ),
  accommodationEvent(
    'accommodation.confirmed',
    'Release-night accommodation confirmed',
    accommodation.AccommodationConfirmedV1,
  ),
  accommodationEvent(
    'accommodation.changed',
    'Release-night accommodation changed',
    accommodation.AccommodationChangedV1,
  ),
  accommodationEvent(
    'accommodation.at-risk',
    'Accommodation no longer fits the release date',
    accommodation.AccommodationAtRiskV1,
  ),
  accommodationEvent('accommodation.withdrawn', 'Accommodation withdrawn', accommodation.AccommodationWithdrawnV1),
  accommodationEvent(
    'accommodation.safeguarding-alert',
    'Repeated proposals for her found not suitable at safeguarding review: an alert for her offender manager',
    accommodation.AccommodationSafeguardingAlertV1,
  ),
  accommodationEvent(
    'accommodation.pathway-judged',
    "accommodation's verdict on the release-night accommodation pathway",
    judgement.PathwayJudgedV1,
  ),
  transportEvent('transport.arranged', 'Travel from the gate arranged', transport.TransportArrangedV1),
  transportEvent('transport.changed', 'Travel plan changed', transport.TransportChangedV1),
  transportEvent(
    'transport.at-risk',
    'Travel plan no longer fits the release or appointment',
    transport.TransportAtRiskV1,
  ),
  transportEvent('transport.cancelled', 'Travel plan cancelled', transport.TransportCancelledV1),
  transportEvent(
    'transport.pathway-judged',
    "transport's verdict on the travel-from-the-gate pathway",
    judgement.PathwayJudgedV1,
  ),
  passportEvent('passport.updated', 'A passport changed', passport.PassportUpdatedV1),
  passportEvent(
    'passport.updated',
    "A passport changed: each pathway as its owner judged the current release revision, or awaiting the owner's re-check",
    passport.PassportUpdatedV2,
    { version: 2 },
  ),
  passportEvent(
    'passport.completed',
    'Every required pathway is complete and consistent',
    passport.PassportCompletedV1,
  ),
  passportEvent('passport.at-risk', 'Release is near and the passport is incomplete', passport.PassportAtRiskV1),
  passportEvent(
    'passport.released-incomplete',
    'She left custody without a complete passport',
    passport.PassportReleasedIncompleteV1,
  ),
  passportEvent(
    'passport.missed-first-appointment',
    'She missed her first community appointment: an alarm until a later appointment is attended',
    passport.PassportMissedFirstAppointmentV1,
  ),
  passportEvent(
    'privacy.subject-access.requested',
    'A subject access export was requested: every service sends what it holds about her',
    subjectAccess.SubjectAccessRequestedV1,
    { on: TOPICS.subjectAccessRequests },
  ),
  releaseEvent(
    'privacy.subject-access.answered-by-release-scheduling',
    "release-scheduling's part of a subject access export, for the passport only",
    subjectAccess.SubjectAccessAnsweredV1,
    { on: TOPICS.subjectAccessAnswers },
  ),
  treatmentEvent(
    'privacy.subject-access.answered-by-treatment-continuity',
    "treatment-continuity's part of a subject access export, for the passport only",
    subjectAccess.SubjectAccessAnsweredV1,
    { on: TOPICS.subjectAccessAnswers },
  ),
  accommodationEvent(
    'privacy.subject-access.answered-by-accommodation',
    "accommodation's part of a subject access export, for the passport only",
    subjectAccess.SubjectAccessAnsweredV1,
    { on: TOPICS.subjectAccessAnswers },
  ),
  transportEvent(
    'privacy.subject-access.answered-by-transport',
    "transport's part of a subject access export, for the passport only",
    subjectAccess.SubjectAccessAnsweredV1,
    { on: TOPICS.subjectAccessAnswers },
  ),
  passportEvent(
    'privacy.subject-access.answered-by-passport',
    "the passport's part of a subject access export",
    subjectAccess.SubjectAccessAnsweredV1,
    { on: TOPICS.subjectAccessAnswers },
  ),
];

type Definition = (typeof definitions)[number];
type KeyOf<D> = D extends { type: infer T extends string; version: infer V extends number } ? `${T}@v${V}` : never;
/** `${type}@v${version}` of every event the catalog defines (each type only at the versions it has). */
export type EventKey = KeyOf<Definition>;
/** One event at one version: who owns it, where it travels, and its schemas. */
export type EventDefinition = Definition;
export type EventType = Definition['type'];
export type EventSource = Definition['source'];

/** Every event the system publishes, at every version: the single source for producers, consumers and AsyncAPI. */
export const EVENT_DEFINITIONS = Object.fromEntries(
  definitions.map((definition) => [`${definition.type}@v${definition.version}`, definition]),
) as Record<EventKey, EventDefinition>;

type DefinitionOf<T extends EventType, V extends number> = Extract<Definition, { type: T; version: V }>;

/** Event type → its v1 data type. */
export type EventTypeMap = { [T in EventType]: Static<DefinitionOf<T, 1>['dataSchema']> };
/** The data of one event type at v1, e.g. `EventData<'release.scheduled'>`. */
export type EventData<T extends EventType> = EventTypeMap[T];

export type EventTypeOfKey<K extends EventKey> = K extends `${infer T}@v${number}` ? T : never;
export type EventVersionOfKey<K extends EventKey> = K extends `${string}@v${infer V extends number}` ? V : never;
type DefinitionOfKey<K extends EventKey> = Extract<
  Definition,
  { type: EventTypeOfKey<K>; version: EventVersionOfKey<K> }
>;
/** The data of one event at one version, e.g. `DataOf<'release.scheduled@v2'>`. */
export type DataOf<K extends EventKey> = Static<DefinitionOfKey<K>['dataSchema']>;
/** One event at one version, narrowed by its key, e.g. `EventOf<'release.scheduled@v1'>`. */
export type EventOf<K extends EventKey> = Static<DefinitionOfKey<K>['schema']>;
/** Any event this catalog knows, at any version, as a union narrowable on `type` and `version`. */
export type KnownEvent = { [K in EventKey]: EventOf<K> }[EventKey];

/** The topic an event travels on, from its key. */
export function topicOfEvent(key: EventKey): TopicName {
  return EVENT_DEFINITIONS[key].topic;
}

/** The topics a consumer of these events subscribes to (each once). */
export function topicsOfEvents(keys: readonly EventKey[]): TopicName[] {
  return [...new Set(keys.map(topicOfEvent))];
}

/** Each service's answer to a subject access request (an event has one owner, so each service has its own type). */
export const SUBJECT_ACCESS_ANSWERS = {
  'release-scheduling': 'privacy.subject-access.answered-by-release-scheduling',
  'treatment-continuity': 'privacy.subject-access.answered-by-treatment-continuity',
  accommodation: 'privacy.subject-access.answered-by-accommodation',
  transport: 'privacy.subject-access.answered-by-transport',
  passport: 'privacy.subject-access.answered-by-passport',
} as const satisfies Record<EventSource, EventType>;

export type SubjectAccessAnswerKey = `${(typeof SUBJECT_ACCESS_ANSWERS)[EventSource]}@v1`;

/** The answer keys, for the passport's consumer. */
export const SUBJECT_ACCESS_ANSWER_KEYS = Object.values(SUBJECT_ACCESS_ANSWERS).map(
  (type) => `${type}@v1` as SubjectAccessAnswerKey,
);

export function findEventDefinition(type: string, version: number): EventDefinition | undefined {
  return (EVENT_DEFINITIONS as Record<string, EventDefinition>)[`${type}@v${version}`];
}

export function knowsEventType(type: string): boolean {
  return definitions.some((definition) => definition.type === type);
}

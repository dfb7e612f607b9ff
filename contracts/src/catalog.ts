import type { Static, TSchema } from '@sinclair/typebox';
import { envelopeOf } from './envelope.js';
import * as accommodation from './events/accommodation.js';
import * as passport from './events/passport.js';
import * as release from './events/release.js';
import * as transport from './events/transport.js';
import * as treatment from './events/treatment.js';
import { TOPICS, type TopicName } from './topics.js';

/** The events one service owns: same source, same topic unless said otherwise. */
function ownedBy<const Source extends string>(source: Source, topic: TopicName) {
  return <const Name extends string, D extends TSchema>(type: Name, summary: string, data: D, on = topic) => ({
    type,
    version: 1 as const,
    topic: on,
    source,
    summary,
    dataSchema: data,
    schema: envelopeOf(data, type, 1 as const),
  });
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
  treatmentEvent('treatment.handoff.booked', 'Prison healthcare booked a handoff', treatment.HandoffBookedV1),
  treatmentEvent(
    'treatment.handoff.sent',
    'The handoff, with clinical detail, for the addressed provider only',
    treatment.HandoffSentV1,
    TOPICS.providerHandoffs,
  ),
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
    'treatment.handoff.logistics',
    "Where and when her treatment starts (provider's area, first appointment time), no clinical detail",
    treatment.HandoffLogisticsV1,
    TOPICS.treatmentLogistics,
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
  transportEvent('transport.arranged', 'Travel from the gate arranged', transport.TransportArrangedV1),
  transportEvent('transport.changed', 'Travel plan changed', transport.TransportChangedV1),
  transportEvent(
    'transport.at-risk',
    'Travel plan no longer fits the release or appointment',
    transport.TransportAtRiskV1,
  ),
  transportEvent('transport.cancelled', 'Travel plan cancelled', transport.TransportCancelledV1),
  passportEvent('passport.updated', 'A passport changed', passport.PassportUpdatedV1),
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
];

type Definition = (typeof definitions)[number];
export type EventKey = `${Definition['type']}@v${Definition['version']}`;
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
/** The data of one event type, e.g. `EventData<'release.scheduled'>`. */
export type EventData<T extends EventType> = EventTypeMap[T];
/** Any event this catalog knows, as a union narrowable on `type` (and `version`). */
export type KnownEvent = { [T in EventType]: Static<DefinitionOf<T, 1>['schema']> }[EventType];

export function findEventDefinition(type: string, version: number): EventDefinition | undefined {
  return (EVENT_DEFINITIONS as Record<string, EventDefinition>)[`${type}@v${version}`];
}

export function knowsEventType(type: string): boolean {
  return definitions.some((definition) => definition.type === type);
}

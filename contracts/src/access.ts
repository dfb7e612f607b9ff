import { EVENT_DEFINITIONS, type EventDefinition, type EventKey, type EventSource, topicsOfEvents } from './catalog.js';
import { deadLetterTopicFor, type TopicName } from './topics.js';

const RELEASE_EVENTS = [
  'release.scheduled@v1',
  'release.scheduled@v2',
  'release.rescheduled@v1',
  'release.rescheduled@v2',
  'release.cancelled@v1',
  'release.cancelled@v2',
  'release.occurred@v1',
  'release.occurred@v2',
] as const satisfies readonly EventKey[];

/**
 * The events each consuming service handles (as its handlers declare them in services/<name>/src). Kept here so the
 * broker's ACLs can be derived from the contracts; a service that starts handling another event adds it here
 * (tests/security/kafka-access.unit.spec.ts compares this table with each service's declaration).
 */
export const CONSUMED_EVENTS: Partial<Record<EventSource, readonly EventKey[]>> = {
  'treatment-continuity': RELEASE_EVENTS,
  accommodation: [...RELEASE_EVENTS, 'treatment.handoff.logistics@v1', 'treatment.handoff.logistics@v2'],
  transport: [
    ...RELEASE_EVENTS,
    'accommodation.confirmed@v1',
    'accommodation.changed@v1',
    'accommodation.withdrawn@v1',
    'treatment.handoff.logistics@v1',
    'treatment.handoff.logistics@v2',
  ],
  passport: [
    'release.scheduled@v1',
    'release.scheduled@v2',
    'release.rescheduled@v1',
    'release.rescheduled@v2',
    'release.cancelled@v1',
    'release.cancelled@v2',
    'release.occurred@v1',
    'release.occurred@v2',
    'release.pathway-judged@v1',
    'treatment.handoff.booked@v1',
    'treatment.handoff.accepted@v1',
    'treatment.handoff.declined@v1',
    'treatment.handoff.needs-reconfirmation@v1',
    'treatment.pathway-judged@v1',
    'accommodation.confirmed@v1',
    'accommodation.changed@v1',
    'accommodation.withdrawn@v1',
    'accommodation.pathway-judged@v1',
    'transport.arranged@v1',
    'transport.changed@v1',
    'transport.cancelled@v1',
    'transport.pathway-judged@v1',
  ],
};

/** What one service may touch on the broker: topics it writes, topics it reads, its consumer group. */
export interface TopicAccess {
  service: EventSource;
  /** Its events' topics (EVENT_DEFINITIONS: source → topic), and its dead-letter topic when it consumes. */
  produces: string[];
  consumes: TopicName[];
  /** Its consumer group is the service's name (packages/platform runtime). */
  groups: string[];
}

/** Every service's access, derived from who publishes each event and who handles it. */
export function topicAccess(): TopicAccess[] {
  const definitions = Object.values(EVENT_DEFINITIONS) as EventDefinition[];
  const services = [...new Set(definitions.map((definition) => definition.source))];
  return services.map((service) => {
    const consumed = CONSUMED_EVENTS[service] ?? [];
    const produced = [
      ...new Set<string>(definitions.filter((d) => d.source === service).map((d) => d.topic)),
      ...(consumed.length > 0 ? [deadLetterTopicFor(service)] : []),
    ];
    return {
      service,
      produces: produced,
      consumes: topicsOfEvents(consumed),
      groups: consumed.length > 0 ? [service] : [],
    };
  });
}

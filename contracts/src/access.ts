import {
  EVENT_DEFINITIONS,
  type EventDefinition,
  type EventKey,
  type EventSource,
  SUBJECT_ACCESS_ANSWER_KEYS,
  topicsOfEvents,
} from './catalog.js';
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
/** Every service answers a subject access request (the platform's kernel consumes it for each: docs/security.md). */
const SUBJECT_ACCESS_REQUESTS = ['privacy.subject-access.requested@v1'] as const satisfies readonly EventKey[];

export const CONSUMED_EVENTS: Partial<Record<EventSource, readonly EventKey[]>> = {
  'release-scheduling': SUBJECT_ACCESS_REQUESTS,
  'treatment-continuity': [...RELEASE_EVENTS, ...SUBJECT_ACCESS_REQUESTS],
  accommodation: [
    ...RELEASE_EVENTS,
    'treatment.handoff.logistics@v1',
    'treatment.handoff.logistics@v2',
    ...SUBJECT_ACCESS_REQUESTS,
  ],
  transport: [
    ...RELEASE_EVENTS,
    ...SUBJECT_ACCESS_REQUESTS,
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
    ...SUBJECT_ACCESS_REQUESTS,
    // Each service's part of an export: the passport alone may read them.
    ...SUBJECT_ACCESS_ANSWER_KEYS,
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
  /** Groups it may make afresh, named with one of these prefixes: a rebuild reads every topic in a new group. */
  groupPrefixes: string[];
}

/** The services that rebuild their state from the topics (passport's rebuild CLI). */
const REBUILT_FROM_TOPICS: readonly EventSource[] = ['passport'];

/** The prefix of a rebuild's fresh consumer groups: `passport-rebuild-<uuid>`, and its workers' `…-share-<n>`. */
export function rebuildGroupPrefix(service: EventSource): string {
  return `${service}-rebuild-`;
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
      groupPrefixes: REBUILT_FROM_TOPICS.includes(service) ? [rebuildGroupPrefix(service)] : [],
    };
  });
}

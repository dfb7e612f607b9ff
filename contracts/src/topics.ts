import type { EventEnvelope } from './envelope.js';

/** Topics per owning service. Each is keyed by personId so one woman's events stay in order. */
export const TOPICS = {
  releaseScheduling: 'resettle.release-scheduling.events.v1',
  treatmentContinuity: 'resettle.treatment-continuity.events.v1',
  /** Where and when her treatment starts, without clinical detail: for those arranging her bed and her journey. */
  treatmentLogistics: 'resettle.treatment-continuity.logistics.v1',
  accommodation: 'resettle.accommodation.events.v1',
  transport: 'resettle.transport.events.v1',
  passport: 'resettle.passport.events.v1',
  /** A subject access request, for every service to answer. */
  subjectAccessRequests: 'resettle.passport.subject-access-requests.v1',
  /** Each service's part of a subject access export (everything it holds about her): the passport alone reads it. */
  subjectAccessAnswers: 'resettle.subject-access.answers.v1',
} as const;

export type TopicName = (typeof TOPICS)[keyof typeof TOPICS];
export const ALL_TOPICS: TopicName[] = Object.values(TOPICS);
export const PARTITIONS = 3;

/** A namespace in front of a topic (empty in production; each test file uses its own). */
export function topicName(base: string, prefix = ''): string {
  return `${prefix}${base}`;
}

export function deadLetterTopicFor(consumerGroup: string): string {
  return `resettle.${consumerGroup}.dlq`;
}

export function partitionKeyOf(event: Pick<EventEnvelope, 'personId'>): string {
  return event.personId;
}

export { CONSUMED_EVENTS, rebuildGroupPrefix, type TopicAccess, topicAccess } from './access.js';
export { asyncApiText, buildAsyncApiDocument } from './asyncapi.js';
export {
  type DataOf,
  EVENT_DEFINITIONS,
  type EventData,
  type EventDefinition,
  type EventKey,
  type EventOf,
  type EventSource,
  type EventType,
  type EventTypeMap,
  type EventTypeOfKey,
  type EventVersionOfKey,
  findEventDefinition,
  type KnownEvent,
  knowsEventType,
  SUBJECT_ACCESS_ANSWER_KEYS,
  SUBJECT_ACCESS_ANSWERS,
  type SubjectAccessAnswerKey,
  topicOfEvent,
  topicsOfEvents,
} from './catalog.js';
export {
  type ContinuityAnswer,
  ContinuityAnswerV1,
  type ContinuityFigure,
  ContinuityFigureV1,
  type NationalFigure,
  NationalFigureV1,
  type Shown,
  ShownCount,
} from './continuity.js';
export { type EventEnvelope, EventEnvelopeSchema, envelopeOf } from './envelope.js';
export * from './events/accommodation.js';
export * from './events/judgement.js';
export * from './events/passport.js';
export * from './events/release.js';
export * from './events/subject-access.js';
export * from './events/transport.js';
export * from './events/treatment.js';
export { EXAMPLE_EVENT_DATA } from './examples.js';
export { isCalendarDate, isInstantWithOffset } from './formats.js';
export { Instant, IsoDate, Nullable, PersonId, Uuid } from './primitives.js';
export {
  createProviderMessage,
  PROVIDER_MESSAGES,
  type ProviderMessageDefinition,
  type ProviderMessageDraft,
  type ProviderMessageKey,
  type ProviderMessageOf,
  RECONFIRMATION_REASONS,
  type ReconfirmationReason,
  WEBHOOK_FAILURES,
  type WebhookFailure,
  WITHDRAWAL_REASONS,
  type WithdrawalReason,
} from './provider-messages.js';
export {
  ALL_TOPICS,
  deadLetterTopicFor,
  PARTITIONS,
  partitionKeyOf,
  TOPICS,
  type TopicName,
  topicName,
} from './topics.js';
export { type Cause, createEvent, type EventDraft, type NewEvent, type ParsedEvent, parseEvent } from './validate.js';

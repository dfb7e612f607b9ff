export { backoffDelay } from './backoff.js';
export {
  type BatchEventHandler,
  type ConsumerOptions,
  type EventHandler,
  type EventHandlers,
  type HeadersOf,
  InboxConsumer,
} from './consumer.js';
export { anyOf, insertJsonRows, insertNewRowsReturning, insertRows } from './db/json-rows.js';
export { preparingEveryQuery } from './db/prepared.js';
export { heldPeople, inbox, outbox } from './db/schema.js';
export { holdTransactionLock } from './db/transaction-lock.js';
export type { Database, DatabaseOrTransaction, Transaction } from './db/types.js';
export { type DeadLetterReason, sendToDeadLetterTopic } from './dead-letters.js';
export { releaseHeldPerson } from './inbox-records.js';
export {
  type AccessGrant,
  createEventBus,
  DEFAULT_TOPIC_RETENTION_MS,
  type EventBus,
  grantTopicAccess,
  type IncomingMessage,
  type KafkaSecurity,
  kafkaSecuritySettings,
  type OutgoingMessage,
  type PartitionPlacement,
  type TopicDescription,
} from './kafka.js';
export { appendToOutbox, dropOutboxNotifyTrigger, OUTBOX_CHANNEL, transactThenWakeRelay } from './outbox.js';
export { type ParsedMessage, parseMessage } from './parse-message.js';
export { provisionServiceAccess, scramOverTls, servicePrincipals } from './provision.js';
export { OutboxRelay, relayLockSession } from './relay.js';
export { type SafeError, safeError, safeErrorDescription } from './safe-errors.js';
export { isTransientError } from './transient.js';

import type { EventBus, IncomingMessage } from './kafka.js';
import { safeErrorDescription } from './safe-errors.js';

export { safeErrorDescription };

export type DeadLetterReason =
  | 'INVALID_JSON'
  | 'INVALID_ENVELOPE'
  | 'UNKNOWN_EVENT_VERSION'
  | 'INVALID_DATA'
  | 'UNSUPPORTED_VERSION'
  | 'HANDLER_FAILED'
  | 'HELD_BEHIND_DEAD_LETTER';

export interface DeadLetter {
  reason: DeadLetterReason;
  /**
   * Why. An error is described by class, code and constraint only (`safeErrorDescription`), never by its message,
   * which for a database error holds the statement's values. A string must be our own text naming no value (an
   * event type and version, an event id, a schema path): headers are copied wherever the dead letter goes.
   */
  error: unknown;
  attempts: number;
  consumerGroup: string;
}

/** Sends the original bytes to the dead-letter topic with headers naming where they came from and why (no values). */
export async function sendToDeadLetterTopic(
  bus: EventBus,
  topic: string,
  message: IncomingMessage,
  letter: DeadLetter,
): Promise<void> {
  await bus.send(topic, [
    {
      key: message.key ?? 'unknown',
      value: message.value?.toString('utf8') ?? '',
      headers: {
        ...message.headers,
        'dlq-origin-topic': message.topic,
        'dlq-origin-partition': String(message.partition),
        'dlq-origin-offset': message.offset,
        'dlq-reason': letter.reason,
        'dlq-error': describe(letter.error).slice(0, 2_000),
        'dlq-attempts': String(letter.attempts),
        'dlq-consumer-group': letter.consumerGroup,
        'dlq-failed-at': new Date().toISOString(),
      },
    },
  ]);
}

const describe = (error: unknown): string => (typeof error === 'string' ? error : safeErrorDescription(error));

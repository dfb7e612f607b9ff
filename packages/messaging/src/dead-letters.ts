import type { EventBus, IncomingMessage } from './kafka.js';

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
  error: string;
  attempts: number;
  consumerGroup: string;
}

/** Sends the original bytes to the dead-letter topic with headers naming where they came from and why. */
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
        'dlq-error': letter.error.slice(0, 2_000),
        'dlq-attempts': String(letter.attempts),
        'dlq-consumer-group': letter.consumerGroup,
        'dlq-failed-at': new Date().toISOString(),
      },
    },
  ]);
}

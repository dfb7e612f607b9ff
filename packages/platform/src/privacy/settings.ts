import { Type } from '@sinclair/typebox';

const DAY_MS = 24 * 60 * 60 * 1_000;

/** How long the plumbing keeps what it no longer needs, and when her personal content is anonymised (docs/security.md). */
export const PrivacySettings = Type.Object({
  PRIVACY_SWEEP_SECONDS: Type.Integer({
    minimum: 0,
    default: 3_600,
    description: 'how often the purge and the anonymisation run (0 switches both off)',
  }),
  OUTBOX_RETENTION_DAYS: Type.Integer({
    minimum: 1,
    default: 7,
    description: 'published outbox rows (whole event payloads) are deleted this many days after publication',
  }),
  INBOX_RETENTION_DAYS: Type.Integer({
    minimum: 1,
    default: 60,
    description:
      'inbox rows of applied events are deleted this many days after processing; longer than KAFKA_TOPIC_RETENTION_MS, ' +
      'so an event still on its topic is always recognised as already applied',
  }),
  DEAD_LETTER_RETENTION_DAYS: Type.Integer({
    minimum: 1,
    default: 90,
    description:
      'inbox rows of dead-lettered and held events are deleted this many days after, unless her events are still held',
  }),
  ANONYMISE_AFTER_DAYS: Type.Integer({
    minimum: 1,
    default: 730,
    description: 'her personal content is replaced this many days after the date of her latest release',
  }),
});

/**
 * An inbox row kept for less time than its event stays on the topic would let a redelivery (a reset offset, a new
 * consumer group) apply the event twice: such a setting stops the service at start-up.
 */
export function checkRetention(config: { INBOX_RETENTION_DAYS: number; KAFKA_TOPIC_RETENTION_MS: number }): void {
  const topicKeepsForever = config.KAFKA_TOPIC_RETENTION_MS < 0;
  if (topicKeepsForever || config.INBOX_RETENTION_DAYS * DAY_MS <= config.KAFKA_TOPIC_RETENTION_MS) {
    throw new Error(
      'INBOX_RETENTION_DAYS must be longer than KAFKA_TOPIC_RETENTION_MS: an event still on its topic could be applied twice',
    );
  }
}

export const daysBefore = (now: Date, days: number): Date => new Date(now.getTime() - days * DAY_MS);

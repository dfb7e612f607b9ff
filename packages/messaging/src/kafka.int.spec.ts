import { randomUUID } from 'node:crypto';
import { eventually, testInfra, uniqueTopicPrefix } from '@resettle/testing';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { createEventBus, type IncomingMessage } from './kafka.js';

describe('the event bus against the real Kafka broker', () => {
  const bus = createEventBus({
    brokers: testInfra().kafkaBrokers,
    clientId: 'bus-test',
    logger: pino({ level: 'warn' }),
  });
  const topic = `${uniqueTopicPrefix('bus')}round-trip`;
  afterAll(() => bus.close());

  it('produces and consumes every message, in order per key, and reports zero lag after', async () => {
    await bus.ensureTopics([topic]);
    const keys = ['A1111AA', 'B2222BB', 'C3333CC'];
    const sent = Array.from({ length: 60 }, (_, index) => ({ key: keys[index % 3]!, value: String(index) }));
    await bus.send(topic, sent);

    const received: IncomingMessage[] = [];
    const subscription = await bus.subscribe({
      groupId: `bus-test-${randomUUID()}`,
      topics: [topic],
      handle: async (message) => void received.push(message),
    });
    try {
      await eventually(() => expect(received).toHaveLength(60));
      for (const key of keys) {
        const values = received.filter((message) => message.key === key).map((m) => Number(m.value?.toString()));
        expect(values).toEqual([...values].sort((a, b) => a - b));
        expect(values).toHaveLength(20);
      }
      await eventually(async () => expect(await subscription.lag()).toBe(0));
    } finally {
      await subscription.stop();
    }
  });
});

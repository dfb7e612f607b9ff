import { randomUUID } from 'node:crypto';
import { eventually, testInfra, uniqueTopicPrefix } from '@resettle/testing';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { createEventBus } from './kafka.js';

const MESSAGES = 8_000;
const padding = 'x'.repeat(600);

describe('reading topics side by side by the time their messages were written, on the real broker', () => {
  const bus = createEventBus({
    brokers: testInfra().kafkaBrokers,
    clientId: 'in-step',
    logger: pino({ level: 'warn' }),
  });
  afterAll(() => bus.close());

  it('holds back a topic written later until the earlier one has been read', async () => {
    const prefix = uniqueTopicPrefix('instep');
    const [earlier, later] = [`${prefix}earlier`, `${prefix}later`];
    await bus.ensureTopics([earlier, later], 1);
    const messages = (topic: string) =>
      Array.from({ length: MESSAGES }, (_, index) => ({
        key: `A${index % 50}`,
        value: `${topic} ${index} ${padding}`,
      }));
    for (let start = 0; start < MESSAGES; start += 1_000)
      await bus.send(earlier, messages(earlier).slice(start, start + 1_000));
    await new Promise((pause) => setTimeout(pause, 50));
    for (let start = 0; start < MESSAGES; start += 1_000)
      await bus.send(later, messages(later).slice(start, start + 1_000));

    const order: string[] = [];
    const subscription = await bus.subscribe({
      groupId: `in-step-${randomUUID()}`,
      topics: [earlier, later],
      maxBatchSize: 10_000,
      inStepWithinMs: 0,
      handleBatch: async (batch) => void order.push(...batch.map((message) => message.topic)),
    });
    try {
      await eventually(() => expect(order).toHaveLength(2 * MESSAGES), 60_000);
    } finally {
      await subscription.stop();
    }
    // The first fetch brings a batch of each; after that, nothing of the later topic until the earlier is read.
    const laterBeforeEarlierEnds = order.slice(0, order.lastIndexOf(earlier)).filter((topic) => topic === later);
    expect(laterBeforeEarlierEnds.length).toBeLessThan(MESSAGES / 3);
  }, 120_000);
});

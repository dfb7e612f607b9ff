import { randomUUID } from 'node:crypto';
import { eventually, testInfra, uniqueTopicPrefix } from '@resettle/testing';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createEventBus, type IncomingMessage } from './kafka.js';

/** Keeps the event loop busy, as compiling a service's schemas does while it starts. */
function blockEventLoop(ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // busy
  }
}

describe('a consumer evicted from its group by a busy start-up', () => {
  it('re-joins and goes on consuming, logged as a warning, not an error', async () => {
    const logged: { level: number; kafka?: string; note?: string }[] = [];
    const bus = createEventBus({
      brokers: testInfra().kafkaBrokers,
      clientId: 'bus-evicted',
      logger: pino({ level: 'warn' }, { write: (line: string) => void logged.push(JSON.parse(line)) }),
      sessionTimeoutMs: 3_000,
    });
    const topic = `${uniqueTopicPrefix('bus')}evicted`;
    await bus.ensureTopics([topic]);
    const received: IncomingMessage[] = [];
    const subscription = await bus.subscribe({
      groupId: `bus-evicted-${randomUUID()}`,
      topics: [topic],
      handle: async (message) => void received.push(message),
    });
    try {
      await bus.send(topic, [{ key: 'A1111AA', value: 'before' }]);
      await eventually(() => expect(received).toHaveLength(1));
      blockEventLoop(4_500);
      await bus.send(topic, [{ key: 'A1111AA', value: 'after' }]);
      await eventually(() => expect(received.map((message) => message.value?.toString())).toContain('after'), 20_000);

      const evicted = logged.filter((line) => line.kafka?.includes('not aware of this member'));
      expect(evicted.length).toBeGreaterThan(0);
      expect(evicted[0]).toMatchObject({ level: 40, note: expect.stringMatching(/no heartbeat within the session/) });
      expect(logged.filter((line) => line.level >= 50)).toEqual([]);
    } finally {
      await subscription.stop();
      await bus.close();
    }
  }, 40_000);
});

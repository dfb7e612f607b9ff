import { randomUUID } from 'node:crypto';
import { eventually, type LocalKafkaBroker, ownKafkaBroker } from '@resettle/testing';
import { Kafka, logLevel } from 'kafkajs';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEventBus, type EventBus, type IncomingMessage } from './kafka.js';

// Stops its broker on purpose, so it runs its own instead of the shared one.
describe('a consumer that crashed while its broker was down', () => {
  let broker: LocalKafkaBroker;
  let bus: EventBus;
  const logged: { kafka?: string }[] = [];
  beforeAll(async () => {
    broker = await ownKafkaBroker('rejoin');
    await broker.start();
    bus = createEventBus({
      brokers: [broker.brokers],
      clientId: 'rejoin',
      logger: pino({ level: 'warn' }, { write: (line: string) => void logged.push(JSON.parse(line)) }),
      sessionTimeoutMs: 3_000,
    });
  }, 120_000);
  afterAll(async () => {
    await bus?.close();
    await broker.stop();
    broker.removeData();
  });

  it('comes back to its group as the same member, so the group need not wait out its old session', async () => {
    const topic = 'rejoin-releases';
    const groupId = `rejoin-${randomUUID()}`;
    await bus.ensureTopics([topic]);
    const received: IncomingMessage[] = [];
    const subscription = await bus.subscribe({
      groupId,
      topics: [topic],
      handle: async (message) => void received.push(message),
    });
    try {
      await bus.send(topic, [{ key: 'A1111AA', value: 'before' }]);
      await eventually(() => expect(received).toHaveLength(1), 20_000);
      const before = await membersOf(broker.brokers, groupId);
      expect(before).toHaveLength(1);

      await broker.stop();
      await eventually(() => expect(logged.some((line) => line.kafka?.startsWith('Crash'))).toBe(true), 60_000, 250);
      await broker.start();

      await bus.send(topic, [{ key: 'A1111AA', value: 'after' }]);
      await eventually(() => expect(received.map((message) => message.value?.toString())).toContain('after'), 60_000);
      expect(await membersOf(broker.brokers, groupId)).toEqual(before);
    } finally {
      await subscription.stop();
    }
  }, 180_000);
});

async function membersOf(broker: string, groupId: string): Promise<string[]> {
  const admin = new Kafka({ brokers: [broker], logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const { groups } = await admin.describeGroups([groupId]);
    return (groups[0]?.members ?? []).map((member) => member.memberId);
  } finally {
    await admin.disconnect();
  }
}

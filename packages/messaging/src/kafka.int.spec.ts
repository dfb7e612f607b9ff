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

  /** A bus whose consumers have a 3 s session, and the warnings it logs (an eviction among them). */
  const busWithShortSession = (clientId: string) => {
    const logged: string[] = [];
    const shortSession = createEventBus({
      brokers: testInfra().kafkaBrokers,
      clientId,
      logger: pino({ level: 'warn' }, { write: (line: string) => void logged.push(line) }),
      sessionTimeoutMs: 3_000,
    });
    return { logged, shortSession };
  };

  it('reads the end offsets of topics the moment they are made, while their leaders settle', async () => {
    const fresh = Array.from({ length: 12 }, (_, index) => `${uniqueTopicPrefix('bus')}fresh-${index}`);
    await bus.ensureTopics(fresh);
    const ends = await Promise.all(fresh.map(async (name) => [...(await bus.endOffsets(name)).values()]));
    expect(ends.flat().every((end) => end === 0n)).toBe(true);
    expect(ends.every((partitions) => partitions.length > 0)).toBe(true);
  });

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

  it('keeps an idle member in its group with a short (3 s) session: no eviction, no rejoin', async () => {
    const { logged, shortSession } = busWithShortSession('bus-short-session');
    const idleTopic = `${uniqueTopicPrefix('bus')}idle`;
    await shortSession.ensureTopics([idleTopic]);
    const received: IncomingMessage[] = [];
    const subscription = await shortSession.subscribe({
      groupId: `bus-idle-${randomUUID()}`,
      topics: [idleTopic],
      handle: async (message) => void received.push(message),
    });
    try {
      await new Promise((idle) => setTimeout(idle, 8_000));
      await shortSession.send(idleTopic, [{ key: 'A1111AA', value: 'after a quiet spell' }]);
      await eventually(() => expect(received).toHaveLength(1));
      expect(logged.filter((line) => line.includes('not aware of this member'))).toEqual([]);
    } finally {
      await subscription.stop();
      await shortSession.close();
    }
  }, 30_000);

  it('keeps a member in its group while a batch takes longer than its session: handled once, no eviction', async () => {
    const { logged, shortSession } = busWithShortSession('bus-slow-batch');
    const slowTopic = `${uniqueTopicPrefix('bus')}slow`;
    await shortSession.ensureTopics([slowTopic], 1);
    await shortSession.send(slowTopic, [{ key: 'A1111AA', value: 'takes a while' }]);
    const handled: string[] = [];
    const subscription = await shortSession.subscribe({
      groupId: `bus-slow-${randomUUID()}`,
      topics: [slowTopic],
      handleBatch: async (messages) => {
        // Twice the session: without heartbeats meanwhile the member is evicted and the batch handed out again.
        await new Promise((work) => setTimeout(work, 6_000));
        handled.push(...messages.map((message) => String(message.value)));
      },
    });
    try {
      await eventually(async () => expect(await subscription.lag()).toBe(0), 20_000, 500);
      await new Promise((settle) => setTimeout(settle, 2_000));
      expect(handled).toEqual(['takes a while']);
      expect(logged.filter((line) => line.includes('not aware of this member'))).toEqual([]);
    } finally {
      await subscription.stop();
      await shortSession.close();
    }
  }, 45_000);
});

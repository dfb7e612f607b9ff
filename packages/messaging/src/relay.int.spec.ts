import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { eventually, type LocalKafkaBroker, ownKafkaBroker } from '@resettle/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncomingMessage } from './kafka.js';
import { OutboxRelay, relayLockSession } from './relay.js';
import { cancelledEvent, createHarness, type Harness, quietLogger, writeToOutbox } from './test-support/harness.js';

const PEOPLE = ['A1000AA', 'B2000BB', 'C3000CC', 'D4000DD', 'E5000EE', 'F6000FF', 'G7000GG', 'H8000HH'];

// This file crashes its broker on purpose, so it runs its own instead of the shared one.
describe('outbox relay through a broker crash', () => {
  let broker: LocalKafkaBroker;
  let harness: Harness;
  beforeAll(async () => {
    broker = await ownKafkaBroker('relay-crash');
    await broker.start();
    harness = await createHarness('relaycrash', [broker.brokers]);
  }, 120_000);
  afterAll(async () => {
    await harness?.close();
    await broker.stop();
    broker.removeData();
  });

  it('delivers all 10,000 events, each person in order, when the broker is SIGKILLed and restarted mid-flow', async () => {
    const received: IncomingMessage[] = [];
    const subscription = await harness.bus.subscribe({
      groupId: `watch-${randomUUID()}`,
      topics: [harness.topic],
      handle: async (message) => void received.push(message),
    });
    const relay = new OutboxRelay({
      sql: harness.sql,
      lockSession: relayLockSession(harness.database.url),
      bus: harness.bus,
      logger: quietLogger,
      batchSize: 250,
    });
    await relay.start();
    const events = Array.from({ length: 10_000 }, (_, index) =>
      cancelledEvent(PEOPLE[index % PEOPLE.length]!, String(index)),
    );
    for (let start = 0; start < events.length; start += 500) {
      await writeToOutbox(harness, events.slice(start, start + 500), () => relay.outboxCommitted());
      if (start === 2_000) {
        await broker.kill();
        await sleep(3_000); // long enough for the relay to meet the outage
      }
      if (start === 6_000) await broker.start();
    }
    await eventually(async () => expect(await relay.pendingCount()).toBe(0), 120_000, 250);
    await eventually(() => expect(new Set(received.map(idOf)).size).toBe(10_000), 120_000, 250);
    await relay.stop();
    await subscription.stop();

    expect(new Set(received.map(idOf))).toEqual(new Set(events.map((event) => event.id)));
    for (const person of PEOPLE) {
      const firstSeen = firstOccurrences(received.filter((message) => message.key === person).map(sequenceOf));
      expect(firstSeen).toEqual([...firstSeen].sort((a, b) => a - b));
    }
  }, 240_000);
});

function idOf(message: IncomingMessage): string {
  return message.headers['event-id'] ?? '';
}

function sequenceOf(message: IncomingMessage): number {
  return Number(JSON.parse(message.value?.toString() ?? '{}').data.reason);
}

/** Duplicates are allowed (consumers absorb them); what matters is the order in which each event first arrives. */
function firstOccurrences(sequence: number[]): number[] {
  const seen = new Set<number>();
  return sequence.filter((value) => !seen.has(value) && seen.add(value));
}

import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { eventually, TcpProxy } from '@resettle/testing';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncomingMessage } from './kafka.js';
import { cancelledEvent, createHarness, effectRows, effectsConsumer, type Harness } from './test-support/harness.js';
import * as schema from './test-support/schema.js';

describe('consumer through a database outage and poison messages', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await createHarness('outage');
  });
  afterAll(() => harness.close());

  it('commits no offset and dead-letters nothing while the database is down, then applies everything', async () => {
    const url = new URL(harness.database.url);
    const proxy = new TcpProxy(url.hostname, Number(url.port || 5432));
    url.port = String(await proxy.start());
    const sql = postgres(url.toString(), { max: 2, onnotice: () => {}, connect_timeout: 2 });
    const consumer = effectsConsumer(harness, `outage-${randomUUID()}`, drizzle(sql, { schema }));
    const events = Array.from({ length: 30 }, (_, index) =>
      cancelledEvent(index % 2 ? 'A1000AA' : 'B2000BB', `n${index}`),
    );
    try {
      await consumer.start();
      await proxy.cut();
      await harness.bus.send(
        harness.topic,
        events.map((event) => ({ key: event.personId, value: JSON.stringify(event) })),
      );
      await eventually(() => expect(consumer.stats.transientRetries).toBeGreaterThan(2), 30_000);
      expect(await consumer.lag()).toBeGreaterThan(0);
      await sleep(1_000);
      expect(await consumer.lag()).toBeGreaterThan(0);
      await proxy.restore();
      await eventually(async () => expect(await effectRows(harness.sql)).toHaveLength(30), 30_000);
      await eventually(async () => expect(await consumer.lag()).toBe(0));
      expect(consumer.stats.deadLettered).toBe(0);
      expect((await effectRows(harness.sql)).map((row) => row.event_id).sort()).toEqual(events.map((e) => e.id).sort());
    } finally {
      await consumer.stop();
      await sql.end({ timeout: 1 });
      await proxy.stop();
    }
  });

  it('sends poison messages to the dead-letter topic with their origin, holds that person back, and lets others flow', async () => {
    const letters: IncomingMessage[] = [];
    const watcher = await harness.bus.subscribe({
      groupId: `dlq-watch-${randomUUID()}`,
      topics: ['dlq'],
      handle: async (message) => void letters.push(message),
    });
    const consumer = effectsConsumer(harness, `poison-${randomUUID()}`);
    await harness.sql`delete from effects`;
    const before = cancelledEvent('C3000CC', 'c-before');
    const poison = cancelledEvent('C3000CC', 'poison');
    const after = cancelledEvent('C3000CC', 'c-after');
    const others = [cancelledEvent('D4000DD', 'd1'), cancelledEvent('D4000DD', 'd2')];
    const badJson = { key: 'E5000EE', value: '{"not json' };
    const wrongVersion = { ...cancelledEvent('F6000FF', 'f1'), version: 99 };
    const messages = [before, poison, after, ...others, wrongVersion].map((event) => ({
      key: event.personId,
      value: JSON.stringify(event),
    }));
    await harness.bus.send(harness.topic, [...messages, badJson]);
    try {
      await consumer.start();
      await eventually(() => expect(letters).toHaveLength(4), 30_000);
      await eventually(async () => expect(await consumer.lag()).toBe(0));
      const notes = (await effectRows(harness.sql)).map((row) => row.note).filter((note) => !/^n\d+$/.test(note));
      expect(notes.sort()).toEqual(['c-before', 'd1', 'd2']);
      const byReason = Object.fromEntries(letters.map((letter) => [letter.headers['dlq-reason'], letter.headers]));
      expect(Object.keys(byReason).sort()).toEqual(
        ['HANDLER_FAILED', 'HELD_BEHIND_DEAD_LETTER', 'INVALID_JSON', 'UNKNOWN_EVENT_VERSION'].sort(),
      );
      expect(byReason.HANDLER_FAILED).toMatchObject({
        'dlq-origin-topic': harness.topic,
        'dlq-attempts': '3',
        'dlq-error': 'Error', // the class only: a message may hold values
      });
      expect(byReason.HANDLER_FAILED?.['dlq-origin-partition']).toMatch(/^\d$/);
      expect(byReason.HANDLER_FAILED?.['dlq-origin-offset']).toMatch(/^\d+$/);
    } finally {
      await consumer.stop();
      await watcher.stop();
    }
  });
});

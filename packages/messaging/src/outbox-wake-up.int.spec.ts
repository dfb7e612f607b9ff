import { setTimeout as sleep } from 'node:timers/promises';
import { eventually } from '@resettle/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutboxRelay, relayLockSession } from './relay.js';
import { cancelledEvent, createHarness, type Harness, quietLogger, writeToOutbox } from './test-support/harness.js';

describe("the outbox's trigger wakes the relay, on the real database and broker", () => {
  let harness: Harness;
  let relay: OutboxRelay;
  beforeAll(async () => {
    harness = await createHarness('wakeup');
    // Its safety-net poll is ten minutes away: only the outbox's NOTIFY can make it publish within the test.
    relay = new OutboxRelay({
      sql: harness.sql,
      lockSession: relayLockSession(harness.database.url),
      bus: harness.bus,
      logger: quietLogger,
      pollIntervalMs: 600_000,
    });
    await relay.start();
    await eventually(() => expect(relay.relayLeader).toBe(true));
  });
  afterAll(async () => {
    await relay?.stop();
    await harness?.close();
  });

  it('publishes an event appended while the relay was idle, woken by the commit and not by its poll', async () => {
    await sleep(500);
    await writeToOutbox(harness, [cancelledEvent('A1000AA', 'woken')]);
    await eventually(async () => {
      const [row] = await harness.sql<
        { published: boolean }[]
      >`select published_at is not null as published from outbox`;
      expect(row?.published).toBe(true);
    }, 10_000);
  });
});

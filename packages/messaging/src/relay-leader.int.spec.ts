import { setTimeout as sleep } from 'node:timers/promises';
import { eventually } from '@resettle/testing';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutboxRelay, relayLockSession } from './relay.js';
import { cancelledEvent, createHarness, type Harness, quietLogger, writeToOutbox } from './test-support/harness.js';

/** Ends the database session holding the relay lock, as a dropped connection or a database restart would. */
const dropLeaderConnection = (harness: Harness) => harness.sql`
  select pg_terminate_backend(pid) from pg_locks where locktype = 'advisory' and objid = 7355608 and granted`;

/** Two instances' relays on one database, each with its own pool as separate processes would have. */
function twoRelays(harness: Harness, options: { pollIntervalMs?: number } = {}) {
  const pools = [0, 1].map(() => postgres(harness.database.url, { max: 3, onnotice: () => {} }));
  const [first, second] = pools.map(
    (sql) =>
      new OutboxRelay({
        sql,
        lockSession: relayLockSession(harness.database.url),
        bus: harness.bus,
        logger: quietLogger,
        leaderPollMs: 100,
        ...options,
      }),
  ) as [OutboxRelay, OutboxRelay];
  const stop = async () => {
    await Promise.all([first.stop(0), second.stop(0)]);
    await Promise.all(pools.map((sql) => sql.end({ timeout: 2 })));
  };
  return { first, second, stop };
}

describe('outbox relays of several instances on one database', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await createHarness('relayleader');
  });
  afterAll(() => harness.close());

  it('lets one lead at a time, and the other take over and publish what is pending when the leader stops', async () => {
    const { first, second, stop } = twoRelays(harness);
    try {
      await first.start();
      await eventually(() => expect(first.relayLeader).toBe(true));
      await second.start();
      await sleep(400);
      expect(second.relayLeader).toBe(false);

      await first.stop();
      expect(first.relayLeader).toBe(false);
      const events = ['A1000AA', 'B2000BB', 'A1000AA'].map((person, index) => cancelledEvent(person, `n${index}`));
      await writeToOutbox(harness, events);
      await eventually(() => expect(second.relayLeader).toBe(true));
      // The count goes up once the relay has seen its update answered; another connection may see the commit first.
      await eventually(() => expect(second.published).toBe(events.length));
      expect(await second.pendingCount()).toBe(0);
      expect(first.published).toBe(0);
    } finally {
      await stop();
    }
  });

  it('stops publishing when its lock is lost with its connection, while the other leads', async () => {
    const { first, second, stop } = twoRelays(harness, { pollIntervalMs: 100 });
    try {
      await first.start();
      await eventually(() => expect(first.relayLeader).toBe(true));
      await second.start();

      const [dropped] = await dropLeaderConnection(harness);
      expect(dropped).toBeDefined();
      await eventually(() => expect(second.relayLeader).toBe(true));
      // Written on the first's instance, which still thinks it leads and still hears the outbox's NOTIFY on its pool:
      // without its look at the lock it would publish too.
      const events = ['A1000AA', 'B2000BB'].map((person, index) => cancelledEvent(person, `lost${index}`));
      await writeToOutbox(harness, events, () => first.outboxCommitted());
      await eventually(() => expect(second.published).toBe(events.length));
      await eventually(() => expect(first.relayLeader).toBe(false));
      await sleep(300);
      expect(first.published).toBe(0);
      expect(second.published).toBe(events.length);
    } finally {
      await stop();
    }
  });
});

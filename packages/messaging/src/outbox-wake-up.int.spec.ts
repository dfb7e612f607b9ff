import { eventually } from '@resettle/testing';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendToOutbox, dropOutboxNotifyTrigger, transactThenWakeRelay } from './outbox.js';
import { OutboxRelay, relayLockSession } from './relay.js';
import { cancelledEvent, createHarness, type Harness, quietLogger, writeToOutbox } from './test-support/harness.js';

/** A relay whose safety-net poll is ten minutes away: only a wake-up can make it publish within a test. */
function sleepyRelay(harness: Harness, sql = harness.sql): OutboxRelay {
  return new OutboxRelay({
    sql,
    lockSession: relayLockSession(harness.database.url),
    bus: harness.bus,
    logger: quietLogger,
    pollIntervalMs: 600_000,
    leaderPollMs: 100,
  });
}

const publishedCount = async (harness: Harness) =>
  (
    await harness.sql<{ published: number }[]>`
    select count(*)::int as published from outbox where published_at is not null`
  )[0]?.published;

describe('the relay is woken by the commit that wrote its outbox, on the real database and broker', () => {
  let harness: Harness;
  let leader: OutboxRelay;
  let followerPool: postgres.Sql;
  let follower: OutboxRelay;
  beforeAll(async () => {
    harness = await createHarness('wakeup');
    leader = sleepyRelay(harness);
    await leader.start();
    await eventually(() => expect(leader.relayLeader).toBe(true));
    // Another instance of the service: its own pool, its relay waiting for the lock.
    followerPool = postgres(harness.database.url, { max: 2, onnotice: () => {} });
    follower = sleepyRelay(harness, followerPool);
    await follower.start();
  });
  afterAll(async () => {
    await follower?.stop(0);
    await leader?.stop();
    await followerPool?.end({ timeout: 1 });
    await harness?.close();
  });

  it('publishes at once what a write in the leading instance committed', async () => {
    await writeToOutbox(harness, [cancelledEvent('A1000AA', 'woken')], () => leader.outboxCommitted());
    await eventually(async () => expect(await publishedCount(harness)).toBe(1), 10_000);
  });

  it("publishes what another instance's write committed, told by that instance's NOTIFY", async () => {
    expect(follower.relayLeader).toBe(false);
    const events = ['B2000BB', 'C3000CC'].map((person) => cancelledEvent(person, 'from-the-follower'));
    await writeToOutbox(harness, events, () => follower.outboxCommitted());
    await eventually(async () => expect(await publishedCount(harness)).toBe(3), 10_000);
    expect(follower.published).toBe(0);
  });

  it('wakes no one for a transaction that rolled back or wrote nothing to the outbox', async () => {
    let wakeUps = 0;
    const wake = () => {
      wakeUps += 1;
    };
    await transactThenWakeRelay(harness.db, async () => {}, wake);
    await expect(
      transactThenWakeRelay(
        harness.db,
        async (tx) => {
          await appendToOutbox(tx, [cancelledEvent('D4000DD', 'rolled-back')]);
          throw new Error('the write is refused');
        },
        wake,
      ),
    ).rejects.toThrow('the write is refused');
    expect(wakeUps).toBe(0);
    await writeToOutbox(harness, [cancelledEvent('D4000DD', 'kept')], wake);
    expect(wakeUps).toBe(1);
  });

  it('sends no NOTIFY inside a write: the trigger an older outbox had is dropped at start', async () => {
    await harness.sql.unsafe(`
      CREATE FUNCTION outbox_wakes_relay() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM pg_notify('resettle_outbox', ''); RETURN NULL; END; $$;
      CREATE TRIGGER outbox_wakes_relay AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_wakes_relay();`);
    await dropOutboxNotifyTrigger(harness.sql);
    const triggers = await harness.sql`
      select tgname from pg_trigger where tgrelid = 'outbox'::regclass and not tgisinternal`;
    expect(triggers).toEqual([]);
  });
});

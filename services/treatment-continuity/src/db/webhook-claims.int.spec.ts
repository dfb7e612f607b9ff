import { holdTransactionLock } from '@resettle/messaging';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { releaseScheduled } from '../test-support/fixtures.js';
import { admin, type Harness, startHarness } from '../test-support/harness.js';
import { CLAIM_LOCK, claimDueDeliveries, queueDeliveries } from './webhook-deliveries.js';

describe('webhook claims by two instances at once', () => {
  let harness: Harness;
  beforeAll(async () => {
    // The service's own worker looks once at start (nothing is due) and not again during the test.
    harness = await startHarness({ WEBHOOK_POLL_MS: '3600000' });
    const registered = await harness.service.call(admin, 'PUT', '/api/providers/provider-a', {
      name: 'Provider A',
      webhookUrl: 'http://127.0.0.1:9/hooks',
    });
    expect(registered.status).toBe(200);
    const other = await harness.service.call(admin, 'PUT', '/api/providers/provider-b', {
      name: 'Provider B',
      webhookUrl: 'http://127.0.0.1:9/hooks',
    });
    expect(other.status).toBe(200);
  });
  afterAll(async () => {
    await harness.close();
  });

  it('lets the second claim only once the first has committed its leases, so it takes none of her later messages', async () => {
    const { db } = harness.service.context;
    const messages = Array.from({ length: 25 }, () => releaseScheduled('W4001AA'));
    await queueDeliveries(db, 'provider-a', messages);
    const leaseUntil = new Date(Date.now() + 60_000);

    let commitFirst = () => {};
    const firstHolds = new Promise<void>((resolve) => {
      commitFirst = resolve;
    });
    let firstClaimed = () => {};
    const claimedByFirst = new Promise<void>((resolve) => {
      firstClaimed = resolve;
    });
    // The first instance, part-way through its claim: the lock taken, the first 20 leased, not yet committed.
    const first = db.transaction(async (tx) => {
      await holdTransactionLock(tx, CLAIM_LOCK);
      await tx.execute(sql`
        update webhook_deliveries set next_attempt_at = ${leaseUntil.toISOString()}::timestamptz
        where id in (select id from webhook_deliveries where provider_id = 'provider-a' order by queued_seq limit 20)`);
      firstClaimed();
      await firstHolds;
    });
    await claimedByFirst;
    const second = claimDueDeliveries(db, leaseUntil);
    const settledEarly = await Promise.race([
      second.then(() => true),
      new Promise((resolve) => setTimeout(() => resolve(false), 300)),
    ]);
    commitFirst();
    await first;
    expect(settledEarly).toBe(false);
    expect(await second).toEqual([]);
  });

  it("claims another woman's message behind one of hers that is leased, and none of her later ones", async () => {
    const { db } = harness.service.context;
    const [hers, herLater] = [releaseScheduled('W4002AA'), releaseScheduled('W4002AA')];
    const another = releaseScheduled('W4003AA');
    await queueDeliveries(db, 'provider-b', [hers, herLater, another]);
    const leaseUntil = new Date(Date.now() + 60_000);
    await db.execute(sql`
      update webhook_deliveries set next_attempt_at = ${leaseUntil.toISOString()}::timestamptz
      where event_id = ${hers.id}`);
    const claimed = await claimDueDeliveries(db, leaseUntil);
    expect(claimed.map(({ delivery }) => delivery.eventId)).toEqual([another.id]);
  });
});

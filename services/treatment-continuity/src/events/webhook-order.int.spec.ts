import { eventually } from '@resettle/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { queueDeliveries } from '../db/webhook-deliveries.js';
import { releaseScheduled } from '../test-support/fixtures.js';
import { admin, type Harness, startHarness } from '../test-support/harness.js';
import { webhookReceiver } from '../test-support/webhook-receiver.js';

type Receiver = Awaited<ReturnType<typeof webhookReceiver>>;

describe("a provider's webhooks due in the same round", () => {
  let harness: Harness;
  let receiver: Receiver | undefined;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterEach(async () => {
    await receiver?.close();
  });
  afterAll(async () => {
    await harness.close();
  });

  /** Points provider A at a fresh receiver, then queues `count` messages for her in one insert, as one change does. */
  async function queuedFor(personId: string, count: number, receiving: Receiver): Promise<string[]> {
    receiver = receiving;
    const registered = await harness.service.call(admin, 'PUT', '/api/providers/provider-a', {
      name: 'Provider A',
      webhookUrl: receiving.url,
    });
    expect(registered.status).toBe(200);
    const messages = Array.from({ length: count }, () => releaseScheduled(personId));
    await queueDeliveries(harness.service.context.db, 'provider-a', messages);
    return messages.map((message) => message.id);
  }
  const arrivedIds = (receiving: Receiver) => receiving.received.map((hook) => hook.headers['webhook-id']);

  it('posts them one at a time, in the order they were queued', async () => {
    const receiving = await webhookReceiver(0, { holdMs: 150 });
    const queued = await queuedFor('W3001AA', 4, receiving);
    await eventually(() => expect(arrivedIds(receiving)).toHaveLength(4), 20_000);
    expect(arrivedIds(receiving)).toEqual(queued);
    expect(receiving.mostAtOnce()).toBe(1);
  });

  it('holds the rest behind one that must be tried again, so none overtakes it', async () => {
    const receiving = await webhookReceiver(1);
    const [first, second, third] = await queuedFor('W3002AA', 3, receiving);
    await eventually(() => expect(arrivedIds(receiving)).toHaveLength(4), 20_000);
    expect(arrivedIds(receiving)).toEqual([first, first, second, third]);
  });
});

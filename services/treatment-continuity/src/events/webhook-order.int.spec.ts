import { eventually } from '@resettle/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { queueDeliveries } from '../db/webhook-deliveries.js';
import { releaseScheduled } from '../test-support/fixtures.js';
import { admin, type Harness, providerA, startHarness } from '../test-support/harness.js';
import { webhookReceiver } from '../test-support/webhook-receiver.js';

type Receiver = Awaited<ReturnType<typeof webhookReceiver>>;

describe("the order of a woman's webhooks to a provider", () => {
  let harness: Harness;
  let lastReceiver: Receiver | undefined;
  beforeAll(async () => {
    // Retries a second or more apart, so a message queued meanwhile would have time to overtake one.
    harness = await startHarness({ WEBHOOK_RETRY_BASE_MS: '1500' });
  });
  afterEach(async () => {
    await lastReceiver?.close();
  });
  afterAll(async () => {
    await harness.close();
  });

  /** Registers `receiver` as provider A's webhook endpoint. */
  async function providerAt(receiver: Receiver): Promise<Receiver> {
    lastReceiver = receiver;
    const registered = await harness.service.call(admin, 'PUT', '/api/providers/provider-a', {
      name: 'Provider A',
      webhookUrl: receiver.url,
    });
    expect(registered.status).toBe(200);
    return receiver;
  }
  /** Queues `count` messages for provider A in one insert, as one change does; their ids in order. */
  async function queued(personId: string, count: number): Promise<string[]> {
    const messages = Array.from({ length: count }, () => releaseScheduled(personId));
    await queueDeliveries(harness.service.context.db, 'provider-a', messages);
    return messages.map((message) => message.id);
  }
  const arrivedIds = (receiver: Receiver) => receiver.received.map((hook) => hook.headers['webhook-id']);

  it('posts them one at a time, in the order they were queued', async () => {
    const provider = await providerAt(await webhookReceiver(0, { holdMs: 150 }));
    const ids = await queued('W3001AA', 4);
    await eventually(() => expect(arrivedIds(provider)).toHaveLength(4), 20_000);
    expect(arrivedIds(provider)).toEqual(ids);
    expect(provider.mostAtOnce()).toBe(1);
  });

  it('holds the rest behind one that must be tried again, so none overtakes it', async () => {
    const provider = await providerAt(await webhookReceiver(1));
    const [first, second, third] = await queued('W3002AA', 3);
    await eventually(() => expect(arrivedIds(provider)).toHaveLength(4), 20_000);
    expect(arrivedIds(provider)).toEqual([first, first, second, third]);
  });

  it("sends another woman's message while one of hers waits for its retry", async () => {
    const provider = await providerAt(await webhookReceiver(1));
    const [hers] = await queued('W3004AA', 1);
    const [another] = await queued('W3005AA', 1);
    await eventually(() => expect(arrivedIds(provider)).toHaveLength(3), 20_000);
    expect(arrivedIds(provider)).toEqual([hers, another, hers]);
  });

  it('keeps a message queued later behind one waiting for its retry', async () => {
    const provider = await providerAt(await webhookReceiver(1));
    const [first] = await queued('W3003AA', 1);
    await eventually(() => expect(arrivedIds(provider)).toEqual([first]), 20_000); // refused; retried in 1.2–1.5 s
    const [later] = await queued('W3003AA', 1);
    // Her provider sees why the later one has not gone: it waits behind the first.
    const listing = await harness.service.call(providerA, 'GET', '/api/provider/webhook-deliveries');
    const listed: { id: string; eventId: string; waitingBehind: string | null }[] = listing.body;
    const byEvent = new Map(listed.map((delivery) => [delivery.eventId, delivery]));
    expect(byEvent.get(later!)?.waitingBehind).toBe(byEvent.get(first!)?.id);
    expect(byEvent.get(first!)?.waitingBehind).toBeNull();
    await eventually(() => expect(arrivedIds(provider)).toHaveLength(3), 20_000);
    expect(arrivedIds(provider)).toEqual([first, first, later]);
  });
});

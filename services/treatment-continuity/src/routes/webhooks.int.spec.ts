import { eventually } from '@resettle/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWebhook } from '../domain/index.js';
import { releaseRescheduled } from '../test-support/fixtures.js';
import {
  admin,
  femaleKeyWorker,
  type Harness,
  nurse,
  providerA,
  providerB,
  startHarness,
} from '../test-support/harness.js';
import { type ReceivedWebhook, webhookReceiver } from '../test-support/webhook-receiver.js';

type Delivery = {
  id: string;
  eventId: string;
  eventType: string;
  status: string;
  attempts: number;
  log: { statusCode: number | null }[];
};

describe('signed webhooks for a provider without Kafka', () => {
  let harness: Harness;
  let receiver: Awaited<ReturnType<typeof webhookReceiver>>;
  let secret: string;

  beforeAll(async () => {
    harness = await startHarness();
    receiver = await webhookReceiver(2);
    const registered = await harness.service.call(admin, 'PUT', '/api/providers/provider-a', {
      name: 'Provider A',
      webhookUrl: receiver.url,
    });
    expect(registered.status).toBe(200);
    secret = registered.body.webhookSecret;
  });
  afterAll(async () => {
    await harness.close();
    await receiver.close();
  });

  const hooksFor = (personId: string) => receiver.received.filter((hook) => hook.body.includes(personId));
  const verified = (hook: ReceivedWebhook) =>
    verifyWebhook(
      secret,
      hook.headers['x-resettle-signature'],
      hook.headers['x-resettle-timestamp'] ?? '',
      hook.body,
      new Date().toISOString(),
    );
  const deliveriesOf = async (caller = providerA): Promise<Delivery[]> =>
    (await harness.service.call(caller, 'GET', '/api/provider/webhook-deliveries')).body;

  it('sends a booked handoff to the provider topic and, signed, to its webhook: delivered once after two failures', async () => {
    const { reply } = await harness.bookFor('W1001AA');
    expect(reply.status).toBe(201);
    await eventually(() =>
      expect(harness.typesFor('W1001AA').sort()).toEqual([
        'treatment.handoff.booked',
        'treatment.handoff.logistics',
        'treatment.handoff.sent',
      ]),
    );
    await eventually(() => expect(hooksFor('W1001AA')).toHaveLength(3));
    const [first, , delivered] = hooksFor('W1001AA');
    expect(verified(delivered!)).toEqual([]);
    expect(verified({ ...delivered!, body: delivered!.body.replace('W1001AA', 'W9999ZZ') })).not.toEqual([]);
    const sent = harness.eventsFor('W1001AA').find((event) => event.type === 'treatment.handoff.sent')!;
    expect(JSON.parse(delivered!.body)).toEqual(sent);
    expect(delivered!.headers['x-resettle-event-id']).toBe(sent.id);
    expect(first!.headers['x-resettle-event-id']).toBe(sent.id);
    await eventually(async () => {
      const [delivery] = await deliveriesOf();
      expect(delivery).toMatchObject({ eventId: sent.id, status: 'delivered', attempts: 3 });
      expect(delivery!.log.map((attempt) => attempt.statusCode)).toEqual([503, 503, 204]);
    });
    await new Promise((settle) => setTimeout(settle, 300));
    expect(hooksFor('W1001AA')).toHaveLength(3);
  });

  it('replays a delivery on request, with the same event id so the receiver can drop the repeat', async () => {
    const [delivery] = await deliveriesOf();
    expect(
      (await harness.service.call(providerB, 'POST', `/api/provider/webhook-deliveries/${delivery!.id}/replay`)).status,
    ).toBe(404);
    const replay = await harness.service.call(
      providerA,
      'POST',
      `/api/provider/webhook-deliveries/${delivery!.id}/replay`,
    );
    expect(replay.status).toBe(200);
    await eventually(async () => expect((await deliveriesOf())[0]).toMatchObject({ status: 'delivered', attempts: 4 }));
    const hooks = hooksFor('W1001AA');
    expect(hooks).toHaveLength(4);
    expect(hooks[3]!.headers['x-resettle-event-id']).toBe(delivery!.eventId);
    expect(await deliveriesOf(providerB)).toEqual([]);
  });

  it('tells the provider of a changed appointment and of a moved release', async () => {
    const { scheduled, id } = await harness.bookFor('W1002AA');
    await harness.service.call(providerA, 'POST', `/api/provider/handoffs/${id}/accept`, femaleKeyWorker);
    const changed = await harness.service.call(nurse, 'PUT', `/api/handoffs/${id}/appointment`, {
      firstAppointment: { at: '2026-11-18T14:30:00Z', place: 'Community drug service' },
    });
    expect(changed.status).toBe(200);
    await harness.publishRelease(releaseRescheduled(scheduled, '2026-11-17'));
    const types = () => hooksFor('W1002AA').map((hook) => JSON.parse(hook.body).type);
    await eventually(() =>
      expect(types()).toEqual([
        'treatment.handoff.sent',
        'treatment.handoff.appointment-changed',
        'treatment.handoff.needs-reconfirmation',
      ]),
    );
    expect(hooksFor('W1002AA').every((hook) => verified(hook).length === 0)).toBe(true);
  });

  it('tells the provider, signed, when prison healthcare withdraws the handoff', async () => {
    const { id } = await harness.bookFor('W1004AA');
    const withdrawn = await harness.service.call(nurse, 'POST', `/api/handoffs/${id}/withdraw`, {
      reason: 'Booked with the wrong provider',
    });
    expect(withdrawn.status).toBe(200);
    const bodies = () => hooksFor('W1004AA').map((hook) => JSON.parse(hook.body));
    await eventually(() =>
      expect(bodies().map((body) => body.type)).toEqual(['treatment.handoff.sent', 'treatment.handoff.withdrawn']),
    );
    expect(bodies()[1].data).toMatchObject({ handoffId: id, reason: 'Booked with the wrong provider' });
    expect(hooksFor('W1004AA').every((hook) => verified(hook).length === 0)).toBe(true);
  });

  it('queues nothing for the provider without consent to share', async () => {
    const { reply, id } = await harness.bookFor('W1003AA', 'provider-a', { consentToShare: false });
    expect(reply.body.status).toBe('blocked-no-consent');
    await harness.service.call(nurse, 'PUT', `/api/handoffs/${id}/appointment`, {
      firstAppointment: { at: '2026-11-18T14:30:00Z', place: 'Community drug service' },
    });
    await eventually(() =>
      expect(harness.typesFor('W1003AA').sort()).toEqual([
        'treatment.handoff.appointment-changed',
        'treatment.handoff.booked',
        'treatment.handoff.logistics',
        'treatment.handoff.logistics',
      ]),
    );
    await new Promise((settle) => setTimeout(settle, 300));
    expect(hooksFor('W1003AA')).toEqual([]);
    expect((await deliveriesOf()).some((delivery) => delivery.eventType === 'treatment.handoff.booked')).toBe(false);
  });
});

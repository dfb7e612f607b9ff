import { randomUUID } from 'node:crypto';
import { type EventEnvelope, TOPICS, topicName } from '@resettle/contracts';
import { createEventBus } from '@resettle/messaging';
import type { Caller } from '@resettle/platform';
import { startTestService, type TestService } from '@resettle/platform/testing';
import { eventually, testInfra } from '@resettle/testing';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { treatmentContinuity } from '../app.js';
import { verifyWebhook } from '../domain/index.js';
import { booking, releaseRescheduled, releaseScheduled } from '../test-support/fixtures.js';
import { webhookReceiver } from '../test-support/webhook-receiver.js';

const nurse: Caller = { sub: 'nurse-1', roles: ['prison-healthcare'], prison: 'DWI' };
const admin: Caller = { sub: 'admin-1', roles: ['admin'] };
const providerA: Caller = { sub: 'worker-a', roles: ['provider'], organisation: 'provider-a' };
const providerB: Caller = { sub: 'worker-b', roles: ['provider'], organisation: 'provider-b' };
const femaleKeyWorker = { keyWorker: { name: 'Key Worker', gender: 'female' }, appointmentConfirmed: true };

describe('treatment-continuity on the real broker and database', () => {
  let service: TestService;
  const bus = createEventBus({
    brokers: testInfra().kafkaBrokers,
    clientId: 'tc-test',
    logger: pino({ level: 'silent' }),
  });
  const seen: EventEnvelope[] = [];
  let stopWatching: () => Promise<void>;
  let receiver: Awaited<ReturnType<typeof webhookReceiver>>;
  let webhookSecret: string;

  beforeAll(async () => {
    service = await startTestService(treatmentContinuity, {
      clock: () => new Date('2026-11-02T10:00:00Z'),
      env: { WEBHOOK_RETRY_BASE_MS: '20', WEBHOOK_POLL_MS: '50' },
    });
    receiver = await webhookReceiver(2);
    const registered = await service.call(admin, 'PUT', '/api/providers/provider-a', {
      name: 'Provider A',
      webhookUrl: receiver.url,
    });
    webhookSecret = registered.body.webhookSecret;
    const topics = [TOPICS.treatmentContinuity, TOPICS.providerHandoffs].map((topic) =>
      topicName(topic, service.topicPrefix),
    );
    const watch = await bus.subscribe({
      groupId: `watch-${randomUUID()}`,
      topics,
      handle: async (message) => void seen.push(JSON.parse(message.value!.toString())),
    });
    stopWatching = watch.stop;
  });
  afterAll(async () => {
    await stopWatching();
    await bus.close();
    await service.close();
    await receiver.close();
  });

  const releaseTopic = () => topicName(TOPICS.releaseScheduling, service.topicPrefix);
  const publishRelease = (event: EventEnvelope) =>
    bus.send(releaseTopic(), [{ key: event.personId, value: JSON.stringify(event) }]);
  const typesFor = (personId: string) => seen.filter((event) => event.personId === personId).map((event) => event.type);

  async function bookFor(personId: string, providerId = 'provider-a', changes: Record<string, unknown> = {}) {
    const scheduled = releaseScheduled(personId);
    await publishRelease(scheduled);
    const releaseId = (scheduled.data as { releaseId: string }).releaseId;
    const reply = await eventually(async () => {
      const attempt = await service.call(
        nurse,
        'POST',
        '/api/handoffs',
        booking(personId, releaseId, providerId, changes),
      );
      expect(attempt.status, JSON.stringify(attempt.body)).not.toBe(400);
      return attempt;
    });
    return { scheduled, reply };
  }

  it('sends a booked handoff to the provider topic and, signed, to its webhook (delivered after two failures)', async () => {
    const { reply } = await bookFor('B1001AA');
    expect(reply.status).toBe(201);
    expect(reply.body.status).toBe('sent');
    await eventually(() => expect(typesFor('B1001AA')).toEqual(['treatment.handoff.booked', 'treatment.handoff.sent']));
    await eventually(() => expect(receiver.received).toHaveLength(3));
    const delivered = receiver.received[2]!;
    const headers = delivered.headers;
    expect(
      verifyWebhook(
        webhookSecret,
        headers['x-resettle-signature']!,
        headers['x-resettle-timestamp']!,
        delivered.body,
        new Date().toISOString(),
      ),
    ).toEqual([]);
    expect(JSON.parse(delivered.body)).toMatchObject({ type: 'treatment.handoff.sent', personId: 'B1001AA' });
    const log = await service.call(providerA, 'GET', '/api/provider/webhook-deliveries');
    expect(log.body[0]).toMatchObject({ status: 'delivered', attempts: 3 });
    expect(log.body[0].log.map((attempt: { statusCode: number }) => attempt.statusCode)).toEqual([503, 503, 204]);
  });

  it('accepts (a female key worker when asked for) and declines, each emitting its event', async () => {
    const { reply } = await bookFor('B1002AA');
    const male = await service.call(providerA, 'POST', `/api/provider/handoffs/${reply.body.id}/accept`, {
      ...femaleKeyWorker,
      keyWorker: { name: 'Key Worker', gender: 'male' },
    });
    expect(male.status).toBe(422);
    expect(male.body.rule).toBe('FEMALE_KEY_WORKER_REQUIRED');
    const accepted = await service.call(
      providerA,
      'POST',
      `/api/provider/handoffs/${reply.body.id}/accept`,
      femaleKeyWorker,
    );
    expect(accepted.body.status).toBe('accepted');
    const other = await bookFor('B1003AA');
    const declined = await service.call(providerA, 'POST', `/api/provider/handoffs/${other.reply.body.id}/decline`, {
      reason: 'No capacity this month',
    });
    expect(declined.body.status).toBe('declined');
    await eventually(() => expect(typesFor('B1002AA')).toContain('treatment.handoff.accepted'));
    await eventually(() => expect(typesFor('B1003AA')).toContain('treatment.handoff.declined'));
  });

  it('turns an accepted handoff into needs-reconfirmation when the release moves, once even if the event repeats', async () => {
    const { scheduled, reply } = await bookFor('B1004AA');
    await service.call(providerA, 'POST', `/api/provider/handoffs/${reply.body.id}/accept`, femaleKeyWorker);
    const moved = releaseRescheduled(scheduled, '2026-11-17');
    await publishRelease(moved);
    await publishRelease(moved);
    await eventually(async () => {
      const handoff = await service.call(nurse, 'GET', `/api/handoffs/${reply.body.id}`);
      expect(handoff.body.status).toBe('needs-reconfirmation');
    });
    await eventually(async () => expect(await service.consumer!.lag()).toBe(0));
    expect(typesFor('B1004AA').filter((type) => type === 'treatment.handoff.needs-reconfirmation')).toHaveLength(1);
    const reconfirmed = await service.call(
      providerA,
      'POST',
      `/api/provider/handoffs/${reply.body.id}/accept`,
      femaleKeyWorker,
    );
    expect(reconfirmed.body.status).toBe('accepted');
  });

  it("never shows one provider another provider's handoff", async () => {
    const { reply } = await bookFor('B1005AA');
    expect((await service.call(providerB, 'GET', `/api/provider/handoffs/${reply.body.id}`)).status).toBe(404);
    const inbox = await service.call(providerB, 'GET', '/api/provider/handoffs');
    expect(inbox.body.items).toEqual([]);
    expect((await service.call(providerA, 'GET', `/api/provider/handoffs/${reply.body.id}`)).status).toBe(200);
  });

  it('refuses a gap in daily medication (422, nothing stored or sent); without consent nothing reaches the provider', async () => {
    const gap = await bookFor('B1006AA', 'provider-a', {
      firstAppointment: { at: '2026-11-19T13:00:00Z', place: 'Community drug service' },
    });
    expect(gap.reply.status).toBe(422);
    expect(gap.reply.body.rule).toBe('FIRST_DOSE_GAP');
    const noConsent = await bookFor('B1007AA', 'provider-a', { consentToShare: false });
    expect(noConsent.reply.body.status).toBe('blocked-no-consent');
    await eventually(() => expect(typesFor('B1007AA')).toEqual(['treatment.handoff.booked']));
    await new Promise((settle) => setTimeout(settle, 500));
    expect(typesFor('B1006AA')).toEqual([]);
    expect(typesFor('B1007AA')).toEqual(['treatment.handoff.booked']);
    expect(receiver.received.some((hook) => hook.body.includes('B1007AA'))).toBe(false);
  });
});

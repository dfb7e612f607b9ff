import type { Caller } from '@resettle/platform';
import { eventually } from '@resettle/testing';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWebhook } from '../domain/index.js';
import { releaseCancelled, releaseRescheduled } from '../test-support/fixtures.js';
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
  personId: string;
  eventType: string;
  status: string;
  attempts: number;
  log: { statusCode: number | null; error: string | null }[];
};
const auditor: Caller = { sub: 'auditor-1', roles: ['auditor'] };

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
  const verified = (hook: ReceivedWebhook, key = secret) =>
    verifyWebhook(
      key,
      {
        id: hook.headers['webhook-id'],
        timestamp: hook.headers['webhook-timestamp'],
        signature: hook.headers['webhook-signature'],
      },
      hook.body,
      new Date().toISOString(),
    );
  const deliveriesOf = async (caller = providerA): Promise<Delivery[]> =>
    (await harness.service.call(caller, 'GET', '/api/provider/webhook-deliveries')).body;

  it('sends a booked handoff, signed, to its provider only (on no topic): delivered once after two failures', async () => {
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const { reply } = await harness.bookFor('W1001AA');
    expect(reply.status).toBe(201);
    await eventually(() => expect(hooksFor('W1001AA')).toHaveLength(3));
    const [first, , delivered] = hooksFor('W1001AA');
    expect(verified(delivered!)).toEqual([]);
    expect(verified({ ...delivered!, body: delivered!.body.replace('W1001AA', 'W9999ZZ') })).not.toEqual([]);
    const sent = JSON.parse(delivered!.body);
    expect(sent).toMatchObject({ type: 'treatment.handoff.sent', version: 1, personId: 'W1001AA' });
    expect(sent.data.treatment).toMatchObject({ kind: expect.any(String) });
    expect(delivered!.headers['webhook-id']).toBe(sent.id);
    expect(first!.headers['webhook-id']).toBe(sent.id);
    expect(delivered!.headers['x-resettle-signature']).toBeUndefined();
    // The clinical handoff is on no Kafka topic: the status and logistics topics carry only their own events.
    // The webhook and the topics are told from one transaction by separate routes: either may arrive first.
    await eventually(() =>
      expect(harness.typesFor('W1001AA').sort()).toEqual(['treatment.handoff.booked', 'treatment.handoff.logistics']),
    );
    expect(harness.seen.some((event) => event.id === sent.id)).toBe(false);
    await eventually(async () => {
      const [delivery] = await deliveriesOf();
      expect(delivery).toMatchObject({ eventId: sent.id, status: 'delivered', attempts: 3 });
      expect(delivery!.log.map((attempt) => attempt.statusCode)).toEqual([503, 503, 204]);
    });
    await new Promise((settle) => setTimeout(settle, 300));
    expect(hooksFor('W1001AA')).toHaveLength(3);
  });

  it('replays a delivery on request, with the same webhook-id so the receiver can drop the repeat', async () => {
    const listing = await harness.service.call(providerA, 'GET', '/api/provider/webhook-deliveries');
    expect(listing.body[0]).toMatchObject({ personId: 'W1001AA', eventType: 'treatment.handoff.sent' });
    expect(listing.body[0].payload).toBeUndefined();
    // The women it names are recorded as read, in one row.
    expect(await harness.service.auditOf(listing)).toMatchObject([
      { action: 'provider-webhook-deliveries', sub: providerA.sub, listed: ['W1001AA'] },
    ]);
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
    expect(hooks[3]!.headers['webhook-id']).toBe(delivery!.eventId);
    expect(await deliveriesOf(providerB)).toEqual([]);
  });

  it("tells the provider of a changed appointment and of a moved release by category, never the planner's words", async () => {
    const { scheduled, id } = await harness.bookFor('W1002AA');
    await harness.service.call(providerA, 'POST', `/api/provider/handoffs/${id}/accept`, femaleKeyWorker);
    const changed = await harness.service.call(nurse, 'PUT', `/api/handoffs/${id}/appointment`, {
      firstAppointment: { at: '2026-11-18T14:30:00Z', place: 'Community drug service' },
    });
    expect(changed.status).toBe(200);
    const moved = releaseRescheduled(scheduled, '2026-11-17');
    await harness.publishRelease(moved);
    const bodies = () => hooksFor('W1002AA').map((hook) => JSON.parse(hook.body));
    // A provider's messages are posted one at a time, in the order they were queued.
    await eventually(() =>
      expect(bodies().map((body) => `${body.type}@v${body.version}`)).toEqual([
        'treatment.handoff.sent@v1',
        'treatment.handoff.appointment-changed@v1',
        'treatment.handoff.needs-reconfirmation@v2',
      ]),
    );
    const reconfirmation = bodies().find((body) => body.type === 'treatment.handoff.needs-reconfirmation');
    expect(reconfirmation.data).toMatchObject({ reasonCategory: 'release-moved', releaseDate: '2026-11-17' });
    expect(JSON.stringify(bodies())).not.toContain(moved.data.reason);
    // Prison healthcare still reads the planner's words.
    const handoff = await harness.service.call(nurse, 'GET', `/api/handoffs/${id}`);
    expect(handoff.body.statusReason).toContain(moved.data.reason);
    const asProvider = await harness.service.call(providerA, 'GET', `/api/provider/handoffs/${id}`);
    expect(asProvider.body.status).toBe('needs-reconfirmation');
    expect(JSON.stringify(asProvider.body)).not.toContain(moved.data.reason);
    expect(hooksFor('W1002AA').every((hook) => verified(hook).length === 0)).toBe(true);
  });

  it("tells the provider a cancelled release and a withdrawal by category, never the nurse's words", async () => {
    const { id } = await harness.bookFor('W1004AA');
    const withdrawn = await harness.service.call(nurse, 'POST', `/api/handoffs/${id}/withdraw`, {
      reason: 'Booked with the wrong provider, she lives with her sister now',
      reasonCategory: 'wrong-provider',
    });
    expect(withdrawn.status).toBe(200);
    const cancelledFor = await harness.bookFor('W1005AA');
    const cancelled = releaseCancelled(cancelledFor.scheduled);
    await harness.publishRelease(cancelled);
    const bodies = (personId: string) => hooksFor(personId).map((hook) => JSON.parse(hook.body));
    const withdrawal = () => bodies('W1004AA').find((body) => body.type === 'treatment.handoff.withdrawn');
    await eventually(() =>
      expect(
        bodies('W1004AA')
          .map((body) => body.type)
          .sort(),
      ).toEqual(['treatment.handoff.sent', 'treatment.handoff.withdrawn']),
    );
    expect(withdrawal()).toMatchObject({
      version: 2,
      data: { handoffId: id, reasonCategory: 'wrong-provider' },
    });
    expect(JSON.stringify(bodies('W1004AA'))).not.toContain('sister');
    const asProvider = await harness.service.call(providerA, 'GET', `/api/provider/handoffs/${id}`);
    expect(asProvider.body).toMatchObject({
      status: 'withdrawn',
      statusReason: 'Prison healthcare withdrew the handoff.',
    });
    await eventually(() => expect(bodies('W1005AA')).toHaveLength(2));
    expect(bodies('W1005AA').find((body) => body.type !== 'treatment.handoff.sent')).toMatchObject({
      type: 'treatment.handoff.needs-reconfirmation',
      data: { reasonCategory: 'release-cancelled', releaseDate: null },
    });
    expect(JSON.stringify(bodies('W1005AA'))).not.toContain(cancelled.data.reason);
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
  });

  it('stores the secret sealed, shows it once, rotates it, and audits URL and secret changes by host only', async () => {
    const sql = postgres(harness.service.database.url, { max: 1 });
    try {
      const [stored] =
        await sql`select webhook_secret, webhook_secret_sealed from providers where provider_id = 'provider-a'`;
      expect(stored!.webhook_secret).toBeNull();
      expect(stored!.webhook_secret_sealed).toMatch(
        /^[A-Za-z0-9+/=]+\.[A-Za-z0-9+/=]+\.[A-Za-z0-9+/=]+\.[A-Za-z0-9+/=]+$/,
      );
      expect(stored!.webhook_secret_sealed).not.toContain(secret.slice('whsec_'.length));

      const again = await harness.service.call(admin, 'PUT', '/api/providers/provider-a', {
        name: 'Provider A',
        webhookUrl: `${receiver.url}?path=changed`,
      });
      expect(again.body.webhookSecret).toBeNull();
      const rotated = await harness.service.call(admin, 'POST', '/api/providers/provider-a/webhook-secret');
      expect(rotated.status).toBe(200);
      const newSecret: string = rotated.body.webhookSecret;
      expect(newSecret).not.toBe(secret);
      expect((await harness.service.call(admin, 'POST', '/api/providers/provider-z/webhook-secret')).status).toBe(404);

      await harness.bookFor('W1006AA');
      await eventually(() => expect(hooksFor('W1006AA')).toHaveLength(1));
      expect(verified(hooksFor('W1006AA')[0]!, newSecret)).toEqual([]);
      expect(verified(hooksFor('W1006AA')[0]!, secret)).not.toEqual([]);

      const audit = await harness.service.call(auditor, 'GET', '/api/audit?sub=admin-1');
      const notes = audit.body.items.map((row: { action: string; justification: string }) => [
        row.action,
        row.justification,
      ]);
      expect(notes).toEqual([
        ['rotate-webhook-secret', 'signing secret rotated'],
        ['register-provider', `webhook URL changed, host unchanged (127.0.0.1:${receiver.port}); signing secret kept`],
        ['register-provider', `webhook host none -> 127.0.0.1:${receiver.port}; signing secret generated`],
      ]);
      const everything = JSON.stringify(audit.body);
      for (const value of [secret, newSecret, 'path=changed']) expect(everything).not.toContain(value);
    } finally {
      await sql.end();
    }
  });

  it('refuses plain http, internal addresses and credentials at registration, changing nothing', async () => {
    for (const [webhookUrl, rule] of [
      ['http://hooks.provider.example/in', 'WEBHOOK_URL_NOT_HTTPS'],
      ['https://10.1.2.3/in', 'WEBHOOK_URL_INTERNAL'],
      ['https://169.254.169.254/latest/meta-data', 'WEBHOOK_URL_INTERNAL'],
      ['https://[::ffff:127.0.0.1]/in', 'WEBHOOK_URL_INTERNAL'],
      ['https://user:pw@hooks.provider.example/in', 'WEBHOOK_URL_CREDENTIALS'],
    ]) {
      const refused = await harness.service.call(admin, 'PUT', '/api/providers/provider-b', {
        name: 'Provider B',
        webhookUrl,
      });
      expect(refused.status, webhookUrl).toBe(422);
      expect(refused.body).toMatchObject({ rule, field: 'body.webhookUrl' });
    }
    const sql = postgres(harness.service.database.url, { max: 1 });
    try {
      expect(await sql`select 1 from providers where provider_id = 'provider-b'`).toHaveLength(0);
    } finally {
      await sql.end();
    }
  });
});

describe('a provider that redirects', () => {
  let harness: Harness;
  const receivers: Array<Awaited<ReturnType<typeof webhookReceiver>>> = [];

  beforeAll(async () => {
    harness = await startHarness({ WEBHOOK_MAX_ATTEMPTS: '2' });
  });
  afterAll(async () => {
    await harness.close();
    await Promise.all(receivers.map((receiver) => receiver.close()));
  });

  it('is never followed: the redirect is a failed attempt and the internal address receives nothing', async () => {
    const internal = await webhookReceiver();
    const redirecting = await webhookReceiver(0, { redirectTo: `${internal.url}/admin` });
    receivers.push(internal, redirecting);
    await harness.service.call(admin, 'PUT', '/api/providers/provider-a', {
      name: 'Provider A',
      webhookUrl: redirecting.url,
    });
    await harness.bookFor('W1101AA');
    await eventually(async () => {
      const [delivery] = (await harness.service.call(providerA, 'GET', '/api/provider/webhook-deliveries')).body;
      expect(delivery).toMatchObject({ status: 'failed', attempts: 2 });
      expect(delivery.log.map((attempt: Delivery['log'][number]) => attempt.error)).toEqual([
        'HTTP 302: redirects are not followed',
        'HTTP 302: redirects are not followed',
      ]);
    });
    expect(redirecting.received).toHaveLength(2);
    expect(internal.received).toEqual([]);
  });
});

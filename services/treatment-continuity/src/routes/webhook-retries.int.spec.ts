import { eventually } from '@resettle/testing';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWebhook } from '../domain/index.js';
import { admin, type Harness, providerA, providerB, startHarness } from '../test-support/harness.js';
import { webhookReceiver } from '../test-support/webhook-receiver.js';

type Delivery = {
  id: string;
  status: string;
  attempts: number;
  failedAt: string | null;
  log: { statusCode: number }[];
};

// The real service, broker and database; only the providers' receivers are fakes (they are outside the system).
describe('bounded webhook retries and secrets from before sealing', () => {
  let harness: Harness;
  let failing: Awaited<ReturnType<typeof webhookReceiver>>;
  let working: Awaited<ReturnType<typeof webhookReceiver>>;

  beforeAll(async () => {
    harness = await startHarness({ WEBHOOK_MAX_ATTEMPTS: '3' });
    failing = await webhookReceiver(0, { status: 500 });
    working = await webhookReceiver();
  });
  afterAll(async () => {
    await harness.close();
    await Promise.all([failing.close(), working.close()]);
  });

  const deliveries = async (caller = providerA): Promise<Delivery[]> =>
    (await harness.service.call(caller, 'GET', '/api/provider/webhook-deliveries')).body;
  const failedFigure = async () => {
    const text = await (await fetch(`${harness.service.url}/metrics`)).text();
    return text.split('\n').find((line) => line.startsWith('webhook_deliveries{') && line.includes('status="failed"'));
  };

  it('ends a delivery to a receiver that always fails in `failed`, seen by the provider and on /metrics', async () => {
    await harness.service.call(admin, 'PUT', '/api/providers/provider-a', { name: 'A', webhookUrl: failing.url });
    await harness.bookFor('R1001AA');
    await eventually(async () => {
      const [delivery] = await deliveries();
      expect(delivery).toMatchObject({ status: 'failed', attempts: 3, failedAt: expect.any(String) });
      expect(delivery!.log.map((attempt) => attempt.statusCode)).toEqual([500, 500, 500]);
    });
    await new Promise((settle) => setTimeout(settle, 500));
    expect(failing.received).toHaveLength(3);
    expect(await failedFigure()).toMatch(/ 1$/);
  });

  it('gives a replayed failed delivery a fresh allowance, and it fails again', async () => {
    const [delivery] = await deliveries();
    const replay = await harness.service.call(
      providerA,
      'POST',
      `/api/provider/webhook-deliveries/${delivery!.id}/replay`,
    );
    expect(replay.body).toEqual({ id: delivery!.id, status: 'pending' });
    await eventually(async () => expect((await deliveries())[0]).toMatchObject({ status: 'failed', attempts: 6 }));
    expect(failing.received).toHaveLength(6);
  });

  it('seals a secret stored in the clear before sealing, and keeps signing with it', async () => {
    const legacy = 'a-provider-chosen-secret-from-before-sealing';
    const sql = postgres(harness.service.database.url, { max: 1 });
    try {
      await sql`insert into providers (provider_id, name, webhook_url, webhook_secret)
                values ('provider-b', 'B', ${working.url}, ${legacy})`;
      await eventually(async () => {
        const [row] =
          await sql`select webhook_secret, webhook_secret_sealed from providers where provider_id = 'provider-b'`;
        expect(row).toMatchObject({ webhook_secret: null, webhook_secret_sealed: expect.stringMatching(/^v1\./) });
      });
    } finally {
      await sql.end();
    }
    await harness.bookFor('R1002AA', 'provider-b');
    await eventually(async () => expect((await deliveries(providerB))[0]).toMatchObject({ status: 'delivered' }));
    const [hook] = working.received;
    const headers = {
      id: hook!.headers['webhook-id'],
      timestamp: hook!.headers['webhook-timestamp'],
      signature: hook!.headers['webhook-signature'],
    };
    expect(verifyWebhook(legacy, headers, hook!.body, new Date().toISOString())).toEqual([]);
  });
});

import { createHmac } from 'node:crypto';
import { eventually } from '@resettle/testing';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probation } from '../shared/people.js';
import { appointmentSoonAfterAGateToday, recordFirstAppointment, releasedToday } from './support/aftercare.js';
import { RunningSystem } from './support/system.js';
import { registerProviderWebhook, WebhookReceiver } from './support/webhooks.js';

interface AlarmView {
  alarm: string | null;
  timeline: { summary: string }[];
}

// Every service as its own process on the run's broker and databases; only the provider's own system is a fake.
describe('after the gate: a missed first appointment is an alarm until a moved one is attended', () => {
  let system: RunningSystem;
  let secret = '';
  const webhooks = new WebhookReceiver();

  beforeAll(async () => {
    const webhookUrl = await webhooks.listen();
    system = await RunningSystem.start({ env: { WEBHOOK_POLL_MS: '200' } });
    secret = await registerProviderWebhook(system, webhookUrl);
  }, 600_000);
  afterAll(async () => {
    await system?.stop();
    await webhooks.close();
  });

  const passport = async (releaseId: string) =>
    (await system.call('passport', probation, 'GET', `/api/passports/${releaseId}`)).body as AlarmView;

  it('raises the alarm on the passport and at the provider’s webhook within seconds, and clears it', async (context) => {
    // The test waits for her appointment to pass; just after midnight none she could reach is seconds away.
    if (!appointmentSoonAfterAGateToday(45)) context.skip();
    const { release, handoffId, appointmentAt } = await releasedToday(system, 'T8001AA', { appointmentInSeconds: 45 });
    expect((await passport(release.id)).alarm).toBeNull();

    await recordFirstAppointment(system, handoffId, { outcome: 'not-attended' });
    const recordedAt = Date.now();
    const raised = await eventually(
      async () => {
        const view = await passport(release.id);
        expect(view.alarm).toBe('missed-first-appointment');
        return view;
      },
      10_000,
      100,
    );
    expect(raised.timeline.map((line) => line.summary)).toContain('ALARM: missed first appointment');

    const delivery = await eventually(
      () => {
        const found = webhooks.received.find(
          (posted) =>
            posted.event.type === 'treatment.first-appointment.recorded' &&
            posted.event.data.handoffId === handoffId &&
            posted.event.data.outcome === 'not-attended',
        );
        expect(found).toBeDefined();
        return found!;
      },
      10_000,
      100,
    );
    expect(Date.now() - recordedAt).toBeLessThan(10_000);
    expect(delivery.event.data).toMatchObject({ releaseId: release.id, appointmentAt });
    // The provider checks the signature as Standard Webhooks says: HMAC-SHA256 over "<id>.<timestamp>.<body>", keyed
    // with the base64 after the secret's "whsec_" prefix, sent as "v1,<base64>".
    const messageId = String(delivery.headers['webhook-id']);
    const timestamp = String(delivery.headers['webhook-timestamp']);
    const signed = (key: Buffer) =>
      `v1,${createHmac('sha256', key).update(`${messageId}.${timestamp}.${delivery.body}`).digest('base64')}`;
    expect(secret).toMatch(/^whsec_/);
    expect(delivery.headers['webhook-signature']).toBe(signed(Buffer.from(secret.slice('whsec_'.length), 'base64')));
    expect(Math.abs(Date.now() / 1000 - Number(timestamp))).toBeLessThan(300);
    expect(delivery.headers['webhook-signature']).not.toBe(signed(Buffer.from('not-the-secret')));

    // The provider moves the appointment a few seconds on: the alarm stays until she attends.
    const newAppointmentAt = DateTime.now().plus({ seconds: 15 }).startOf('second').toUTC().toISO()!;
    await recordFirstAppointment(system, handoffId, { outcome: 'moved', newAppointmentAt });
    await eventually(async () => {
      const view = await passport(release.id);
      expect(view.timeline.map((line) => line.summary).join('\n')).toContain('First appointment moved');
      expect(view.alarm).toBe('missed-first-appointment');
    });

    await recordFirstAppointment(system, handoffId, { outcome: 'attended' });
    const cleared = await eventually(
      async () => {
        const view = await passport(release.id);
        expect(view.alarm).toBeNull();
        return view;
      },
      10_000,
      100,
    );
    expect(cleared.timeline.map((line) => line.summary)).toContain('First appointment attended: alarm cleared');
  }, 300_000);
});

import { eventually } from '@resettle/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookHandoff, scheduleRelease } from '../../../../tests/e2e/support/journey.js';
import { registerProviderWebhook, WebhookReceiver } from '../../../../tests/e2e/support/webhooks.js';
import { ordinaryFriday, provider } from '../../../../tests/shared/people.js';
import { asSignedIn, RunningWeb } from '../test-support/running-web.js';
import { expectAccessible, freshPrisonNumber, screenshot } from './support.js';

describe('a provider’s messages to its own system, in Debian’s Chromium against the running services', () => {
  let web: RunningWeb;
  const providerSystem = new WebhookReceiver();

  beforeAll(async () => {
    const webhookUrl = await providerSystem.listen();
    // Two tries a fifth of a second apart, so a message fails for good within the test.
    web = await RunningWeb.start({
      env: { WEBHOOK_POLL_MS: '100', WEBHOOK_RETRY_BASE_MS: '200', WEBHOOK_MAX_ATTEMPTS: '2' },
    });
    await registerProviderWebhook(web.system, webhookUrl);
  }, 600_000);
  afterAll(async () => {
    await web?.stop();
    await providerSystem.close();
  });

  const deliveries = async () =>
    (await web.system.call('treatment-continuity', provider, 'GET', '/api/provider/webhook-deliveries')).body as {
      id: string;
      personId: string;
      status: string;
    }[];

  it('provider: sees that a handoff did not reach her system, and sends it again once it answers', async () => {
    const her = freshPrisonNumber('M');
    providerSystem.answering = 503;
    await bookHandoff(web.system, await scheduleRelease(web.system, her, { legalReleaseDate: ordinaryFriday(28) }));
    await eventually(async () =>
      expect((await deliveries()).find((each) => each.personId === her)?.status).toBe('failed'),
    );

    providerSystem.answering = 204;
    await asSignedIn(web, 'Bea Daniels', '/provider/handoffs', async (page) => {
      await page.getByRole('link', { name: 'Messages to your system' }).click();
      const row = page.locator('#messages tbody tr', { hasText: her });
      expect(await row.locator('th').textContent()).toContain('Handoff sent to you');
      expect(await row.locator('.govuk-tag').textContent()).toBe('Not delivered');
      expect(await row.textContent()).toContain('Your system answered 503');
      expect(await page.locator('.govuk-warning-text').textContent()).toContain(
        '1 message has not arrived. Put your system right, then send it again.',
      );
      await expectAccessible(page);
      await screenshot(page, 'web-provider-messages');

      await row.getByRole('button', { name: `Send again the message about ${her}` }).click();
      await page.waitForURL(`${web.url}/provider/messages`);
      expect(await page.locator('.govuk-notification-banner').textContent()).toContain('will be sent again');
      await eventually(async () => {
        await page.reload();
        expect(await page.locator('#messages tbody tr', { hasText: her }).locator('.govuk-tag').textContent()).toBe(
          'Delivered',
        );
      });
      expect(await page.locator('.govuk-warning-text').count()).toBe(0);
    });
    const arrived = providerSystem.received.filter((delivery) => delivery.event.personId === her);
    expect(arrived.map((delivery) => delivery.event.type)).toEqual([
      'treatment.handoff.sent',
      'treatment.handoff.sent',
      'treatment.handoff.sent',
    ]);
  }, 180_000);

  it('refuses a send-again posted without its CSRF token, and sends nothing', async () => {
    const [message] = await deliveries();
    const before = providerSystem.received.length;
    await asSignedIn(web, 'Bea Daniels', '/provider/messages', async (page) => {
      const forged = await page.request.post(`${web.url}/provider/messages/${message!.id}/send-again`, { form: {} });
      expect(forged.status()).toBe(403);
    });
    await new Promise((settle) => setTimeout(settle, 500)); // a replay would be posted within a poll or two
    expect(providerSystem.received.length).toBe(before);
  }, 120_000);
});

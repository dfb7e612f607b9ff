import { randomBytes } from 'node:crypto';
import {
  Conflict,
  NotFound,
  problemsFor,
  refuseFirstBroken,
  type Server,
  type ServiceContext,
  type UnitOfWork,
} from '@resettle/platform';
import { Type } from '@sinclair/typebox';
import { lockedProvider, type ProviderRow, saveProvider } from '../db/providers.js';
import { sealSecret, secretKeyFrom } from '../db/sealed-secret.js';
import { deliveriesOf, replayDelivery } from '../db/webhook-deliveries.js';
import { checkWebhookUrl, webhookChange, webhookSecretFrom } from '../domain/index.js';
import type { WebhookSettings } from '../events/webhook-worker.js';
import {
  IdParams,
  ProviderParams,
  ProviderRegistration,
  RegisteredProvider,
  Replayed,
  RotatedSecret,
  WebhookDelivery,
} from './schemas.js';
import { deliveryView } from './views.js';

export async function webhookRoutes(app: Server, context: ServiceContext<WebhookSettings>): Promise<void> {
  const key = secretKeyFrom(context.config.WEBHOOK_SECRET_KEY);
  const policy = { allowLoopback: context.config.WEBHOOK_ALLOW_HTTP_LOOPBACK };
  const sealed = (providerId: string, secret: string) => {
    if (!key) {
      throw new Conflict(
        'WEBHOOK_SECRET_KEY_NOT_SET',
        'webhook signing secrets cannot be stored: this service has no WEBHOOK_SECRET_KEY',
      );
    }
    return sealSecret(key, providerId, secret);
  };
  // A secret from before sealing is sealed as it is kept.
  const keptSecret = (before: ProviderRow | undefined) =>
    before?.webhookSecretSealed ?? (before?.webhookSecret ? sealed(before.providerId, before.webhookSecret) : null);
  const auditChange = (work: UnitOfWork, providerId: string, action: string, note: string) =>
    work.audit({
      action,
      resourceId: providerId,
      categories: ['reference-data'],
      outcome: 'allowed',
      justification: note,
    });

  app.put(
    '/api/providers/:providerId',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        summary:
          'Register a provider; one with a webhook URL gets signed webhooks (a generated secret is shown only in this answer)',
        tags: ['reference data'],
        params: ProviderParams,
        body: ProviderRegistration,
        response: { 200: RegisteredProvider, ...problemsFor(400, 401, 403, 409, 422) },
      },
    },
    async (request) => {
      const { providerId } = request.params;
      const { name, webhookUrl, webhookSecret: given } = request.body;
      if (webhookUrl !== null) refuseFirstBroken(checkWebhookUrl(webhookUrl, policy), 'body.');
      const shown = await context.transact(request, async (work) => {
        const before = await lockedProvider(work.tx, providerId);
        const change = webhookChange(before && storedOf(before), { webhookUrl, webhookSecret: given });
        const generated = change.secret === 'generate' ? webhookSecretFrom(randomBytes(32)) : null;
        const secret = generated ?? (change.secret === 'given' ? (given ?? null) : null);
        await saveProvider(work.tx, {
          providerId,
          name,
          webhookUrl,
          webhookSecret: null,
          webhookSecretSealed: change.secret === 'keep' ? keptSecret(before) : secret && sealed(providerId, secret),
          updatedAt: new Date(),
        });
        const renamed = before && before.name !== name ? `name ${before.name} → ${name}; ` : '';
        await auditChange(work, providerId, 'register-provider', `${renamed}${change.auditNote}`);
        return generated;
      });
      return { providerId, name, webhookUrl, webhookSecret: shown };
    },
  );

  app.post(
    '/api/providers/:providerId/webhook-secret',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        summary: "Rotate a provider's webhook signing secret: the new one is shown only in this answer",
        tags: ['reference data'],
        params: ProviderParams,
        response: { 200: RotatedSecret, ...problemsFor(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { providerId } = request.params;
      const secret = webhookSecretFrom(randomBytes(32));
      await context.transact(request, async (work) => {
        const before = await lockedProvider(work.tx, providerId);
        if (!before) throw new NotFound('no such provider');
        if (!before.webhookUrl) throw new Conflict('NO_WEBHOOK', 'the provider has no webhook URL to sign for');
        await saveProvider(work.tx, {
          ...before,
          webhookSecret: null,
          webhookSecretSealed: sealed(providerId, secret),
        });
        await auditChange(work, providerId, 'rotate-webhook-secret', 'signing secret rotated');
      });
      return { providerId, webhookSecret: secret };
    },
  );

  app.get(
    '/api/provider/webhook-deliveries',
    {
      onRequest: app.requireRole('provider'),
      schema: {
        summary: 'Your webhook deliveries (pending, delivered, or failed for good) and every attempt',
        tags: ['provider'],
        response: { 200: Type.Array(WebhookDelivery), ...problemsFor(401, 403) },
      },
    },
    async (request) => {
      const providerId = request.user.organisation ?? '';
      const deliveries = await context.transact(request, async (work) => {
        const found = await deliveriesOf(work.tx, providerId);
        // Each names the woman it was about: a list read of those women, recorded as one.
        await work.audit({
          action: 'provider-webhook-deliveries',
          categories: ['clinical'],
          outcome: 'allowed',
          recipient: request.user.organisation,
          listed: [...new Set(found.map((delivery) => delivery.personId))],
        });
        return found;
      });
      return deliveries.map(deliveryView);
    },
  );

  app.post(
    '/api/provider/webhook-deliveries/:id/replay',
    {
      onRequest: app.requireRole('provider'),
      schema: {
        summary: 'Deliver a webhook again (a failed one too), with a fresh allowance of attempts',
        tags: ['provider'],
        params: IdParams,
        response: { 200: Replayed, ...problemsFor(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const providerId = request.user.organisation ?? '';
      const replayed = await context.transact(request, (work) =>
        replayDelivery(work.tx, request.params.id, providerId),
      );
      if (!replayed) throw new NotFound('no such delivery');
      return { id: replayed.id, status: 'pending' as const };
    },
  );
}

function storedOf(provider: ProviderRow) {
  return {
    webhookUrl: provider.webhookUrl,
    hasSecret: provider.webhookSecretSealed !== null || provider.webhookSecret !== null,
  };
}

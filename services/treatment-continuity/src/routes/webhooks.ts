import { randomBytes } from 'node:crypto';
import { changedSettings, NotFound, originOf, problemsFor, type Server, type ServiceContext } from '@resettle/platform';
import { Type } from '@sinclair/typebox';
import { findProvider, type ProviderRow, saveProvider } from '../db/providers.js';
import { deliveriesOf, replayDelivery } from '../db/webhook-deliveries.js';
import {
  IdParams,
  ProviderParams,
  ProviderRegistration,
  RegisteredProvider,
  Replayed,
  WebhookDelivery,
} from './schemas.js';
import { deliveryView } from './views.js';

export async function webhookRoutes(app: Server, context: ServiceContext): Promise<void> {
  app.put(
    '/api/providers/:providerId',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        summary: 'Register a provider; one with a webhook URL gets signed webhooks (the secret is shown only here)',
        tags: ['reference data'],
        params: ProviderParams,
        body: ProviderRegistration,
        response: { 200: RegisteredProvider, ...problemsFor(400, 401, 403) },
      },
    },
    async (request) => {
      const { name, webhookUrl } = request.body;
      const webhookSecret = webhookUrl ? (request.body.webhookSecret ?? randomBytes(32).toString('hex')) : null;
      const provider = {
        providerId: request.params.providerId,
        name,
        webhookUrl,
        webhookSecret,
        updatedAt: new Date(),
      };
      await context.transact(request, async (work) => {
        const before = await findProvider(work.tx, provider.providerId);
        await saveProvider(work.tx, provider);
        await work.audit({
          action: before ? 'change-provider' : 'register-provider',
          resourceId: provider.providerId,
          categories: ['reference-data'],
          outcome: 'allowed',
          justification: changedSettings(before && registration(before), registration(provider), {
            secret: ['webhookUrl', 'webhookSecret'],
          }),
        });
      });
      return { providerId: provider.providerId, name, webhookUrl, webhookSecret };
    },
  );

  app.get(
    '/api/provider/webhook-deliveries',
    {
      onRequest: app.requireRole('provider'),
      schema: {
        summary: 'Your webhook deliveries and every attempt',
        tags: ['provider'],
        response: { 200: Type.Array(WebhookDelivery), ...problemsFor(401, 403) },
      },
    },
    async (request) => {
      const providerId = request.user.organisation ?? '';
      const deliveries = await context.transact(request, (work) => deliveriesOf(work.tx, providerId));
      return deliveries.map(deliveryView);
    },
  );

  app.post(
    '/api/provider/webhook-deliveries/:id/replay',
    {
      onRequest: app.requireRole('provider'),
      schema: {
        summary: 'Deliver a webhook again',
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

/** A provider's settings as its audit row describes them: the webhook's origin shown, its URL and secret only named. */
function registration(provider: Pick<ProviderRow, 'name' | 'webhookUrl' | 'webhookSecret'>) {
  return {
    name: provider.name,
    webhookOrigin: originOf(provider.webhookUrl),
    webhookUrl: provider.webhookUrl,
    webhookSecret: provider.webhookSecret,
  };
}

import { randomBytes } from 'node:crypto';
import { NotFound, type Server, type ServiceContext } from '@resettle/platform';
import { Type } from '@sinclair/typebox';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { providers, webhookAttempts, webhookDeliveries } from '../db/schema.js';

const ProviderRegistration = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 120 }),
    webhookUrl: Type.Union([Type.String({ format: 'uri', pattern: '^https?://' }), Type.Null()]),
    webhookSecret: Type.Optional(
      Type.String({ minLength: 32, maxLength: 200, description: 'omit to have one generated' }),
    ),
  },
  { additionalProperties: false },
);

export async function webhookRoutes(app: Server, context: ServiceContext): Promise<void> {
  const { db } = context;

  app.put(
    '/api/providers/:providerId',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        summary: 'Register a provider; one with a webhook URL gets signed webhooks (the secret is shown only here)',
        tags: ['reference data'],
        params: Type.Object({ providerId: Type.String({ pattern: '^[a-z0-9-]{2,60}$' }) }),
        body: ProviderRegistration,
      },
    },
    async (request) => {
      const { name, webhookUrl } = request.body;
      const webhookSecret = webhookUrl ? (request.body.webhookSecret ?? randomBytes(32).toString('hex')) : null;
      const row = { providerId: request.params.providerId, name, webhookUrl, webhookSecret, updatedAt: new Date() };
      await db.insert(providers).values(row).onConflictDoUpdate({ target: providers.providerId, set: row });
      return { providerId: row.providerId, name: row.name, webhookUrl: row.webhookUrl, webhookSecret };
    },
  );

  app.get(
    '/api/provider/webhook-deliveries',
    {
      onRequest: app.requireRole('provider'),
      schema: { summary: 'Your webhook deliveries and every attempt', tags: ['provider'] },
    },
    async (request) => {
      const deliveries = await db
        .select()
        .from(webhookDeliveries)
        .where(eq(webhookDeliveries.providerId, request.user.organisation ?? ''))
        .orderBy(desc(webhookDeliveries.createdAt))
        .limit(200);
      const ids = deliveries.map((delivery) => delivery.id);
      const attempts = ids.length
        ? await db
            .select()
            .from(webhookAttempts)
            .where(inArray(webhookAttempts.deliveryId, ids))
            .orderBy(asc(webhookAttempts.id))
        : [];
      return deliveries.map(({ payload: _payload, ...delivery }) => ({
        ...delivery,
        log: attempts.filter((attempt) => attempt.deliveryId === delivery.id),
      }));
    },
  );

  app.post(
    '/api/provider/webhook-deliveries/:id/replay',
    {
      onRequest: app.requireRole('provider'),
      schema: {
        summary: 'Deliver a webhook again',
        tags: ['provider'],
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
      },
    },
    async (request) => {
      const [row] = await db
        .update(webhookDeliveries)
        .set({ status: 'pending', nextAttemptAt: new Date() })
        .where(
          and(
            eq(webhookDeliveries.id, request.params.id),
            eq(webhookDeliveries.providerId, request.user.organisation ?? ''),
          ),
        )
        .returning({ id: webhookDeliveries.id });
      if (!row) throw new NotFound('no such delivery');
      return { id: row.id, status: 'pending' };
    },
  );
}

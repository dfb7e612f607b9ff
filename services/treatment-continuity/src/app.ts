import { fileURLToPath } from 'node:url';
import type { ServiceDefinition } from '@resettle/platform';
import { Type } from '@sinclair/typebox';
import { treatmentPersonalData } from './db/personal-data.js';
import * as schema from './db/schema.js';
import { releaseHandlers } from './events/release-handlers.js';
import { webhookFigures } from './events/webhook-metrics.js';
import { WebhookWorker } from './events/webhook-worker.js';
import { treatmentRoutes } from './routes/index.js';

export const settings = Type.Object({
  WEBHOOK_POLL_MS: Type.Integer({ minimum: 10, default: 500 }),
  WEBHOOK_RETRY_BASE_MS: Type.Integer({ minimum: 1, default: 1_000 }),
  WEBHOOK_MAX_ATTEMPTS: Type.Integer({ minimum: 1, maximum: 100, default: 12, description: 'then the delivery fails' }),
  WEBHOOK_MAX_AGE_MS: Type.Integer({
    minimum: 1_000,
    default: 24 * 60 * 60_000,
    description: 'a delivery not delivered this long after it was queued (or replayed) fails',
  }),
  WEBHOOK_ALLOW_HTTP_LOOPBACK: Type.Boolean({
    default: false,
    description: 'development only: webhook URLs on this machine (127.0.0.1, ::1, localhost), plain http allowed',
  }),
  WEBHOOK_SECRET_KEY: Type.Optional(
    Type.String({ minLength: 1, description: 'seals webhook signing secrets at rest: 32 bytes, base64; never logged' }),
  ),
  /** Delivered webhook payloads (whole events, clinical detail included) are purged this many days after queueing. */
  WEBHOOK_RETENTION_DAYS: Type.Integer({ minimum: 1, default: 30 }),
});

/** treatment-continuity: the handoff from prison healthcare to a community provider, with no gap in medication. */
export const treatmentContinuity: ServiceDefinition<(typeof settings)['properties']> = {
  name: 'treatment-continuity',
  description:
    'Handoffs from prison healthcare to community treatment providers; signed webhooks for providers without Kafka.',
  settings,
  schema,
  migrationsFolder: fileURLToPath(new URL('../migrations', import.meta.url)),
  routes: treatmentRoutes,
  consumes: { handlers: releaseHandlers },
  workers: [(context) => new WebhookWorker(context)],
  metrics: webhookFigures,
  /** Handoffs and webhook payloads: subject access answers, anonymisation and the webhook purge (docs/security.md). */
  personalData: (context) => treatmentPersonalData(context.config),
};

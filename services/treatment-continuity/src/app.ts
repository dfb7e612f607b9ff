import { fileURLToPath } from 'node:url';
import type { ServiceDefinition } from '@resettle/platform';
import { Type } from '@sinclair/typebox';
import { treatmentPersonalData } from './db/personal-data.js';
import * as schema from './db/schema.js';
import { releaseHandlers } from './events/release-handlers.js';
import { WebhookWorker } from './events/webhook-worker.js';
import { treatmentRoutes } from './routes/index.js';

export const settings = Type.Object({
  WEBHOOK_POLL_MS: Type.Integer({ minimum: 10, default: 500 }),
  WEBHOOK_RETRY_BASE_MS: Type.Integer({ minimum: 1, default: 1_000 }),
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
  /** Handoffs and webhook payloads: subject access answers, anonymisation and the webhook purge (docs/security.md). */
  personalData: (context) => treatmentPersonalData(context.config),
};

import type { Server, ServiceContext } from '@resettle/platform';
import { WebhookWorker } from '../events/webhook-worker.js';
import { appointmentRoutes } from './appointment.js';
import { bookingRoutes } from './bookings.js';
import { providerRoutes } from './provider.js';
import { webhookRoutes } from './webhooks.js';

type Settings = { WEBHOOK_POLL_MS: number; WEBHOOK_RETRY_BASE_MS: number };

export async function treatmentRoutes(app: Server, context: ServiceContext<Settings>): Promise<void> {
  await bookingRoutes(app, context);
  await appointmentRoutes(app, context);
  await providerRoutes(app, context);
  await webhookRoutes(app, context);
  const { config } = context;
  const worker = new WebhookWorker(context, {
    pollMs: config.WEBHOOK_POLL_MS,
    retryBaseMs: config.WEBHOOK_RETRY_BASE_MS,
  });
  worker.start();
  app.addHook('onClose', () => worker.stop());
}

import type { Server, ServiceContext } from '@resettle/platform';
import type { WebhookSettings } from '../events/webhook-worker.js';
import { aftercareRoutes } from './aftercare.js';
import { appointmentRoutes } from './appointment.js';
import { bookingRoutes } from './bookings.js';
import { providerRoutes } from './provider.js';
import { providerAppointmentRoutes } from './provider-appointment.js';
import { webhookRoutes } from './webhooks.js';
import { withdrawRoutes } from './withdraw.js';

export async function treatmentRoutes(app: Server, context: ServiceContext<WebhookSettings>): Promise<void> {
  await bookingRoutes(app, context);
  await appointmentRoutes(app, context);
  await providerRoutes(app, context);
  await providerAppointmentRoutes(app, context);
  await aftercareRoutes(app, context);
  await webhookRoutes(app, context);
  await withdrawRoutes(app, context);
}

import type { ScrapedFigure, ServiceContext } from '@resettle/platform';
import { DELIVERY_STATUSES } from '../db/schema.js';
import { deliveriesByStatus } from '../db/webhook-deliveries.js';

/** `webhook_deliveries{status}`: how many deliveries stand pending, delivered and failed (for good) at each scrape. */
export function webhookFigures(context: ServiceContext): ScrapedFigure[] {
  return [
    {
      name: 'webhook_deliveries',
      help: 'Webhook deliveries to providers by status; failed ones ran out of attempts or age and need an operator',
      labelNames: ['status'],
      async read() {
        const counts = new Map((await deliveriesByStatus(context.db)).map((row) => [row.status, row.count]));
        return DELIVERY_STATUSES.map((status) => ({ labels: { status }, value: counts.get(status) ?? 0 }));
      },
    },
  ];
}

import type { Server } from '@resettle/platform';
import type { TransportContext } from '../settings.js';
import { travelPlanRoutes } from './travel-plans.js';

export async function routes(app: Server, context: TransportContext): Promise<void> {
  await travelPlanRoutes(app, context);
}

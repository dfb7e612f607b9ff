import type { Server } from '@resettle/platform';
import type { TransportContext } from '../settings.js';
import { changeRoutes } from './changes.js';
import { queryRoutes } from './queries.js';
import { arrangeRoutes } from './travel-plans.js';

export async function transportRoutes(app: Server, context: TransportContext): Promise<void> {
  await arrangeRoutes(app, context);
  await changeRoutes(app, context);
  await queryRoutes(app, context);
}

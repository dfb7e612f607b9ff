import type { Server, ServiceContext } from '@resettle/platform';
import { accommodationRoutes } from './accommodations.js';
import { restrictedAreaRoutes } from './restricted-areas.js';

export async function routes(app: Server, context: ServiceContext): Promise<void> {
  await accommodationRoutes(app, context);
  await restrictedAreaRoutes(app, context);
}

import type { Server, ServiceContext } from '@resettle/platform';
import { confirmRoutes } from './accommodations.js';
import { changeRoutes } from './changes.js';
import { queryRoutes } from './queries.js';
import { restrictedAreaRoutes } from './restricted-areas.js';

export async function accommodationRoutes(app: Server, context: ServiceContext): Promise<void> {
  await confirmRoutes(app, context);
  await changeRoutes(app, context);
  await queryRoutes(app, context);
  await restrictedAreaRoutes(app, context);
}

import type { Server, ServiceContext } from '@resettle/platform';
import { changeRoutes } from './changes.js';
import { checkRoutes } from './checks.js';
import { prisonRoutes } from './prisons.js';
import { queryRoutes } from './queries.js';
import { scheduleRoutes } from './releases.js';

export async function releaseRoutes(app: Server, context: ServiceContext): Promise<void> {
  await scheduleRoutes(app, context);
  await changeRoutes(app, context);
  await queryRoutes(app, context);
  await checkRoutes(app, context);
  await prisonRoutes(app, context);
}

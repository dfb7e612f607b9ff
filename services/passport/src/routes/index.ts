import type { Server, ServiceContext } from '@resettle/platform';
import type { PassportServiceSettings } from '../settings.js';
import { continuityRoutes } from './continuity.js';
import { outcomeRoutes } from './outcomes.js';
import { passportReadRoutes } from './passports.js';
import { subjectAccessRoutes } from './subject-access.js';
import { upcomingRoutes } from './upcoming.js';

export async function passportRoutes(app: Server, context: ServiceContext<PassportServiceSettings>): Promise<void> {
  await passportReadRoutes(app, context);
  await upcomingRoutes(app, context);
  await outcomeRoutes(app, context);
  await continuityRoutes(app, context);
  await subjectAccessRoutes(app, context);
}

import type { Server, ServiceContext } from '@resettle/platform';
import { domainSettings, type PassportServiceSettings } from '../events/handlers.js';
import { startRiskSweep } from '../events/risk-sweep.js';
import { probationPages } from '../web/pages.js';
import { outcomeRoutes } from './outcomes.js';
import { passportReadRoutes } from './passports.js';
import { upcomingRoutes } from './upcoming.js';

export async function passportRoutes(
  app: Server,
  context: ServiceContext<PassportServiceSettings & { RISK_SWEEP_SECONDS: number }>,
): Promise<void> {
  await passportReadRoutes(app, context);
  await upcomingRoutes(app, context);
  await outcomeRoutes(app, context);
  await probationPages(app);
  const stopSweep = startRiskSweep(
    { ...context, settings: domainSettings(context.config) },
    context.config.RISK_SWEEP_SECONDS,
  );
  app.addHook('onClose', async () => stopSweep());
}

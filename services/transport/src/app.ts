import { fileURLToPath } from 'node:url';
import type { ServiceDefinition } from '@resettle/platform';
import { transportPersonalData } from './db/personal-data.js';
import * as schema from './db/schema.js';
import { transportHandlers } from './events/handlers.js';
import { routes } from './routes/index.js';
import { settings } from './settings.js';

/** transport: the journey from the gate, re-checked whenever the release, appointment or accommodation changes. */
export const transport: ServiceDefinition<(typeof settings)['properties']> = {
  name: 'transport',
  description:
    'The journey from the gate: leaves after the gate time, arrives before the first appointment and the evening ' +
    'cut-off, and is re-checked when the release, appointment or accommodation changes.',
  /** EVENING_CUTOFF, LONG_JOURNEY_HOURS (the arrival margin is ARRIVAL_MARGIN_MINUTES from @resettle/rules). */
  settings,
  schema,
  migrationsFolder: fileURLToPath(new URL('../migrations', import.meta.url)),
  /** /api/travel-plans (transport coordinator). */
  routes,
  /** Release copies, first appointments and accommodation; each change re-checks her plans. */
  consumes: { handlers: transportHandlers },
  workers: [],
  /** What it holds about her: subject access answers and anonymisation (docs/security.md). */
  personalData: () => transportPersonalData,
};

export { settings };

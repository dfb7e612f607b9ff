import { fileURLToPath } from 'node:url';
import { TOPICS } from '@resettle/contracts';
import type { ServiceDefinition } from '@resettle/platform';
import * as schema from './db/schema.js';
import { transportHandlers } from './events/handlers.js';
import { transportRoutes } from './routes/index.js';
import { settings } from './settings.js';

/** transport: the journey from the gate, re-checked whenever the release, appointment or accommodation changes. */
export const transport: ServiceDefinition<(typeof settings)['properties']> = {
  name: 'transport',
  description:
    'The journey from the gate: leaves after the gate time, arrives before the first appointment and the evening ' +
    'cut-off, and is re-checked when the release, appointment or accommodation changes.',
  settings,
  schema,
  migrationsFolder: fileURLToPath(new URL('../migrations', import.meta.url)),
  routes: transportRoutes,
  consumer: {
    topics: [TOPICS.releaseScheduling, TOPICS.treatmentLogistics, TOPICS.accommodation],
    handlers: transportHandlers,
  },
};

export { settings };

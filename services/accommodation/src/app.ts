import { fileURLToPath } from 'node:url';
import type { ServiceDefinition } from '@resettle/platform';
import { accommodationPersonalData } from './db/personal-data.js';
import * as schema from './db/schema.js';
import { accommodationHandlers } from './events/handlers.js';
import { routes } from './routes/index.js';
import { settings } from './settings.js';

export { settings };

/** accommodation: release-night accommodation, kept consistent with the release date and her restricted areas. */
export const accommodation: ServiceDefinition<(typeof settings)['properties']> = {
  name: 'accommodation',
  description:
    'Release-night accommodation: confirmed from the release date, each place reviewed by her offender manager ' +
    'against her restricted areas, re-checked when the release or the areas change.',
  settings,
  schema,
  migrationsFolder: fileURLToPath(new URL('../migrations', import.meta.url)),
  /**
   * /api/accommodations (coordinator), /api/safeguarding-reviews and /api/safeguarding-alerts (probation of her
   * region), /api/people/:personId/restricted-areas (probation of her region).
   */
  routes,
  /** Release copies and the provider's area; each change re-checks her accommodation. */
  consumes: { handlers: accommodationHandlers },
  workers: [],
  /** What it holds about her: subject access answers and anonymisation (docs/security.md). */
  personalData: () => accommodationPersonalData,
};

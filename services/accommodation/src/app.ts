import { fileURLToPath } from 'node:url';
import type { ServiceDefinition } from '@resettle/platform';
import { Type } from '@sinclair/typebox';
import { accommodationPersonalData } from './db/personal-data.js';
import * as schema from './db/schema.js';
import { accommodationHandlers } from './events/handlers.js';
import { routes } from './routes/index.js';

export const settings = Type.Object({});

/** accommodation: release-night accommodation, kept consistent with the release date and her restricted areas. */
export const accommodation: ServiceDefinition<(typeof settings)['properties']> = {
  name: 'accommodation',
  description:
    'Release-night accommodation: confirmed from the release date, never inside a restricted area, re-checked when ' +
    'the release moves.',
  settings,
  schema,
  migrationsFolder: fileURLToPath(new URL('../migrations', import.meta.url)),
  /** /api/accommodations (coordinator) and /api/people/:personId/restricted-areas (probation). */
  routes,
  /** Release copies and the provider's area; each change re-checks her accommodation. */
  consumes: { handlers: accommodationHandlers },
  workers: [],
  /** What it holds about her: subject access answers and anonymisation (docs/security.md). */
  personalData: () => accommodationPersonalData,
};

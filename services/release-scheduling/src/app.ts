import { fileURLToPath } from 'node:url';
import type { ServiceDefinition } from '@resettle/platform';
import { Type } from '@sinclair/typebox';
import { releasePersonalData } from './db/personal-data.js';
import * as schema from './db/schema.js';
import { releaseRoutes } from './routes/index.js';

export const settings = Type.Object({
  DEFAULT_RELEASE_WINDOW_OPENS: Type.String({ default: '08:00', pattern: '^\\d{2}:\\d{2}$' }),
  DEFAULT_RELEASE_WINDOW_CLOSES: Type.String({ default: '12:00', pattern: '^\\d{2}:\\d{2}$' }),
});

/** release-scheduling: owns the release date and gate time, and refuses Friday, pre-holiday and late releases. */
export const releaseScheduling: ServiceDefinition<(typeof settings)['properties']> = {
  name: 'release-scheduling',
  description:
    'Release dates and gate times: no Friday, pre-holiday, weekend or late releases; every refusal explained.',
  settings,
  schema,
  migrationsFolder: fileURLToPath(new URL('../migrations', import.meta.url)),
  routes: releaseRoutes,
  /** Her releases: subject access answers and anonymisation (docs/security.md). */
  personalData: () => releasePersonalData,
};

import { fileURLToPath } from 'node:url';
import { TOPICS } from '@resettle/contracts';
import type { ServiceDefinition } from '@resettle/platform';
import { Type } from '@sinclair/typebox';
import * as schema from './db/schema.js';
import { foldPassports, passportHandlers } from './events/handlers.js';
import { passportRoutes } from './routes/index.js';

export const settings = Type.Object({
  AT_RISK_WORKING_DAYS: Type.Integer({ minimum: 1, maximum: 60, default: 10 }),
  EVENING_CUTOFF: Type.String({ default: '17:00', pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' }),
  /** How often incomplete passports are re-assessed as release comes nearer with no event (0 switches it off). */
  RISK_SWEEP_SECONDS: Type.Integer({ minimum: 0, default: 300 }),
});

export const PASSPORT_TOPICS = [
  TOPICS.releaseScheduling,
  TOPICS.treatmentContinuity,
  TOPICS.accommodation,
  TOPICS.transport,
];

/** passport: one Resettlement Passport per woman and release, folded from every upstream event. */
export const passport: ServiceDefinition<(typeof settings)['properties']> = {
  name: 'passport',
  description:
    'Resettlement Passports: one status per pathway with the reason for any gap, at-risk alerts, release outcomes.',
  settings,
  schema,
  migrationsFolder: fileURLToPath(new URL('../migrations', import.meta.url)),
  routes: passportRoutes,
  consumer: {
    topics: PASSPORT_TOPICS,
    handlers: (context) => passportHandlers(context),
    applyBatch: (context) => foldPassports(context),
  },
};

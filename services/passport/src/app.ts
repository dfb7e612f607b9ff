import { fileURLToPath } from 'node:url';
import type { EventFold, ServiceDefinition } from '@resettle/platform';
import { Type } from '@sinclair/typebox';
import { scheduledPassportsByPrison } from './db/figures.js';
import { passportPersonalData } from './db/personal-data.js';
import * as schema from './db/schema.js';
import { PASSPORT_EVENT_KEYS, type PassportEventKey } from './domain/index.js';
import { foldAndSave } from './events/fold-and-save.js';
import { riskSweep } from './events/risk-sweep.js';
import { subjectAccessAnswerHandlers } from './events/subject-access-answers.js';
import { passportRoutes } from './routes/index.js';
import { domainSettings } from './settings.js';

export const settings = Type.Object({
  AT_RISK_WORKING_DAYS: Type.Integer({ minimum: 1, maximum: 60, default: 10 }),
  EVENING_CUTOFF: Type.String({ default: '17:00', pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' }),
  /** How often incomplete passports are re-assessed as release comes nearer with no event (0 switches it off). */
  RISK_SWEEP_SECONDS: Type.Integer({ minimum: 0, default: 300 }),
});

/** passport: one Resettlement Passport per woman and release, folded from every upstream event. */
export const passport: ServiceDefinition<(typeof settings)['properties']> = {
  name: 'passport',
  description:
    'Resettlement Passports: one status per pathway with the reason for any gap, at-risk alerts, release outcomes.',
  settings,
  schema,
  migrationsFolder: fileURLToPath(new URL('../migrations', import.meta.url)),
  routes: passportRoutes,
  consumes: {
    // A projection: each run of upstream events is folded in memory and saved in a few statements.
    fold: {
      events: PASSPORT_EVENT_KEYS,
      apply: (context): EventFold<PassportEventKey> => {
        const foldSettings = domainSettings(context.config);
        return (events, work) => foldAndSave(work, events, { settings: foldSettings, publish: true });
      },
    },
    /** Each service's part of a subject access export, assembled into one document. */
    handlers: subjectAccessAnswerHandlers,
  },
  workers: [riskSweep],
  /** Her passports: subject access answers and anonymisation (docs/security.md). */
  personalData: () => passportPersonalData,
  metrics: (context) => [
    {
      name: 'resettle_passports',
      help: 'Passports of scheduled releases, by prison and state (complete, at-risk, incomplete)',
      labelNames: ['prison', 'state'],
      read: () => scheduledPassportsByPrison(context.db),
    },
  ],
};

import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { HELP, helpOption, UsageError } from '@resettle/platform/cli';

export const rebuildUsage = `Rebuilds every passport from the upstream topics into a fresh, empty database (see docs/passport.md).

usage: node --import tsx services/passport/src/rebuild.ts --database-url URL [options]

  --database-url URL           the fresh database to rebuild into (default: DATABASE_URL)
  --owner-database-url URL     its owner role, which migrates it (default: DATABASE_OWNER_URL; none: DATABASE_URL's)
  --brokers HOST:PORT,…        Kafka (default: KAFKA_BROKERS, else 127.0.0.1:9092)
  --at-risk-working-days N     as the service's AT_RISK_WORKING_DAYS, 1 to 60 (default 10)
  --evening-cutoff HH:MM       as the service's EVENING_CUTOFF (default 17:00)
  --workers N                  threads folding side by side, each a share of the women, 1 to 8
                               (default: this machine's cores, at most 2)
  -h, --help                   this text

Every other setting is read from the environment, as the service reads it.`;

/** The service's own settings, as environment variables, for the rebuild to load as the service does. */
export interface RebuildArgs {
  env: {
    DATABASE_URL: string;
    DATABASE_OWNER_URL?: string;
    KAFKA_BROKERS: string;
    AT_RISK_WORKING_DAYS: string;
    EVENING_CUTOFF: string;
  };
  workers: number;
}

export function parseRebuildArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): RebuildArgs | typeof HELP {
  const { values } = parseArgs({
    args: argv,
    options: {
      'database-url': { type: 'string', default: env.DATABASE_URL },
      'owner-database-url': { type: 'string', default: env.DATABASE_OWNER_URL },
      brokers: { type: 'string', default: env.KAFKA_BROKERS ?? '127.0.0.1:9092' },
      'at-risk-working-days': { type: 'string', default: '10' },
      'evening-cutoff': { type: 'string', default: '17:00' },
      workers: { type: 'string', default: String(Math.min(2, availableParallelism())) },
      ...helpOption,
    },
  });
  if (values.help) return HELP;
  const databaseUrl = values['database-url'];
  if (!databaseUrl)
    throw new UsageError('--database-url (or DATABASE_URL) is required: the fresh database to rebuild into');
  const atRiskWorkingDays = Number(values['at-risk-working-days']);
  if (!Number.isInteger(atRiskWorkingDays) || atRiskWorkingDays < 1 || atRiskWorkingDays > 60) {
    throw new UsageError('--at-risk-working-days must be a whole number from 1 to 60');
  }
  const eveningCutoff = values['evening-cutoff'];
  if (!/^([01][0-9]|2[0-3]):[0-5][0-9]$/.test(eveningCutoff)) {
    throw new UsageError('--evening-cutoff must be a time of day, HH:MM');
  }
  const workers = Number(values.workers);
  if (!Number.isInteger(workers) || workers < 1 || workers > 8) {
    throw new UsageError('--workers must be a whole number from 1 to 8');
  }
  const brokers = values.brokers
    .split(',')
    .map((broker) => broker.trim())
    .filter(Boolean);
  if (brokers.length === 0) throw new UsageError('--brokers names no broker');
  return {
    env: {
      DATABASE_URL: databaseUrl,
      ...(values['owner-database-url'] ? { DATABASE_OWNER_URL: values['owner-database-url'] } : {}),
      KAFKA_BROKERS: brokers.join(','),
      AT_RISK_WORKING_DAYS: String(atRiskWorkingDays),
      EVENING_CUTOFF: eveningCutoff,
    },
    workers,
  };
}

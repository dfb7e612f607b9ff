// Rebuild every passport from the upstream topics into a fresh database:
//   node --import tsx services/passport/src/rebuild.ts --database-url postgres://… [--brokers host:port]
//     [--at-risk-working-days 10] [--evening-cutoff 17:00]
// Options not given are read from the environment as the service reads it (DATABASE_URL, KAFKA_BROKERS, …).
import { parseArgs } from 'node:util';
import pino from 'pino';
import { stderrProgress } from './rebuild/progress-bar.js';
import { rebuildPassports } from './rebuild/rebuild-passports.js';

const { values } = parseArgs({
  options: {
    'database-url': { type: 'string' },
    brokers: { type: 'string' },
    'at-risk-working-days': { type: 'string' },
    'evening-cutoff': { type: 'string' },
  },
});

const given = {
  DATABASE_URL: values['database-url'],
  KAFKA_BROKERS: values.brokers,
  AT_RISK_WORKING_DAYS: values['at-risk-working-days'],
  EVENING_CUTOFF: values['evening-cutoff'],
};
const env = { ...process.env, ...Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined)) };
if (!env.DATABASE_URL) {
  console.error('--database-url (or DATABASE_URL) is required: the fresh database to rebuild into');
  process.exit(2);
}
const result = await rebuildPassports({
  env: { KAFKA_BROKERS: '127.0.0.1:9092', ...env },
  logger: pino({ level: 'warn' }, pino.destination(2)),
  onProgress: stderrProgress(),
});
console.error(`rebuilt from ${result.done} events in ${(result.elapsedMs / 1000).toFixed(1)} s`);

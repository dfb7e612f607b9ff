// Rebuild every passport from the upstream topics into a fresh database:
//   node --import tsx services/passport/src/rebuild.ts --database-url postgres://… [--brokers host:port]
//     [--topic-prefix …] [--at-risk-working-days 10] [--evening-cutoff 17:00]
// DATABASE_URL, KAFKA_BROKERS and KAFKA_TOPIC_PREFIX are read when the options are not given.
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { stderrProgress } from './rebuild/progress-bar.js';
import { rebuildPassports } from './rebuild/rebuild-passports.js';

const { values } = parseArgs({
  options: {
    'database-url': { type: 'string', default: process.env.DATABASE_URL },
    brokers: { type: 'string', default: process.env.KAFKA_BROKERS ?? '127.0.0.1:9092' },
    'topic-prefix': { type: 'string', default: process.env.KAFKA_TOPIC_PREFIX ?? '' },
    'at-risk-working-days': { type: 'string', default: '10' },
    'evening-cutoff': { type: 'string', default: '17:00' },
  },
});

const databaseUrl = values['database-url'];
if (!databaseUrl) {
  console.error('--database-url (or DATABASE_URL) is required: the fresh database to rebuild into');
  process.exit(2);
}
const topicPrefix = values['topic-prefix'] ?? '';
const result = await rebuildPassports({
  databaseUrl,
  brokers: (values.brokers ?? '').split(',').map((broker) => broker.trim()),
  topicPrefix,
  settings: {
    AT_RISK_WORKING_DAYS: Number(values['at-risk-working-days']),
    EVENING_CUTOFF: values['evening-cutoff'] ?? '17:00',
  },
  logger: pino({ level: 'warn' }, pino.destination(2)),
  groupId: `${topicPrefix}passport-rebuild-${randomUUID()}`,
  onProgress: stderrProgress(),
});
console.error(`rebuilt from ${result.done} events in ${(result.elapsedMs / 1000).toFixed(1)} s`);

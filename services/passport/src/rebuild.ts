// Rebuild every passport from the upstream topics into a fresh database:
//   node --import tsx services/passport/src/rebuild.ts --database-url postgres://… (--help for the options)
import { randomUUID } from 'node:crypto';
import { commandLine } from '@resettle/platform/cli';
import pino from 'pino';
import { parseRebuildArgs, rebuildUsage } from './rebuild/args.js';
import { stderrProgress } from './rebuild/progress-bar.js';
import { rebuildPassports } from './rebuild/rebuild-passports.js';

const { databaseUrl, brokers, topicPrefix, settings } = commandLine(rebuildUsage, parseRebuildArgs);
const result = await rebuildPassports({
  databaseUrl,
  brokers,
  topicPrefix,
  settings,
  logger: pino({ level: 'warn' }, pino.destination(2)),
  groupId: `${topicPrefix}passport-rebuild-${randomUUID()}`,
  onProgress: stderrProgress(),
});
console.error(`rebuilt from ${result.done} events in ${(result.elapsedMs / 1000).toFixed(1)} s`);

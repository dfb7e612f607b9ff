// Rebuild every passport from the upstream topics into a fresh database:
//   node --import tsx services/passport/src/rebuild.ts --database-url postgres://… (--help for the options)
// Settings not given are read from the environment as the service reads it.
import { commandLine } from '@resettle/platform/cli';
import pino from 'pino';
import { parseRebuildArgs, rebuildUsage } from './rebuild/args.js';
import { stderrProgress } from './rebuild/progress-bar.js';
import { rebuildPassports } from './rebuild/rebuild-passports.js';

const given = commandLine(rebuildUsage, parseRebuildArgs);
const result = await rebuildPassports({
  env: { ...process.env, ...given.env },
  logger: pino({ level: 'warn' }, pino.destination(2)),
  onProgress: stderrProgress(),
});
const seconds = (result.elapsedMs / 1000).toFixed(1);
console.error(
  `rebuilt from ${result.done} events in ${seconds} s (passports written and let go ${result.letGo} times, ${result.reloaded} loaded again)`,
);

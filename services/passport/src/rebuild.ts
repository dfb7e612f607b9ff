// Rebuild every passport from the upstream topics into a fresh database:
//   node --import tsx services/passport/src/rebuild.ts --database-url postgres://… (--help for the options)
// Settings not given are read from the environment as the service reads it.
import { isMainThread } from 'node:worker_threads';
import { commandLine } from '@resettle/platform/cli';
import pino from 'pino';
import { parseRebuildArgs, rebuildUsage } from './rebuild/args.js';
import { foldShareInThisWorker, rebuildInParallel } from './rebuild/in-parallel.js';
import { stderrProgress } from './rebuild/progress-bar.js';
import { rebuildPassports } from './rebuild/rebuild-passports.js';

async function rebuildFromTheCommandLine() {
  const given = commandLine(rebuildUsage, parseRebuildArgs);
  const options = {
    env: { ...process.env, ...given.env },
    logger: pino({ level: 'warn' }, pino.destination(2)),
    onProgress: stderrProgress(),
  };
  const result =
    given.workers > 1
      ? await rebuildInParallel({ ...options, workers: given.workers, entry: new URL(import.meta.url) })
      : await rebuildPassports(options);
  const seconds = (result.elapsedMs / 1000).toFixed(1);
  console.error(
    `rebuilt from ${result.done} events in ${seconds} s on ${given.workers} thread${given.workers > 1 ? 's' : ''} (passports written and let go ${result.letGo} times, ${result.reloaded} loaded again)`,
  );
}

/** A rebuild that cannot finish says why in one line, without a stack, and exits with 1. */
async function reportingFailure(rebuild: () => Promise<void>): Promise<void> {
  try {
    await rebuild();
  } catch (error) {
    console.error(`the rebuild stopped: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}

// The same file is each worker thread's entry when the rebuild runs on several.
if (isMainThread) await reportingFailure(rebuildFromTheCommandLine);
else await foldShareInThisWorker();

// pnpm bench [--quick] [--only raw,projection,…] [--profile | --no-profile]; see --help and docs/performance.md.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { commandLine, repoRoot } from '@resettle/infra';
import { benchDir } from './lib/child.js';
import { cleanupAll, installExitHandlers } from './lib/cleanup.js';
import { startInfra } from './lib/infra.js';
import { checkAgainstContracts } from './lib/journeys.js';
import { machineFacts } from './lib/machine.js';
import { benchOptions, benchUsage } from './lib/options.js';
import { tableOf } from './lib/report.js';
import { Runner } from './lib/runner.js';
import { System } from './lib/system.js';
import { measureLatency } from './measures/latency.js';
import { measureNational } from './measures/national.js';
import { measureProjection, type ReleaseIdsByRegion } from './measures/projection.js';
import { measureRaw, type RawLimit } from './measures/raw.js';
import { measureReads } from './measures/reads.js';
import { measureRecovery } from './measures/recovery.js';
import { measureWholePath } from './measures/whole-path.js';
import { type ProfileResult, runProfiles, type SlowPart } from './profile/run.js';

const options = commandLine(benchUsage, benchOptions);
installExitHandlers();
const runner = new Runner(options);
let profiles: ProfileResult[] = [];
const load = loadavg()[0] ?? 0;
if (load > cpus().length * 0.75) {
  console.log(
    `note: load average ${load.toFixed(1)} on ${cpus().length} cores before starting: other work will lower the figures`,
  );
}
try {
  checkAgainstContracts();
  const infra = await startInfra();
  const machine = await machineFacts(infra.postgresUrl);
  console.log(
    `[${runner.elapsed()}] Kafka ${machine.kafka} on ${infra.brokers}, PostgreSQL ${machine.postgres} (${infra.postgresOrigin})`,
  );
  const raw = await runner.measure<RawLimit>('raw', async () => {
    const { result, limit } = await measureRaw(infra, options);
    return { result, value: limit };
  });
  const main = new System(infra, 'main');
  const ids = await runner.measure<ReleaseIdsByRegion>('projection', async () => {
    const { result, ids } = await measureProjection(infra, main, options, raw);
    return { result, value: ids };
  });
  await runner.measure('whole-path', async () => ({ result: await measureWholePath(main, options, raw) }));
  await runner.measure('reads', async () => ({ result: await measureReads(infra, main, options, ids) }));
  await runner.measure('latency', async () => ({ result: await measureLatency(infra, main, options) }));
  await main.stop();
  await runner.measure('national', async () => ({ result: await measureNational(infra, options) }));
  const slow = new Set<SlowPart>();
  if (runner.missed('projection')) slow.add('passport consumer');
  if (runner.missed('whole-path') || runner.missed('latency'))
    slow.add('passport consumer').add('release-scheduling writes');
  if (runner.missed('reads')) slow.add('passport reads');
  if (runner.missed('national')) slow.add('passport rebuild');
  if (options.profile && slow.size > 0) {
    console.log(`[${runner.elapsed()}] profiling: ${[...slow].join(', ')}…`);
    profiles = await runProfiles(infra, options, slow).catch((error: unknown) => {
      console.error(`profiling failed: ${String(error)}`);
      return [];
    });
  }
  await runner.measure('recovery', async () => ({ result: await measureRecovery(infra, options) }));
  const report = {
    date: new Date().toISOString(),
    quick: options.quick,
    totalSeconds: runner.seconds(),
    machine: { ...machine, loadAverageAtStart: Number(load.toFixed(2)) },
    options: { ...options, only: [...options.only] },
    results: runner.results,
    profiles: profiles.map(({ part, summary }) => ({ part, ...summary })),
  };
  mkdirSync(join(benchDir, 'results'), { recursive: true });
  const file = join(benchDir, 'results', 'latest.json');
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  // Formatted as the repo's linter wants it, so `pnpm lint` stays clean with the results committed.
  spawnSync(join(repoRoot, 'node_modules', '.bin', 'biome'), ['format', '--write', file], { stdio: 'ignore' });
  console.log(`\n${tableOf(runner.results)}\n\nwritten to ${file} after ${runner.elapsed()}`);
} finally {
  await cleanupAll();
}

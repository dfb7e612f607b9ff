// pnpm bench [--quick] [--only raw,projection,…] [--compare REF] [--profile | --no-profile]; see --help and
// docs/performance.md.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { commandLine, repoRoot } from '@resettle/infra';
import { benchDir } from './lib/child.js';
import { cleanupAll, installExitHandlers } from './lib/cleanup.js';
import { checkoutOf, comparisonTable, infraFor, medianOfRounds, roundOrder } from './lib/compare.js';
import { type Infra, startInfra } from './lib/infra.js';
import { checkAgainstContracts } from './lib/journeys.js';
import { machineFacts } from './lib/machine.js';
import { type BenchOptions, benchOptions, benchUsage } from './lib/options.js';
import { type MeasureResult, tableOf } from './lib/report.js';
import { Runner } from './lib/runner.js';
import { System } from './lib/system.js';
import { measureLatency } from './measures/latency.js';
import { measureNational, YEAR_WOMEN } from './measures/national.js';
import { measureProjection, type ReleaseIdsByRegion } from './measures/projection.js';
import { measureRaw, type RawLimit } from './measures/raw.js';
import { measureReads } from './measures/reads.js';
import { measureRecovery } from './measures/recovery.js';
import { measureWholePath } from './measures/whole-path.js';
import { type ProfileResult, runProfiles, type SlowPart } from './profile/run.js';

const options = commandLine(benchUsage, benchOptions);
installExitHandlers();
const began = performance.now();
let profiles: ProfileResult[] = [];
const load = loadavg()[0] ?? 0;
if (load > cpus().length * 0.75) {
  console.log(
    `note: load average ${load.toFixed(1)} on ${cpus().length} cores before starting: other work will lower the figures`,
  );
}

/** Every measurement asked for, against the services of `infra.root`, each with its references in the same run. */
async function runMeasures(infra: Infra, runner: Runner, options: BenchOptions): Promise<void> {
  const raw = await runner.measure<RawLimit>('raw', async () => {
    const { result, limit } = await measureRaw(infra, options);
    return { result, value: limit };
  });
  const main = new System(infra, 'main');
  const ids = await runner.measure<ReleaseIdsByRegion>('projection', async () => {
    const { result, ids } = await measureProjection(infra, main, options, raw);
    return { result, value: ids };
  });
  await runner.measure('whole-path', async () => ({ result: await measureWholePath(infra, main, options, raw) }));
  await runner.measure('reads', async () => ({ result: await measureReads(infra, main, options, ids) }));
  await runner.measure('latency', async () => ({ result: await measureLatency(infra, main, options) }));
  await main.stop();
  await runner.measure('national', async () => ({ result: await measureNational(infra, options) }));
  await runner.measure('year', async () => ({
    result: await measureNational(infra, { ...options, nationalWomen: YEAR_WOMEN }, 'year'),
  }));
  const everything: SlowPart[] = [
    'passport consumer',
    'release-scheduling writes',
    'passport live',
    'passport reads',
    'passport rebuild',
  ];
  const slow = new Set<SlowPart>(options.only.has('profile') ? everything : []);
  if (runner.missed('projection')) slow.add('passport consumer');
  if (runner.missed('whole-path') || runner.missed('latency'))
    slow.add('passport consumer').add('release-scheduling writes').add('passport live');
  if (runner.missed('reads')) slow.add('passport reads');
  if (runner.missed('national')) slow.add('passport rebuild');
  if ((options.profile || options.only.has('profile')) && slow.size > 0) {
    console.log(`[${runner.elapsed()}] profiling: ${[...slow].join(', ')}…`);
    profiles = await runProfiles(infra, options, slow).catch((error: unknown) => {
      console.error(`profiling failed: ${String(error)}`);
      return [];
    });
  }
  await runner.measure('recovery', async () => ({ result: await measureRecovery(infra, options) }));
}

try {
  checkAgainstContracts();
  const compared = options.compare ? await checkoutOf(options.compare) : undefined;
  const infra = await startInfra();
  const machine = await machineFacts(infra.postgresUrl);
  const runner = new Runner(options, compared ? 'working tree' : '', began);
  console.log(
    `[${runner.elapsed()}] Kafka ${machine.kafka} on ${infra.brokers}, PostgreSQL ${machine.postgres} (${infra.postgresOrigin})`,
  );
  let before: Runner | undefined;
  if (compared && options.compare) {
    before = new Runner(options, options.compare, began);
    // On a broker and database just started the first round runs slow (in an A/A comparison of one commit, its first
    // round booked 168 writes/s and its others 315–340), and the order below always gives that round to the ref.
    await runMeasures(
      infraFor(infra, infra.root, 'warm-up', 'w'),
      new Runner(options, 'warm-up, not counted', began),
      options,
    );
    const rounds = { ref: [] as MeasureResult[][], tree: [] as MeasureResult[][] };
    for (const [index, side] of roundOrder(options.rounds).entries()) {
      const label = side === 'ref' ? options.compare : 'working tree';
      const round = new Runner(options, `${label} (round ${Math.floor(index / 2) + 1})`, began);
      const root = side === 'ref' ? compared.root : infra.root;
      await runMeasures(infraFor(infra, root, label, `${side[0]}${index}`), round, options);
      rounds[side].push(round.results);
    }
    before.results.push(...medianOfRounds(rounds.ref));
    runner.results.push(...medianOfRounds(rounds.tree));
  } else await runMeasures(infra, runner, options);
  const report = {
    date: new Date().toISOString(),
    quick: options.quick,
    totalSeconds: runner.seconds(),
    machine: { ...machine, loadAverageAtStart: Number(load.toFixed(2)) },
    options: { ...options, only: [...options.only] },
    results: runner.results,
    ...(compared && before && { compared: { ref: options.compare, commit: compared.commit, results: before.results } }),
    profiles: profiles.map(({ part, summary }) => ({ part, ...summary })),
  };
  mkdirSync(join(benchDir, 'results'), { recursive: true });
  // A comparison is its own file: latest.json stays the last full run.
  const file = join(benchDir, 'results', compared ? 'compare.json' : 'latest.json');
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  // Formatted as the repo's linter wants it, so `pnpm lint` stays clean with the results committed.
  spawnSync(join(repoRoot, 'node_modules', '.bin', 'biome'), ['format', '--write', file], { stdio: 'ignore' });
  const table =
    compared && before && options.compare
      ? comparisonTable(`${options.compare} (${compared.commit.slice(0, 7)})`, before.results, runner.results)
      : tableOf(runner.results);
  console.log(`\n${table}\n\nwritten to ${file} after ${runner.elapsed()}`);
} finally {
  await cleanupAll();
}

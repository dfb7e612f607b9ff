// pnpm bench [--quick] [--only raw,projection,…] [--no-profile]; see docs/performance.md.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchDir } from './lib/child.js';
import { cleanupAll, installExitHandlers } from './lib/cleanup.js';
import { startInfra } from './lib/infra.js';
import { checkAgainstContracts } from './lib/journeys.js';
import { machineFacts } from './lib/machine.js';
import { benchOptions, type MeasureName } from './lib/options.js';
import { type MeasureResult, tableOf } from './lib/report.js';
import { round } from './lib/stats.js';
import { Skip, System } from './lib/system.js';
import { measureLatency } from './measures/latency.js';
import { measureNational } from './measures/national.js';
import { measureProjection, type ReleaseIdsByRegion } from './measures/projection.js';
import { measureRaw, type RawLimit } from './measures/raw.js';
import { measureReads } from './measures/reads.js';
import { measureRecovery } from './measures/recovery.js';
import { measureWholePath } from './measures/whole-path.js';
import { type ProfileResult, runProfiles, type SlowPart } from './profile/run.js';

const options = benchOptions();
installExitHandlers();
const began = performance.now();
const results: MeasureResult[] = [];
let profiles: ProfileResult[] = [];
const elapsed = () => `${Math.round((performance.now() - began) / 1000)} s`;

/** Runs one measurement if asked for; a missing service skips it, an error fails only it. */
async function measure<T>(name: MeasureName, work: () => Promise<{ result: MeasureResult; value?: T }>) {
  if (!options.only.has(name)) return undefined;
  console.log(`[${elapsed()}] ${name}…`);
  const started = performance.now();
  let outcome: MeasureResult;
  let value: T | undefined;
  try {
    ({ result: outcome, value } = await work());
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    outcome = { name, status: error instanceof Skip ? 'skipped' : 'failed', reason, figures: [] };
  }
  outcome.seconds = round((performance.now() - started) / 1000, 1);
  results.push(outcome);
  console.log(tableOf([outcome]).split('\n').slice(2).join('\n'));
  return value;
}

const missed = (name: MeasureName) =>
  results.some(
    (result) => result.name === name && result.figures.some((f) => f.target && f.value !== undefined && !metOf(f)),
  );
const metOf = (figure: MeasureResult['figures'][number]) =>
  figure.target!.kind === 'min' ? figure.value >= figure.target!.value : figure.value < figure.target!.value;

try {
  checkAgainstContracts();
  const infra = await startInfra();
  const machine = await machineFacts(infra.postgresUrl);
  console.log(
    `[${elapsed()}] broker ${infra.brokers} (Kafka ${machine.kafka}), PostgreSQL ${machine.postgres} (${infra.postgresOrigin})`,
  );
  const raw = await measure<RawLimit>('raw', async () => {
    const { result, limit } = await measureRaw(infra, options);
    return { result, value: limit };
  });
  const main = new System(infra, 'main');
  const ids = await measure<ReleaseIdsByRegion>('projection', async () => {
    const { result, ids } = await measureProjection(infra, main, options, raw);
    return { result, value: ids };
  });
  await measure('whole-path', async () => ({ result: await measureWholePath(main, options, raw) }));
  await measure('reads', async () => ({ result: await measureReads(infra, main, options, ids) }));
  await measure('latency', async () => ({ result: await measureLatency(infra, main, options) }));
  await main.stop();
  await measure('national', async () => ({ result: await measureNational(infra, options) }));
  const slow = new Set<SlowPart>();
  if (missed('projection')) slow.add('passport consumer');
  if (missed('whole-path') || missed('latency')) slow.add('passport consumer').add('release-scheduling writes');
  if (missed('reads')) slow.add('passport reads');
  if (missed('national')) slow.add('passport rebuild');
  if (options.profile && slow.size > 0) {
    console.log(`[${elapsed()}] profiling: ${[...slow].join(', ')}…`);
    profiles = await runProfiles(infra, options, slow).catch((error: unknown) => {
      console.error(`profiling failed: ${String(error)}`);
      return [];
    });
  }
  await measure('recovery', async () => ({ result: await measureRecovery(infra, options) }));
  const report = {
    date: new Date().toISOString(),
    quick: options.quick,
    totalSeconds: round((performance.now() - began) / 1000),
    machine,
    options: { ...options, only: [...options.only] },
    results,
    profiles: profiles.map(({ part, summary }) => ({ part, ...summary })),
  };
  mkdirSync(join(benchDir, 'results'), { recursive: true });
  const file = join(benchDir, 'results', 'latest.json');
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\n${tableOf(results)}\n\nwritten to ${file} after ${elapsed()}`);
} finally {
  await cleanupAll();
}

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '@resettle/infra';
import { exited, memoryOf, startScript } from '../lib/child.js';
import type { Infra } from '../lib/infra.js';
import { journeyOf, womanOf } from '../lib/journeys.js';
import type { BenchOptions } from '../lib/options.js';
import { journeys, produce } from '../lib/produce.js';
import type { MeasureResult } from '../lib/report.js';
import { round } from '../lib/stats.js';
import { Skip, System } from '../lib/system.js';

export const YEAR_WOMEN = 57_000;
const EVENTS_PER_WOMAN = 20;
export const REBUILD_SCRIPT = join(repoRoot, 'services', 'passport', 'src', 'rebuild.ts');

export interface RebuildRun {
  exitCode: number | null;
  wallMs: number;
  progress: { ms: number; done: number; total: number }[];
  peakMiB: number;
  rssAtHalfMiB: number;
  lastLines: string[];
}

/** Runs passport's rebuild CLI into a fresh database, sampling its peak RSS (VmHWM) and its progress lines. */
export async function runRebuild(infra: Infra, prefix: string, label: string, nodeArgs: string[] = []) {
  const started = performance.now();
  const args = [
    '--database-url',
    await infra.freshDatabase(label),
    '--brokers',
    infra.brokers,
    '--topic-prefix',
    prefix,
  ];
  const rebuild = startScript(REBUILD_SCRIPT, { args, nodeArgs, env: { LOG_LEVEL: 'warn' } });
  const run: RebuildRun = { exitCode: null, wallMs: 0, progress: [], peakMiB: 0, rssAtHalfMiB: 0, lastLines: [] };
  const onLine = (line: string) => {
    run.lastLines = [...run.lastLines.slice(-9), line];
    const match = /(\d+)\/(\d+) events/.exec(line);
    if (match) run.progress.push({ ms: performance.now() - started, done: Number(match[1]), total: Number(match[2]) });
  };
  for (const stream of [rebuild.child.stdout, rebuild.child.stderr]) {
    stream?.on('data', (chunk: Buffer) =>
      chunk
        .toString()
        .split(/[\r\n]+/)
        .filter(Boolean)
        .forEach(onLine),
    );
  }
  const sampler = setInterval(() => {
    const memory = memoryOf(rebuild.child.pid ?? 0);
    if (!memory) return;
    run.peakMiB = Math.max(run.peakMiB, memory.peakMiB);
    const last = run.progress.at(-1);
    if (last && last.done < last.total / 2) run.rssAtHalfMiB = memory.rssMiB;
  }, 200);
  run.exitCode = await exited(rebuild.child);
  clearInterval(sampler);
  run.wallMs = performance.now() - started;
  await rebuild.stop();
  return run;
}

/** A year of journeys (or a slice of it, extrapolated and said so), rebuilt into a fresh database. */
export async function measureNational(infra: Infra, options: BenchOptions): Promise<MeasureResult> {
  if (!existsSync(REBUILD_SCRIPT)) throw new Skip('services/passport/src/rebuild.ts does not exist yet');
  const system = new System(infra, 'national');
  await system.createTopics(['passport', 'passport-rebuild']);
  const women = options.nationalWomen;
  const bus = infra.bus('bench-national');
  const sent = await produce(
    bus,
    journeys(4_000_000, women, (n) => journeyOf(womanOf(n), system.prefix, true)),
  );
  await bus.close();
  const run = await runRebuild(infra, system.prefix, 'national_rebuild');
  if (run.exitCode !== 0) throw new Error(`rebuild exited with ${run.exitCode}: ${run.lastLines.join(' | ')}`);
  const last = run.progress.at(-1) ?? { ms: run.wallMs, done: sent.count, total: sent.count };
  const warm = run.progress.find((step) => step.done >= last.total * 0.1) ?? run.progress[0] ?? last;
  const steadyRate =
    ((last.done - warm.done) * 1000) / Math.max(1, last.ms - warm.ms) || (last.done * 1000) / run.wallMs;
  const overhead = run.wallMs - (last.done * 1000) / steadyRate;
  const yearEvents = YEAR_WOMEN * EVENTS_PER_WOMAN;
  const extrapolated = women < YEAR_WOMEN;
  const yearSeconds = extrapolated ? (overhead + (yearEvents * 1000) / steadyRate) / 1000 : run.wallMs / 1000;
  const scale = `${women.toLocaleString('en-GB')} women, ${sent.count.toLocaleString('en-GB')} events`;
  return {
    name: 'national',
    status: 'ok',
    figures: [
      { name: `rebuild rate (${scale})`, value: round(steadyRate), unit: 'events/s' },
      { name: `rebuild wall time (${scale})`, value: round(run.wallMs / 1000, 1), unit: 's' },
      {
        name: `whole year, ${yearEvents.toLocaleString('en-GB')} events`,
        value: round(yearSeconds, 1),
        unit: 's',
        target: { kind: 'max', value: 60 },
        note: extrapolated ? `EXTRAPOLATED from ${scale}` : 'measured',
      },
      {
        name: 'peak RSS of the rebuilding process',
        value: round(run.peakMiB),
        unit: 'MiB',
        target: { kind: 'max', value: 1024 },
        note: extrapolated ? `measured at ${scale}; RSS at half-way ${round(run.rssAtHalfMiB)} MiB` : 'measured',
      },
    ],
    details: {
      women,
      events: sent.count,
      produceSeconds: round(sent.ms / 1000, 1),
      startupSeconds: round(overhead / 1000, 1),
      extrapolated,
    },
  };
}

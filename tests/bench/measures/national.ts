import { existsSync } from 'node:fs';
import type { Infra } from '../lib/infra.js';
import { journeyOf, womanOf } from '../lib/journeys.js';
import type { BenchOptions } from '../lib/options.js';
import { journeys, produce } from '../lib/produce.js';
import { rebuildScriptOf, runRebuild } from '../lib/rebuild.js';
import type { MeasureResult } from '../lib/report.js';
import { round } from '../lib/stats.js';
import { Skip, System } from '../lib/system.js';

export const YEAR_WOMEN = 57_000;
const EVENTS_PER_WOMAN = 20;

/** A year of journeys (or a slice of it, extrapolated and said so), rebuilt into a fresh database. */
export async function measureNational(infra: Infra, options: BenchOptions, label = 'national'): Promise<MeasureResult> {
  if (!existsSync(rebuildScriptOf(infra.root))) throw new Skip('services/passport/src/rebuild.ts does not exist yet');
  const system = new System(infra, label);
  await system.createTopics(['passport', 'passport-rebuild']);
  const women = options.nationalWomen;
  const bus = infra.bus('bench-national');
  const sent = await produce(
    bus,
    journeys(4_000_000, women, (n) => journeyOf(womanOf(n), system.prefix, true)),
  );
  await bus.close();
  const run = await runRebuild(infra, system.prefix, `${label}_rebuild`);
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
    name: label === 'year' ? 'year' : 'national',
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
      // The rebuild's own closing line: its time, and how often it wrote and let go the passports it held.
      summary: run.lastLines.find((line) => line.startsWith('rebuilt from')) ?? null,
    },
  };
}

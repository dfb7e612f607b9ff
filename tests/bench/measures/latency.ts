import type { Infra } from '../lib/infra.js';
import { openLoop } from '../lib/open-loop.js';
import type { BenchOptions } from '../lib/options.js';
import type { MeasureResult } from '../lib/report.js';
import { round, sleep } from '../lib/stats.js';
import type { System } from '../lib/system.js';
import { WriteTracker } from '../lib/tracker.js';

export const LATENCY_PEOPLE = 2_000_000;
/** Behind by this much, the rate is not sustainable: the run stops rather than build a backlog for minutes. */
const GIVE_UP_BEHIND_MS = 10_000;

/** API write → passport.updated at a steady rate (after a warm-up and a low-rate floor), p50 / p99 / max. */
export async function measureLatency(infra: Infra, system: System, options: BenchOptions): Promise<MeasureResult> {
  await system.need('passport');
  const writer = await system.need('release-scheduling');
  const tracker = await WriteTracker.start(infra, system.prefix);
  let next = LATENCY_PEOPLE;
  const phase = async (label: string, rate: number, seconds: number, stop?: () => boolean) => {
    const from = next;
    next += Math.ceil(rate * seconds);
    return openLoop(rate, seconds, (i) => tracker.write(writer.url, from + i, `${label}-${from + i}`), { stop });
  };
  const settle = async (label: string) => {
    const deadline = performance.now() + Math.min(GIVE_UP_BEHIND_MS, options.latencySeconds * 1000);
    while (performance.now() < deadline && tracker.summary(label).notReflected > 0) await sleep(250);
  };
  const floorRate = options.latencyFloorRate;
  for (let attempt = 0; attempt < 5 && !tracker.seenAny(); attempt += 1) {
    await phase('warm', floorRate, options.warmupSeconds);
    for (let waited = 0; waited < 2_000 && !tracker.seenAny(); waited += 100) await sleep(100);
  }
  if (!tracker.seenAny()) throw new Error('no passport.updated event seen during the warm-up');
  await phase('floor', floorRate, options.warmupSeconds * 2);
  await settle('floor');
  const started = performance.now();
  let behindAfter: number | undefined;
  const watch = setInterval(() => {
    if (tracker.oldestWaitingMs('main') > GIVE_UP_BEHIND_MS) behindAfter ??= performance.now() - started;
  }, 250);
  await phase('main', options.latencyRate, options.latencySeconds, () => behindAfter !== undefined);
  clearInterval(watch);
  await settle('main');
  await tracker.stop();
  const floor = tracker.summary('floor');
  const hops = tracker.hops('floor');
  const main = tracker.summary('main');
  const mainHops = tracker.hops('main');
  const rate = options.latencyRate;
  const lowerBound = main.notReflected > 0 ? 'lower bound: some writes never reflected' : undefined;
  return {
    name: 'latency',
    status: 'ok',
    figures: [
      { name: `p50 at ${floorRate} writes/s (unsaturated floor)`, value: floor.p50, unit: 'ms' },
      { name: `p99 at ${floorRate} writes/s (unsaturated floor)`, value: floor.p99, unit: 'ms' },
      { name: `floor hop 1: write → release.scheduled on Kafka, p50`, value: hops.toReleaseTopic.p50, unit: 'ms' },
      { name: `floor hop 2: release.scheduled → passport.updated, p50`, value: hops.toPassportTopic.p50, unit: 'ms' },
      { name: `p50 at ${rate} writes/s`, value: main.p50, unit: 'ms' },
      { name: `p99 at ${rate} writes/s`, value: main.p99, unit: 'ms', note: lowerBound },
      {
        // The reference is the same path unloaded: no queueing means the p99 barely moves with ten times the rate.
        name: `p99 at ${rate} writes/s ÷ p99 at ${floorRate} writes/s`,
        value: round(main.p99 / Math.max(1, floor.p99), 2),
        unit: '×',
        target: { kind: 'max', value: 2 },
        note: lowerBound,
      },
      { name: `max at ${rate} writes/s`, value: main.max, unit: 'ms' },
      {
        name: `seconds sustained at ${rate} writes/s`,
        value: round(Math.min(behindAfter ?? Number.POSITIVE_INFINITY, options.latencySeconds * 1000) / 1000, 1),
        unit: 's',
        note: behindAfter === undefined ? 'whole run' : `stopped: fell ${GIVE_UP_BEHIND_MS / 1000} s behind`,
      },
      { name: `API reply p99 at ${rate} writes/s`, value: main.httpP99, unit: 'ms' },
      // Where the tail is: the booking and its relay (hop 1), or passport applying it and its relay (hop 2).
      {
        name: `hop 1 p99 at ${rate} writes/s (write → release.scheduled)`,
        value: mainHops.toReleaseTopic.p99,
        unit: 'ms',
      },
      { name: `hop 2 p99 at ${rate} writes/s (→ passport.updated)`, value: mainHops.toPassportTopic.p99, unit: 'ms' },
    ],
    details: {
      floor,
      hops,
      main,
      mainHops,
      matchedBy: tracker.matchedByReleaseId > 0 ? 'release id' : 'correlation id',
    },
  };
}

import { Backlog } from '../lib/backlog.js';
import { remember } from '../lib/cleanup.js';
import type { Infra } from '../lib/infra.js';
import { openLoop } from '../lib/open-loop.js';
import type { BenchOptions } from '../lib/options.js';
import type { MeasureResult } from '../lib/report.js';
import { pollUntil } from '../lib/services.js';
import { round, sleep } from '../lib/stats.js';
import { System } from '../lib/system.js';
import { watchPassportUpdates } from '../lib/watch.js';
import { postRelease } from '../lib/writes.js';

const RECOVERY_PEOPLE = 3_000_000;

/**
 * Steady writes to release-scheduling with every available service consuming; the broker stopped for the outage
 * and started again; the time until every consumer's lag and every outbox is back to its steady-load level.
 */
export async function measureRecovery(infra: Infra, options: BenchOptions): Promise<MeasureResult> {
  const system = new System(infra, 'recovery');
  await system.createTopics(['passport', 'accommodation', 'transport', 'treatment-continuity']);
  const writer = await system.need('release-scheduling');
  await system.need('passport');
  // The smoke run (--quick) keeps to the two services the load needs; the full run starts every one that exists.
  if (!options.quick) await system.startAll(['accommodation', 'transport', 'treatment-continuity']);
  const services = system.running().map((service) => service.name);
  const backlog = new Backlog(system.running());
  const accepted = new Set<string>();
  const reached = new Set<string>();
  const stopWatching = await watchPassportUpdates(infra, system.prefix, true, ({ releaseId }) => {
    if (releaseId) reached.add(releaseId);
  });
  let stopLoad = false;
  const load = openLoop(
    options.recoveryRate,
    3_600,
    async (i) => {
      const reply = await postRelease(writer.url, RECOVERY_PEOPLE + i, `bench-recovery-${i}`);
      if (reply.releaseId) accepted.add(reply.releaseId);
    },
    { stop: () => stopLoad },
  );
  let steady = 0;
  const steadyEnd = performance.now() + Math.max(2, options.warmupSeconds * 2) * 1000;
  while (performance.now() < steadyEnd) {
    steady = Math.max(steady, (await backlog.level()) ?? 0);
    await sleep(500);
  }
  const stopped = performance.now();
  await infra.broker.stop();
  const acceptedBefore = accepted.size;
  await sleep(Math.max(0, stopped + options.outageSeconds * 1000 - performance.now()));
  const acceptedInOutage = accepted.size - acceptedBefore;
  const restart = performance.now();
  await infra.broker.start(90_000);
  if (infra.broker.pid) remember.pid(infra.broker.pid, 'kafka.Kafka');
  const up = performance.now();
  const recovered = await pollUntil(
    async () => {
      const level = await backlog.level();
      backlog.sample(up);
      return level !== undefined && level <= steady;
    },
    120_000,
    250,
  );
  backlog.sample(up, 0);
  stopLoad = true;
  await load;
  await pollUntil(async () => (await backlog.level()) === 0 && reached.size >= accepted.size, 60_000, 500);
  await stopWatching();
  const lost = [...accepted].filter((id) => !reached.has(id)).length;
  await system.stop();
  if (recovered === undefined) {
    throw new Error(`not back to the steady level (${steady}) 2 minutes after the restart: ${backlog.text}`);
  }
  return {
    name: 'recovery',
    status: 'ok',
    figures: [
      {
        name: `back to steady lag after broker up (${options.outageSeconds} s outage, ${options.recoveryRate} writes/s)`,
        value: round((recovered - up) / 1000, 1),
        unit: 's',
        target: { kind: 'max', value: 10 },
      },
      { name: 'broker restart (command → accepting)', value: round((up - restart) / 1000, 1), unit: 's' },
      { name: 'writes accepted while the broker was down', value: acceptedInOutage, unit: 'writes' },
      { name: 'accepted writes missing from passport', value: lost, unit: 'writes', target: { kind: 'max', value: 1 } },
    ],
    details: {
      services,
      steadyLevel: steady,
      accepted: accepted.size,
      timelineAfterBrokerUp: backlog.timeline,
    },
  };
}

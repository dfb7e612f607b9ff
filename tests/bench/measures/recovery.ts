import { remember } from '../lib/cleanup.js';
import type { Infra } from '../lib/infra.js';
import { openLoop } from '../lib/open-loop.js';
import type { BenchOptions } from '../lib/options.js';
import type { MeasureResult } from '../lib/report.js';
import { consumerHealth, pollUntil, type Service } from '../lib/services.js';
import { round, sleep } from '../lib/stats.js';
import { System } from '../lib/system.js';
import { watchPassportUpdates } from '../lib/watch.js';
import { postRelease } from '../lib/writes.js';

const RECOVERY_PEOPLE = 3_000_000;

/** Every service's consumer lag and outbox backlog ("name lag/outbox"); undefined if one does not answer. */
async function backlogs(services: Service[]) {
  const health = await Promise.all(services.map((service) => consumerHealth(service, 2_000)));
  if (health.some((entry) => entry === undefined)) return undefined;
  return services.map((service, i) => ({ name: service.name, lag: health[i]!.lag, outbox: health[i]!.outboxPending }));
}

async function backlog(services: Service[], last: { text: string }) {
  const levels = await backlogs(services);
  last.text = levels ? levels.map((level) => `${level.name} ${level.lag}/${level.outbox}`).join(', ') : 'no answer';
  return levels && Math.max(...levels.map((level) => Math.max(level.lag, level.outbox)));
}

/**
 * Steady writes to release-scheduling, every available service consuming; the broker stopped for the outage and
 * started again; the time until every consumer's lag (and every outbox) is back to its steady-load level.
 */
export async function measureRecovery(infra: Infra, options: BenchOptions): Promise<MeasureResult> {
  const system = new System(infra, 'recovery');
  await system.createTopics(['passport', 'accommodation', 'transport', 'treatment-continuity']);
  const writer = await system.need('release-scheduling');
  await system.need('passport');
  await system.startAll(['accommodation', 'transport', 'treatment-continuity']);
  const services = system.running();
  const accepted = new Set<string>();
  const reached = new Set<string>();
  const stopWatching = await watchPassportUpdates(infra, system.prefix, true, (update) => {
    if (update.releaseId) reached.add(update.releaseId);
  });
  let stopLoad = false;
  let refused = 0;
  const load = openLoop(
    options.recoveryRate,
    3_600,
    async (i) => {
      const reply = await postRelease(writer.url, RECOVERY_PEOPLE + i, `bench-recovery-${i}`);
      if (reply.releaseId) accepted.add(reply.releaseId);
      else refused += 1;
    },
    { stop: () => stopLoad },
  );
  const last = { text: '' };
  let steady = 0;
  const steadyEnd = performance.now() + Math.max(5, options.warmupSeconds * 2) * 1000;
  while (performance.now() < steadyEnd) {
    steady = Math.max(steady, (await backlog(services, last)) ?? 0);
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
  let firstZero: number | undefined;
  const recovered = await pollUntil(
    async () => {
      const level = await backlog(services, last);
      if (level === 0) firstZero ??= performance.now();
      return level !== undefined && level <= steady;
    },
    120_000,
    250,
  );
  stopLoad = true;
  await load;
  await pollUntil(async () => (await backlog(services, last)) === 0 && reached.size >= accepted.size, 60_000, 500);
  await stopWatching();
  const lost = [...accepted].filter((id) => !reached.has(id)).length;
  await system.stop();
  if (recovered === undefined)
    throw new Error(`not back to the steady level (${steady}) 2 minutes after the restart; lag/outbox: ${last.text}`);
  return {
    name: 'recovery',
    status: 'ok',
    figures: [
      {
        name: `lag back to steady level after broker up (${options.outageSeconds} s outage)`,
        value: round((recovered - up) / 1000, 1),
        unit: 's',
        target: { kind: 'max', value: 10 },
      },
      { name: 'broker start (restart command → accepting)', value: round((up - restart) / 1000, 1), unit: 's' },
      { name: 'writes accepted while the broker was down', value: acceptedInOutage, unit: 'writes' },
      {
        name: 'accepted writes missing from passport afterwards',
        value: lost,
        unit: 'writes',
        target: { kind: 'max', value: 1 },
      },
    ],
    details: {
      services: services.map((service) => service.name),
      rate: options.recoveryRate,
      steadyLevel: steady,
      firstAllZeroAfterUpSeconds: firstZero === undefined ? null : round((firstZero - up) / 1000, 1),
      accepted: accepted.size,
      refused,
    },
  };
}

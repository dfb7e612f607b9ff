import type { Infra } from '../lib/infra.js';
import { journeyOf, womanOf } from '../lib/journeys.js';
import type { BenchOptions } from '../lib/options.js';
import { journeys, produce } from '../lib/produce.js';
import type { MeasureResult } from '../lib/report.js';
import { consumerHealth, pollUntil } from '../lib/services.js';
import { round } from '../lib/stats.js';
import type { System } from '../lib/system.js';
import { measurePersistReference } from './persist-reference.js';
import type { RawLimit } from './raw.js';

/** Release ids of the women whose passports the projection built, by region (the reads use them). */
export type ReleaseIdsByRegion = Map<string, string[]>;

/**
 * Pre-produces journeys onto the upstream topics, then starts passport and times it to lag 0. The first 10% of the
 * events are its warm-up: the rate is taken from then until lag 0, from `applied` on /health/consumer.
 */
export async function measureProjection(
  infra: Infra,
  system: System,
  options: BenchOptions,
  raw: RawLimit | undefined,
): Promise<{ result: MeasureResult; ids: ReleaseIdsByRegion }> {
  await system.createTopics();
  const women = Math.ceil(options.projectionEvents / 20);
  const ids: ReleaseIdsByRegion = new Map();
  const topics = new Set<string>();
  const bus = infra.bus('bench-projection');
  const sent = await produce(
    bus,
    journeys(0, women, (n) => {
      const woman = womanOf(n);
      const list = ids.get(woman.region) ?? [];
      list.push(woman.releaseId);
      ids.set(woman.region, list);
      const journey = journeyOf(woman, system.prefix, n % 3 === 0);
      for (const message of journey) topics.add(message.topic);
      return journey;
    }),
  );
  await bus.close();
  // The reference first, on the very same messages, back to back with the passport.
  const reference = await measurePersistReference(infra, [...topics], sent.count);
  const spawned = performance.now();
  const passport = await system.need('passport');
  const warm = Math.round(sent.count * 0.1);
  let start: { at: number; applied: number } | undefined;
  let applied = 0;
  const caughtUp = await pollUntil(
    async () => {
      const health = await consumerHealth(passport);
      if (!health) return false;
      applied = health.applied ?? sent.count - health.lag;
      if (!start && applied >= warm) start = { at: performance.now(), applied };
      // Lag 0 is also what a consumer reports before it has joined its group: caught up only once past the warm-up.
      return start !== undefined && health.lag === 0 && health.outboxPending === 0;
    },
    600_000,
    // The catch-up takes seconds: a coarser poll would put a tenth or more of error into the rate.
    100,
  );
  if (!caughtUp || !start) throw new Error(`passport did not catch up with ${sent.count} events within 10 minutes`);
  const rate = ((applied - start.applied) * 1000) / Math.max(1, caughtUp - start.at);
  const figures: MeasureResult['figures'] = [
    { name: `passport catch-up on ${sent.count} pre-produced events`, value: round(rate), unit: 'events/s' },
    {
      name: 'reference: bare consumer storing each event id in an inbox (batches of 500)',
      value: round(reference.rate),
      unit: 'events/s',
    },
    {
      name: 'passport catch-up ÷ bare inbox consumer',
      value: round(rate / reference.rate, 3),
      unit: '',
      target: { kind: 'min', value: 0.5 },
    },
  ];
  if (raw)
    figures.push({ name: 'passport catch-up ÷ raw consume (context)', value: round(rate / raw.consume, 4), unit: '' });
  return {
    ids,
    result: {
      name: 'projection',
      status: 'ok',
      figures,
      details: {
        events: sent.count,
        women,
        persistReference: { rate: round(reference.rate), stored: reference.count },
        produceSeconds: round(sent.ms / 1000, 1),
        spawnToCaughtUpSeconds: round((caughtUp - spawned) / 1000, 1),
        appliedInWindow: applied - start.applied,
        windowSeconds: round((caughtUp - start.at) / 1000, 1),
      },
    },
  };
}

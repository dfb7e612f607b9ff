import type { BenchOptions } from '../lib/options.js';
import type { MeasureResult } from '../lib/report.js';
import { consumerHealth, pollUntil, type Service } from '../lib/services.js';
import { round } from '../lib/stats.js';
import type { System } from '../lib/system.js';
import { writeMany } from '../lib/writes.js';
import type { RawLimit } from './raw.js';

export const WHOLE_PATH_PEOPLE = 1_000_000;

/** Waits until passport has applied `expected` events, its lag is 0 and both outboxes are empty. */
export async function drained(passport: Service, writer: Service, expected: number, timeoutMs = 300_000) {
  return pollUntil(
    async () => {
      const [read, write] = await Promise.all([consumerHealth(passport), consumerHealth(writer)]);
      return (
        (read?.applied ?? 0) >= expected && read?.lag === 0 && read.outboxPending === 0 && write?.outboxPending === 0
      );
    },
    timeoutMs,
    200,
  );
}

/** API writes to release-scheduling, through its outbox, relay and Kafka, until passport has committed them all. */
export async function measureWholePath(
  system: System,
  options: BenchOptions,
  raw: RawLimit | undefined,
): Promise<MeasureResult> {
  const passport = await system.need('passport');
  const writer = await system.need('release-scheduling');
  const applied = async () => (await consumerHealth(passport))?.applied ?? 0;
  const run = async (from: number, count: number) => {
    const before = await applied();
    const started = performance.now();
    const replies = await writeMany(writer.url, from, count, options.writeConcurrency);
    const written = performance.now();
    const accepted = replies.filter((reply) => reply.status === 201).length;
    const done = await drained(passport, writer, before + accepted);
    if (!done) throw new Error(`passport did not apply ${accepted} writes within 5 minutes`);
    return { accepted, refused: count - accepted, apiMs: written - started, pathMs: done - started };
  };
  const warmUp = Math.max(20, Math.round(options.wholePathWrites / 10));
  await run(WHOLE_PATH_PEOPLE, warmUp);
  const measured = await run(WHOLE_PATH_PEOPLE + warmUp, options.wholePathWrites);
  const rate = (measured.accepted * 1000) / measured.pathMs;
  const figures: MeasureResult['figures'] = [
    {
      name: `API writes accepted (${options.writeConcurrency} concurrent)`,
      value: round((measured.accepted * 1000) / measured.apiMs),
      unit: 'writes/s',
    },
    { name: 'write → passport committed', value: round(rate), unit: 'events/s' },
  ];
  if (raw) {
    figures.push({
      name: 'ratio to raw consume',
      value: round(rate / raw.consume, 4),
      unit: '',
      target: { kind: 'min', value: 0.25 },
    });
  }
  return {
    name: 'whole-path',
    status: 'ok',
    figures,
    details: { ...measured, warmUpWrites: warmUp },
  };
}

import { startBareServer } from '../lib/bare.js';
import { cpuMsOf, cpuMsOfEvery, cpuSince } from '../lib/child.js';
import type { Infra } from '../lib/infra.js';
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
  infra: Infra,
  system: System,
  options: BenchOptions,
  raw: RawLimit | undefined,
): Promise<MeasureResult> {
  const passport = await system.need('passport');
  const writer = await system.need('release-scheduling');
  const applied = async () => (await consumerHealth(passport))?.applied ?? 0;
  const run = async (from: number, count: number) => {
    const before = await applied();
    const writerCpu = cpuSince(() => cpuMsOf(writer.pid));
    const databaseCpu = cpuSince(() => cpuMsOfEvery('postgres'));
    const started = performance.now();
    const replies = await writeMany(writer.url, from, count, options.writeConcurrency);
    const written = performance.now();
    const accepted = replies.filter((reply) => reply.status === 201).length;
    const done = await drained(passport, writer, before + accepted);
    if (!done) throw new Error(`passport did not apply ${accepted} writes within 5 minutes`);
    return {
      accepted,
      refused: count - accepted,
      apiMs: written - started,
      pathMs: done - started,
      cpuMs: writerCpu(),
      databaseCpuMs: databaseCpu(),
    };
  };
  const warmUp = Math.max(20, Math.round(options.wholePathWrites / 10));
  // The reference, back to back: the same writers, bodies and path against a bare insert-one-row route.
  const bare = await startBareServer(infra, 'write');
  await writeMany(bare.url, WHOLE_PATH_PEOPLE, warmUp, options.writeConcurrency);
  const bareStarted = performance.now();
  const bareCpu = cpuSince(() => cpuMsOf(bare.pid));
  const bareDatabaseCpu = cpuSince(() => cpuMsOfEvery('postgres'));
  const bareReplies = await writeMany(
    bare.url,
    WHOLE_PATH_PEOPLE + warmUp,
    options.wholePathWrites,
    options.writeConcurrency,
  );
  const bareAccepted = bareReplies.filter((reply) => reply.status === 201).length;
  const bareRate = (bareAccepted * 1000) / (performance.now() - bareStarted);
  const bareCpuPerWrite = bareCpu() / Math.max(1, bareAccepted);
  const bareDatabaseCpuPerWrite = bareDatabaseCpu() / Math.max(1, bareAccepted);
  await bare.stop();
  await run(WHOLE_PATH_PEOPLE, warmUp);
  const measured = await run(WHOLE_PATH_PEOPLE + warmUp, options.wholePathWrites);
  const rate = (measured.accepted * 1000) / measured.pathMs;
  const apiRate = (measured.accepted * 1000) / measured.apiMs;
  const figures: MeasureResult['figures'] = [
    {
      name: `reference: bare route inserting one row in one transaction (${options.writeConcurrency} concurrent)`,
      value: round(bareRate),
      unit: 'writes/s',
    },
    { name: `API writes accepted (${options.writeConcurrency} concurrent)`, value: round(apiRate), unit: 'writes/s' },
    {
      name: 'API writes ÷ bare write',
      value: round(apiRate / bareRate, 3),
      unit: '',
      target: { kind: 'min', value: 0.5 },
    },
    { name: 'reference: bare route CPU per write', value: round(bareCpuPerWrite, 3), unit: 'ms' },
    {
      name: 'release-scheduling CPU per write (the booking, its outbox and relay)',
      value: round(measured.cpuMs / Math.max(1, measured.accepted), 3),
      unit: 'ms',
    },
    { name: 'reference: bare route PostgreSQL CPU per write', value: round(bareDatabaseCpuPerWrite, 3), unit: 'ms' },
    {
      // Every postgres process: release-scheduling's booking and relay, and passport applying what it publishes.
      name: 'PostgreSQL CPU per write (the booking, its relay and passport applying it)',
      value: round(measured.databaseCpuMs / Math.max(1, measured.accepted), 3),
      unit: 'ms',
    },
    { name: 'write → passport committed', value: round(rate), unit: 'writes/s' },
    {
      name: 'write → passport committed ÷ bare write',
      value: round(rate / bareRate, 3),
      unit: '',
      target: { kind: 'min', value: 0.3 },
    },
  ];
  if (raw)
    figures.push({ name: 'write → passport ÷ raw consume (context)', value: round(rate / raw.consume, 4), unit: '' });
  return {
    name: 'whole-path',
    status: 'ok',
    figures,
    details: { ...measured, warmUpWrites: warmUp, bareWritesPerSecond: round(bareRate) },
  };
}

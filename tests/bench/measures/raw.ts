import { randomUUID } from 'node:crypto';
import type { Infra } from '../lib/infra.js';
import { journeyOf, type Produced, womanOf } from '../lib/journeys.js';
import type { BenchOptions } from '../lib/options.js';
import { produce } from '../lib/produce.js';
import type { MeasureResult } from '../lib/report.js';
import { round, within } from '../lib/stats.js';

export interface RawLimit {
  produce: number;
  consume: number;
}

/** Real journey events (same sizes, same keys spread) addressed to one topic. */
function* messagesFor(topic: string, count: number): Generator<Produced> {
  for (let n = 0; n < count; n += 20) {
    for (const message of journeyOf(womanOf(n), '', n % 3 === 0).slice(0, count - n)) yield { ...message, topic };
  }
}

/** Produce N real-sized events through createEventBus, then consume them with a fresh group that only counts. */
async function produceThenConsume(infra: Infra, topic: string, count: number) {
  const bus = infra.bus(`bench-raw-${randomUUID()}`);
  await bus.ensureTopics([topic], 3);
  const sent = await produce(bus, messagesFor(topic, count));
  let seen = 0;
  let first = 0;
  let last = 0;
  let done: () => void = () => {};
  const finished = new Promise<void>((resolve) => {
    done = resolve;
  });
  const subscription = await bus.subscribe({
    groupId: `bench-raw-${randomUUID()}`,
    topics: [topic],
    fromBeginning: true,
    handle: async () => {
      seen += 1;
      if (seen === 1) first = performance.now();
      if (seen === count) {
        last = performance.now();
        done();
      }
    },
  });
  await within(`consuming ${count} raw messages`, 120_000, finished);
  await subscription.stop();
  await bus.close();
  return { produce: (count * 1000) / sent.ms, consume: ((count - 1) * 1000) / (last - first) };
}

export async function measureRaw(
  infra: Infra,
  options: BenchOptions,
): Promise<{ result: MeasureResult; limit: RawLimit }> {
  const prefix = `bench-${infra.runId}-raw.`;
  await produceThenConsume(infra, `${prefix}warm-up`, Math.ceil(options.rawMessages / 5));
  const limit = await produceThenConsume(infra, `${prefix}events`, options.rawMessages);
  const sample = journeyOf(womanOf(1), '', true);
  const bytes = sample.reduce((sum, message) => sum + message.value.length, 0) / sample.length;
  return {
    limit,
    result: {
      name: 'raw',
      status: 'ok',
      figures: [
        { name: 'produce (createEventBus, batches of 1000, acks=all)', value: round(limit.produce), unit: 'msg/s' },
        { name: 'consume (createEventBus, fresh group, count only)', value: round(limit.consume), unit: 'msg/s' },
      ],
      details: { messages: options.rawMessages, meanEventBytes: round(bytes) },
    },
  };
}

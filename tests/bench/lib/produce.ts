import type { EventBus } from '@resettle/messaging';
import type { Produced } from './journeys.js';

/**
 * Sends messages through the event bus in per-topic batches (the bus's producer sends with acks=all).
 * Returns how many were sent and how long it took.
 */
export async function produce(
  bus: EventBus,
  messages: Iterable<Produced>,
  batchSize = 1_000,
): Promise<{ count: number; ms: number }> {
  const started = performance.now();
  const pending = new Map<string, Produced[]>();
  let count = 0;
  const flush = async (topic: string) => {
    const batch = pending.get(topic) ?? [];
    pending.set(topic, []);
    if (batch.length > 0)
      await bus.send(
        topic,
        batch.map(({ key, value }) => ({ key, value })),
      );
  };
  for (const message of messages) {
    const batch = pending.get(message.topic) ?? [];
    batch.push(message);
    pending.set(message.topic, batch);
    count += 1;
    if (batch.length >= batchSize) await flush(message.topic);
  }
  for (const topic of [...pending.keys()]) await flush(topic);
  return { count, ms: performance.now() - started };
}

/** The journeys of women `from` … `from + count - 1`, one woman at a time. */
export function* journeys<T>(from: number, count: number, build: (n: number) => Iterable<T>): Generator<T> {
  for (let n = from; n < from + count; n += 1) yield* build(n);
}

import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import type { Infra } from '../lib/infra.js';
import { within } from '../lib/stats.js';

/**
 * The consumers' reference: the same createEventBus subscription the services use (batches of up to 500, three
 * partitions at a time, a fresh group from the beginning), whose only work is to store each event's id in an inbox
 * table, one transaction and one insert per batch, on a pool of 10. What any consumer that keeps an inbox costs on
 * this machine, without the work of its own.
 */
export async function measurePersistReference(
  infra: Infra,
  topics: string[],
  expected: number,
): Promise<{ rate: number; count: number }> {
  const url = await infra.freshDatabase(`persist_${randomUUID().slice(0, 8)}`);
  const sql = postgres(url, { max: 10, onnotice: () => {} });
  await sql`create table inbox (event_id uuid primary key, received_at timestamptz not null default now())`;
  const bus = infra.bus(`bench-persist-${randomUUID()}`);
  let stored = 0;
  let start: { at: number; stored: number } | undefined;
  let done: () => void = () => {};
  const finished = new Promise<void>((resolve) => {
    done = resolve;
  });
  const subscription = await bus.subscribe({
    groupId: `bench-persist-${randomUUID()}`,
    topics,
    fromBeginning: true,
    maxBatchSize: 500,
    partitionsConsumedConcurrently: 3,
    handleBatch: async (messages) => {
      const ids = messages.flatMap((message) => {
        const id = message.value ? (JSON.parse(message.value.toString('utf8')) as { id?: string }).id : undefined;
        return id ? [id] : [];
      });
      await sql.begin((tx) => tx`insert into inbox (event_id) select unnest(${ids}::uuid[]) on conflict do nothing`);
      stored += messages.length;
      if (!start && stored >= expected * 0.1) start = { at: performance.now(), stored };
      if (stored >= expected) done();
    },
  });
  const began = performance.now();
  await within(`storing ${expected} event ids`, 300_000, finished);
  const ended = performance.now();
  await subscription.stop();
  await bus.close();
  await sql.end({ timeout: 5 });
  const from = start ?? { at: began, stored: 0 };
  return { rate: ((stored - from.stored) * 1000) / Math.max(1, ended - from.at), count: stored };
}

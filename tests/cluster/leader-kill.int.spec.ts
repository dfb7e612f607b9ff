import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { EventEnvelope } from '@resettle/contracts';
import { clientSecurity } from '@resettle/infra';
import {
  OutboxRelay,
  relayLockSession,
  scramOverTls,
  servicePrincipals,
  type TopicDescription,
} from '@resettle/messaging';
import {
  cancelledEvent,
  createHarness,
  effectRows,
  effectsConsumer,
  type Harness,
  writeToOutbox,
} from '@resettle/messaging/test-support';
import { eventually, type LocalKafkaCluster, ownKafkaCluster } from '@resettle/testing';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const WOMEN = Array.from({ length: 60 }, (_, index) => `W${String(1000 + index)}LK`);
const EVENTS = 4_000;
const SLICE = 40; // events per outbox transaction
const PACE_MS = 60; // between transactions: a steady stream of a few hundred events a second, for ~10 s
const KILL_AFTER = 1_200; // events written before the leader is killed

// This file kills a broker on purpose, so it runs a three-node cluster of its own instead of the run's broker:
// SASL_SSL between clients and brokers and between brokers, with the authorizer on, as `KAFKA_CLUSTER_SIZE=3 pnpm
// start` runs it. The harness logs in as the admin (it makes its own topics and reads their configs).
describe('a three-broker SASL_SSL cluster when the leader of a busy partition is SIGKILLed', () => {
  let cluster: LocalKafkaCluster;
  let harness: Harness;
  beforeAll(async () => {
    cluster = await ownKafkaCluster('leader-kill', { users: servicePrincipals() });
    await cluster.start(180_000); // three JVMs at once: on a busy two-core machine over 90 s

    const { admin, caFile } = clientSecurity(cluster.nodes[0]!.handle.security!);
    harness = await createHarness('leaderkill', cluster.brokers.split(','), {
      replicationFactor: cluster.replicationFactor,
      security: scramOverTls(admin, caFile),
    });
  }, 240_000);
  afterAll(async () => {
    await harness?.close();
    await cluster?.stop();
    cluster?.removeData();
  });

  it('loses nothing, applies nothing twice and keeps each woman in order', async () => {
    // Every node learns of a new topic in its own time: until then it answers "does not host this topic-partition".
    await eventually(
      async () => {
        const before = await harness.bus.describeTopic(harness.topic);
        expect(before.minInsyncReplicas).toBe(2);
        for (const placement of before.partitions) {
          expect(placement.replicas).toHaveLength(3);
          expect(placement.inSync).toHaveLength(3);
        }
      },
      30_000,
      250,
    );

    const relayFailures = { count: 0 };
    const relay = new OutboxRelay({
      sql: harness.sql,
      lockSession: relayLockSession(harness.database.url),
      bus: harness.bus,
      logger: counting(relayFailures),
    });
    const consumer = effectsConsumer(harness, `leader-kill-${randomUUID()}`);
    await consumer.start();
    await relay.start();

    const events: EventEnvelope[] = [];
    const next = new Map(WOMEN.map((woman) => [woman, 0]));
    const started = Date.now();
    let killed: { node: number; partition: number; at: number } | undefined;
    let failover: Promise<{ leader: number; afterMs: number }> | undefined;
    while (events.length < EVENTS) {
      const slice = Array.from({ length: SLICE }, (_, index) => {
        const woman = WOMEN[(events.length + index) % WOMEN.length]!;
        const sequence = next.get(woman)!;
        next.set(woman, sequence + 1);
        return cancelledEvent(woman, String(sequence));
      });
      await writeToOutbox(harness, slice, () => relay.outboxCommitted());
      events.push(...slice);
      if (!killed && events.length >= KILL_AFTER) {
        killed = await killBusiestLeader(harness, cluster);
        failover = newLeader(harness, killed);
      }
      await sleep(PACE_MS);
    }
    const writtenMs = Date.now() - started;

    // Usually all applied within ~30 s; after some kills kafkajs re-fetches batches it already delivered for a minute
    // or more (the inbox absorbs them), so the bound is generous. The figures are printed even if it is not met.
    const settled = await eventually(
      async () => {
        expect(await relay.pendingCount()).toBe(0);
        expect(await effectRows(harness.sql)).toHaveLength(EVENTS);
        expect(await consumer.lag()).toBe(0);
      },
      240_000,
      250,
    ).then(
      () => true,
      () => false,
    );
    await sleep(1_000); // a duplicate still on its way would be applied by now
    const doneMs = Date.now() - started;
    await relay.stop();
    await consumer.stop();

    const moved = await failover!;
    const after = await harness.bus.describeTopic(harness.topic);
    const rows = await effectRows(harness.sql);
    const written = [...(await harness.bus.endOffsets(harness.topic)).values()].reduce((sum, end) => sum + end, 0n);
    console.log(
      `[leader-kill] ${EVENTS} events for ${WOMEN.length} women written in ${writtenMs} ms; node ${killed!.node}, ` +
        `leader of partition ${killed!.partition}, SIGKILLed after ${KILL_AFTER}; node ${moved.leader} led it ` +
        `${moved.afterMs} ms later; relay send failures ${relayFailures.count}; records in Kafka ${written} ` +
        `(${Number(written) - EVENTS} written twice); applied ${rows.length}, duplicates absorbed ` +
        `${consumer.stats.duplicates}, dead-lettered ${consumer.stats.deadLettered}; ` +
        `${settled ? 'all applied' : 'gave up waiting'} after ${doneMs} ms; ` +
        `in sync after: ${describePlacements(after)}`,
    );

    expect(moved.leader).not.toBe(killed!.node);
    expect(new Set(rows.map((row) => row.event_id))).toEqual(new Set(events.map((event) => event.id)));
    expect(rows).toHaveLength(EVENTS); // no event applied twice
    expect(consumer.stats.deadLettered).toBe(0);
    for (const woman of WOMEN) {
      const sequence = rows.filter((row) => row.person_id === woman).map((row) => Number(row.note));
      expect(sequence).toEqual(Array.from({ length: next.get(woman)! }, (_, index) => index));
    }
  }, 360_000);
});

/** SIGKILLs the node leading the partition that has taken the most events so far. */
async function killBusiestLeader(harness: Harness, cluster: LocalKafkaCluster) {
  await eventually(async () => expect(await publishedSoFar(harness)).toBeGreaterThan(0n), 30_000, 100);
  const ends = await harness.bus.endOffsets(harness.topic);
  const [partition] = [...ends.entries()].sort((a, b) => Number(b[1] - a[1]))[0]!;
  const { partitions } = await harness.bus.describeTopic(harness.topic);
  const node = partitions.find((placement) => placement.partition === partition)!.leader;
  await cluster.node(node).kill();
  return { node, partition, at: Date.now() };
}

/** Resolves once the cluster names another leader for the killed node's partition. */
async function newLeader(harness: Harness, killed: { node: number; partition: number; at: number }) {
  const leader = await eventually(
    async () => {
      const { partitions } = await harness.bus.describeTopic(harness.topic);
      const now = partitions.find((placement) => placement.partition === killed.partition)!.leader;
      expect(now).not.toBe(killed.node);
      return now;
    },
    60_000,
    200,
  );
  return { leader, afterMs: Date.now() - killed.at };
}

async function publishedSoFar(harness: Harness): Promise<bigint> {
  return [...(await harness.bus.endOffsets(harness.topic)).values()].reduce((sum, end) => sum + end, 0n);
}

function describePlacements(description: TopicDescription): string {
  return description.partitions
    .map((p) => `p${p.partition} leader ${p.leader} in sync [${p.inSync.join(',')}]`)
    .join('; ');
}

/** The relay's logger, counting the sends it had to retry (it logs each at warn). */
function counting(failures: { count: number }) {
  return pino(
    { level: 'warn' },
    {
      write: () => {
        failures.count += 1;
      },
    },
  );
}

import type { Logger } from 'pino';
import type { Sql } from 'postgres';
import { backoffDelay } from './backoff.js';
import type { EventBus, OutgoingMessage } from './kafka.js';
import { OUTBOX_CHANNEL } from './outbox.js';

interface OutboxRow {
  seq: string;
  event_id: string;
  topic: string;
  partition_key: string;
  event_type: string;
  payload: unknown;
  trace_parent: string | null;
}

export interface RelayOptions {
  sql: Sql;
  bus: EventBus;
  logger: Logger;
  batchSize?: number;
  /** Safety-net poll in case a NOTIFY was missed (e.g. the listen connection dropped). */
  pollIntervalMs?: number;
  /** How often a follower asks for the lock; a crashed leader's lock is freed when its connection closes. */
  leaderPollMs?: number;
}

/** The lock that makes one relay per database the only publisher, so a person's events keep their order. */
const RELAY_LOCK_KEY = 7_355_608;

/**
 * Publishes outbox rows to Kafka in sequence order and marks them published only after the broker acknowledged.
 * On a broker outage it retries the same rows with back-off; after a crash, unpublished rows are simply still there.
 */
export class OutboxRelay {
  private running = false;
  private wake: (() => void) | undefined;
  /** Set by a NOTIFY; read before idling, so one that arrives while a batch is being published is not lost. */
  private notified = false;
  private loop: Promise<void> | undefined;
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly leaderPollMs: number;
  published = 0;
  /** Whether this instance holds the database's relay lock, and so is the one publishing its outbox. */
  relayLeader = false;

  constructor(private readonly options: RelayOptions) {
    this.batchSize = options.batchSize ?? 500;
    this.pollIntervalMs = options.pollIntervalMs ?? 1_000;
    this.leaderPollMs = options.leaderPollMs ?? 2_000;
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    await this.options.sql.listen(OUTBOX_CHANNEL, () => {
      this.notified = true;
      this.wake?.();
    });
    this.loop = this.run();
  }

  /** Stops after publishing what is pending (bounded by `flushTimeoutMs`). */
  async stop(flushTimeoutMs = 5_000): Promise<void> {
    if (!this.running) return;
    const deadline = Date.now() + flushTimeoutMs;
    while (Date.now() < deadline && (await this.pendingCount()) > 0) await this.nap(50);
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  /** How long the oldest unpublished event has waited (0 when none waits): the figure to alert on. */
  async oldestPendingAgeSeconds(): Promise<number> {
    const [row] = await this.options.sql<{ age: string | null }[]>`
      select extract(epoch from now() - min(created_at)) as age from outbox where published_at is null`;
    return Number(row?.age ?? 0);
  }

  async pendingCount(): Promise<number> {
    const [row] = await this.options.sql<{ count: string }[]>`
      select count(*) from outbox where published_at is null`;
    return Number(row?.count ?? 0);
  }

  private async run(): Promise<void> {
    const lockConnection = await this.options.sql.reserve();
    try {
      await this.becomeLeader(lockConnection);
      let failures = 0;
      while (this.running) {
        try {
          const sent = await this.publishBatch();
          failures = 0;
          if (sent < this.batchSize) await this.idle();
        } catch (error) {
          failures += 1;
          this.options.logger.warn({ err: error, attempt: failures }, 'outbox relay could not publish; retrying');
          await this.nap(backoffDelay(failures, 100, 1_000));
        }
      }
    } finally {
      this.relayLeader = false;
      await lockConnection`select pg_advisory_unlock_all()`.catch(() => {});
      lockConnection.release();
    }
  }

  private async becomeLeader(connection: Sql): Promise<void> {
    while (this.running) {
      const [row] = await connection<{ locked: boolean }[]>`select pg_try_advisory_lock(${RELAY_LOCK_KEY}) as locked`;
      if (row?.locked) {
        this.relayLeader = true;
        this.options.logger.info('outbox relay leads: this instance publishes the outbox');
        return;
      }
      await this.nap(this.leaderPollMs);
    }
  }

  private async publishBatch(): Promise<number> {
    const rows = await this.options.sql<OutboxRow[]>`
      select seq, event_id, topic, partition_key, event_type, payload, trace_parent
      from outbox where published_at is null order by seq limit ${this.batchSize}`;
    if (rows.length === 0) return 0;
    for (const [topic, messages] of groupByTopic(rows)) await this.options.bus.send(topic, messages);
    const seqs = rows.map((row) => row.seq);
    await this.options.sql`update outbox set published_at = now() where seq = any(${seqs}::bigint[])`;
    this.published += rows.length;
    return rows.length;
  }

  /** Waits for a NOTIFY or the safety-net poll, unless one arrived since the last look. */
  private async idle(): Promise<void> {
    if (!this.notified) await this.nap(this.pollIntervalMs);
    this.notified = false;
  }

  private nap(ms: number): Promise<void> {
    return new Promise((resolveNap) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolveNap();
      }
      this.wake = done;
    });
  }
}

function groupByTopic(rows: OutboxRow[]): Map<string, OutgoingMessage[]> {
  const byTopic = new Map<string, OutgoingMessage[]>();
  for (const row of rows) {
    const messages = byTopic.get(row.topic) ?? [];
    const payload = row.payload as { version: number; correlationId: string };
    messages.push({
      key: row.partition_key,
      value: JSON.stringify(row.payload),
      headers: {
        'event-id': row.event_id,
        'event-type': row.event_type,
        'event-version': String(payload.version),
        'correlation-id': payload.correlationId,
        ...(row.trace_parent ? { traceparent: row.trace_parent } : {}),
      },
    });
    byTopic.set(row.topic, messages);
  }
  return byTopic;
}

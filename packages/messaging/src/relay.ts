import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import postgres, { type Sql } from 'postgres';
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
  /** Safety-net poll for a wake-up missed (the listen connection dropped) or never sent (a script's write). */
  pollIntervalMs?: number;
  /** How often a follower asks for the lock; a crashed leader's lock is freed when its connection closes. */
  leaderPollMs?: number;
  /**
   * Opens a one-connection client to the same database, whose session holds the relay lock. Its own client, not a
   * connection reserved from the pool: postgres.js 3.4.9 cannot recover a reserved connection whose backend ended
   * (porsager/postgres#1199, #1208), and losing the lock's connection is exactly the case to survive.
   */
  lockSession: () => Sql;
}

/**
 * The relay lock's client for a database URL. Never recycled: postgres.js ends a connection after a random 30-60
 * minutes by default (`max_lifetime`), and the lock would go with it.
 */
export function relayLockSession(databaseUrl: string): () => Sql {
  return () =>
    postgres(databaseUrl, {
      max: 1,
      max_lifetime: 0, // never
      onnotice: () => {},
      connection: { application_name: 'resettle relay lock' },
    });
}

/** The lock that makes one relay per database the only publisher, so a person's events keep their order. */
const RELAY_LOCK_KEY = 7_355_608;

/** The lock's connection was lost (and the lock with it): another instance may lead now. */
class LeadershipLost extends Error {}

/**
 * Publishes outbox rows to Kafka in sequence order and marks them published only after the broker acknowledged.
 * On a broker outage it retries the same rows with back-off; after a crash, unpublished rows are simply still there.
 */
export class OutboxRelay {
  private running = false;
  private wake: (() => void) | undefined;
  /** Set by a wake-up; read before idling, so one that arrives while a batch is being published is not lost. */
  private notified = false;
  /** A follower's NOTIFY to the leader is in flight; commits meanwhile share the next one. */
  private notifying = false;
  private notifyAgain = false;
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
    await this.options.sql.listen(OUTBOX_CHANNEL, () => this.wakeUp());
    this.loop = this.run();
  }

  /**
   * Told by this instance after a commit that appended to the outbox (`transactThenWakeRelay`). The leader publishes
   * at once; a follower tells the leader, wherever it runs, with a NOTIFY of its own after the write has committed.
   */
  outboxCommitted(): void {
    if (this.relayLeader) this.wakeUp();
    else void this.notifyLeader();
  }

  private wakeUp(): void {
    this.notified = true;
    this.wake?.();
  }

  /**
   * One NOTIFY in flight at a time, committed without waiting for its flush (synchronous_commit off, for that
   * statement alone): it holds the server's notify lock for microseconds, and a wake-up lost in a crash costs one poll.
   */
  private async notifyLeader(): Promise<void> {
    if (this.notifying) {
      this.notifyAgain = true;
      return;
    }
    this.notifying = true;
    try {
      do {
        this.notifyAgain = false;
        await this.options.sql`
          select set_config('synchronous_commit', 'off', true), pg_notify(${OUTBOX_CHANNEL}, '')`;
      } while (this.notifyAgain && this.running);
    } catch (error) {
      this.options.logger.debug({ err: error }, 'could not wake the relay leader; its poll will find the events');
    } finally {
      this.notifying = false;
    }
  }

  /** Stops after publishing what is pending (bounded by `flushTimeoutMs`). */
  async stop(flushTimeoutMs = 5_000): Promise<void> {
    if (!this.running) return;
    const deadline = Date.now() + flushTimeoutMs;
    this.wakeUp(); // what is pending goes now, not at the next poll
    // Its own timer: a nap here would take over `wake`, and the relay's idle nap could then not be ended.
    while (Date.now() < deadline && (await this.pendingCount()) > 0) await sleep(50);
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

  /**
   * Leads while it holds the lock. When the lock's connection is lost (the lock goes with it) or the database cannot be
   * reached, it steps down, waits a little, and asks for the lock again.
   */
  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      try {
        await this.leadWhileLocked();
        failures = 0;
      } catch (error) {
        failures += 1;
        const message =
          error instanceof LeadershipLost
            ? 'outbox relay lost its lock with its database connection: it stops publishing and asks for the lock again'
            : 'outbox relay could not reach its database; retrying';
        this.options.logger.warn({ err: error, attempt: failures }, message);
        await this.nap(backoffDelay(failures, 100, 1_000));
      }
    }
  }

  private async leadWhileLocked(): Promise<void> {
    const lockSession = this.options.lockSession();
    try {
      const holder = await this.becomeLeader(lockSession);
      if (holder !== undefined) await this.publishWhileLeading(holder);
    } finally {
      this.relayLeader = false;
      // Ending the session frees the lock; bounded, as a lost connection may never answer.
      await lockSession.end({ timeout: 1 }).catch(() => {});
    }
  }

  private async publishWhileLeading(holder: number): Promise<void> {
    let failures = 0;
    while (this.running) {
      try {
        const sent = await this.publishBatch(holder);
        failures = 0;
        if (sent < this.batchSize) await this.idle();
      } catch (error) {
        if (error instanceof LeadershipLost) throw error;
        failures += 1;
        this.options.logger.warn({ err: error, attempt: failures }, 'outbox relay could not publish; retrying');
        await this.nap(backoffDelay(failures, 100, 1_000));
      }
    }
  }

  /** Waits for the lock; returns the backend pid of the session that holds it (undefined when stopped first). */
  private async becomeLeader(lockSession: Sql): Promise<number | undefined> {
    while (this.running) {
      const [row] = await lockSession<{ locked: boolean; pid: number }[]>`
        select pg_try_advisory_lock(${RELAY_LOCK_KEY}) as locked, pg_backend_pid() as pid`;
      if (row?.locked) {
        this.relayLeader = true;
        this.options.logger.info('outbox relay leads: this instance publishes the outbox');
        return row.pid;
      }
      await this.nap(this.leaderPollMs);
    }
    return undefined;
  }

  /**
   * Reads the next rows and, side by side, whether the lock's session (`holder`) still holds the lock. A lost
   * connection takes the lock with it: then this instance publishes nothing more until it holds the lock again.
   */
  private async publishBatch(holder: number): Promise<number> {
    const [held, rows] = await Promise.all([
      this.options.sql<{ held: boolean }[]>`
        select exists (select 1 from pg_locks where locktype = 'advisory' and pid = ${holder} and granted
          and ((classid::bigint << 32) | objid::bigint) = ${RELAY_LOCK_KEY}) as held`,
      this.options.sql<OutboxRow[]>`
        select seq, event_id, topic, partition_key, event_type, payload, trace_parent
        from outbox where published_at is null order by seq limit ${this.batchSize}`,
    ]);
    if (!held[0]?.held) throw new LeadershipLost('the relay lock is no longer held');
    if (rows.length === 0) return 0;
    for (const [topic, messages] of groupByTopic(rows)) await this.options.bus.send(topic, messages);
    const seqs = rows.map((row) => row.seq);
    await this.options.sql`update outbox set published_at = now() where seq = any(${seqs}::bigint[])`;
    this.published += rows.length;
    return rows.length;
  }

  /** Waits for a wake-up or the safety-net poll, unless one arrived since the last look. */
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

import { setTimeout as sleep } from 'node:timers/promises';
import { backoffDelay } from './backoff.js';

export interface PartitionOffset {
  topic: string;
  partition: number;
  /** The next offset to read: one past the last message handled. */
  offset: string;
}

export interface CommitRetries {
  /** Attempts at a commit before its offsets are left to the next one (default 3). */
  attempts: number;
  /** Wait before the next attempt (default 100, 200 … ms). */
  delayMs: (attempt: number) => number;
}

/**
 * A consumer's offsets, committed without holding up the next fetch: one commit in flight, and the offsets resolved
 * meanwhile go together in the next, only the newest of each partition. A commit that fails (the group rebalancing)
 * is tried again after a pause, newer offsets taking its own's place; after its last attempt its offsets are dropped.
 * An offset never committed only means events delivered again after a restart or rebalance, which the inbox absorbs.
 */
export class OffsetCommits {
  private readonly pending = new Map<string, PartitionOffset>();
  private sending: Promise<void> | undefined;
  private readonly retries: CommitRetries;

  constructor(
    private readonly commit: (offsets: PartitionOffset[]) => Promise<void>,
    private readonly failed: (error: unknown) => void,
    retries: Partial<CommitRetries> = {},
  ) {
    this.retries = { attempts: 3, delayMs: (attempt) => backoffDelay(attempt, 100, 1_000), ...retries };
  }

  resolved(handled: PartitionOffset): void {
    this.pending.set(keyOf(handled), handled);
    this.sending ??= this.sendAll();
  }

  /** Resolves once nothing is left to send (every offset committed or given up). */
  async settled(): Promise<void> {
    while (this.sending) await this.sending;
  }

  private async sendAll(): Promise<void> {
    // Offsets resolved in the same turn of the event loop (other partitions' batches finishing) go in one commit.
    await new Promise((resolve) => setImmediate(resolve));
    let failures = 0;
    while (this.pending.size > 0) {
      const offsets = [...this.pending.values()];
      this.pending.clear();
      try {
        await this.commit(offsets);
        failures = 0;
      } catch (error) {
        failures += 1;
        this.failed(error);
        if (failures >= this.retries.attempts) break;
        for (const offset of offsets) if (!this.pending.has(keyOf(offset))) this.pending.set(keyOf(offset), offset);
        await sleep(this.retries.delayMs(failures));
      }
    }
    this.sending = undefined;
    // Offsets resolved during a last failed attempt start a fresh round.
    if (this.pending.size > 0) this.sending = this.sendAll();
  }
}

const keyOf = (offset: PartitionOffset) => `${offset.topic}|${offset.partition}`;

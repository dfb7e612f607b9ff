/** Where one partition has got to: when the last message handled was written, and whether it was the last there. */
export interface PartitionPosition {
  /** The message's time (ms since the epoch), as the broker keeps it. */
  at: number;
  caughtUp: boolean;
}

export interface InStepMoves {
  pause: string[];
  resume: string[];
}

/**
 * Keeps partitions read side by side by the time their messages were written. Each topic is otherwise read at its own
 * pace, so the events of one woman (a release on one topic, her housing on another) can arrive far apart in a long
 * read; a reader that holds only some passports in memory then has to load hers again and again.
 *
 * A partition that has got more than `withinMs` ahead of the slowest one still to finish waits (paused) until that
 * one catches up. A partition read to its end never holds the others back, nor does one not yet heard from, so the
 * slowest partition always runs and the read cannot stall. Pure bookkeeping: the caller pauses and resumes.
 */
export class InStep {
  private readonly positions = new Map<string, PartitionPosition>();
  private readonly paused = new Set<string>();

  constructor(private readonly withinMs: number) {}

  /** After a batch of `partition` was handled: the partitions to pause and those to resume. */
  handled(partition: string, position: PartitionPosition): InStepMoves {
    this.positions.set(partition, position);
    const slowest = this.slowest();
    const moves: InStepMoves = { pause: [], resume: [] };
    for (const [key, { at, caughtUp }] of this.positions) {
      const ahead = slowest !== undefined && !caughtUp && at > slowest + this.withinMs;
      if (ahead && !this.paused.has(key)) {
        this.paused.add(key);
        moves.pause.push(key);
      } else if (!ahead && this.paused.delete(key)) moves.resume.push(key);
    }
    return moves;
  }

  private slowest(): number | undefined {
    let slowest: number | undefined;
    for (const { at, caughtUp } of this.positions.values()) {
      if (!caughtUp && (slowest === undefined || at < slowest)) slowest = at;
    }
    return slowest;
  }
}

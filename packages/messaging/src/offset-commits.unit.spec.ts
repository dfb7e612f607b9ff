import { describe, expect, it } from 'vitest';
import { OffsetCommits, type PartitionOffset } from './offset-commits.js';

const at = (partition: number, offset: number): PartitionOffset => ({
  topic: 'release',
  partition,
  offset: `${offset}`,
});

/** A broker whose commits wait to be answered or refused by the test. */
function broker() {
  const commits: PartitionOffset[][] = [];
  const waiting: Array<{ answer: () => void; refuse: (error: Error) => void }> = [];
  const commit = (offsets: PartitionOffset[]) => {
    commits.push(offsets);
    return new Promise<void>((answer, refuse) => waiting.push({ answer, refuse }));
  };
  const next = () => {
    const oldest = waiting.shift();
    if (!oldest) throw new Error('no commit is waiting');
    return oldest;
  };
  return {
    commits,
    commit,
    answer: () => next().answer(),
    refuse: () => next().refuse(new Error('REBALANCE_IN_PROGRESS')),
  };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('offsets committed in the background', () => {
  it('sends the offsets resolved in one turn of the event loop together, the newest of each partition', async () => {
    const kafka = broker();
    const offsets = new OffsetCommits(kafka.commit, () => {});
    offsets.resolved(at(0, 5));
    for (let i = 0; i < 5; i += 1) await Promise.resolve(); // another batch finishing in the same turn
    offsets.resolved(at(1, 3));
    offsets.resolved(at(0, 9));
    await turn();
    expect(kafka.commits).toEqual([[at(0, 9), at(1, 3)]]);
    kafka.answer();
    await offsets.settled();
    expect(kafka.commits).toHaveLength(1);
  });

  it('keeps one commit in flight: what is resolved meanwhile goes together once it is answered', async () => {
    const kafka = broker();
    const offsets = new OffsetCommits(kafka.commit, () => {});
    offsets.resolved(at(0, 1));
    await turn();
    offsets.resolved(at(0, 2));
    offsets.resolved(at(2, 7));
    offsets.resolved(at(0, 3));
    await turn();
    expect(kafka.commits).toEqual([[at(0, 1)]]);
    kafka.answer();
    await turn();
    expect(kafka.commits).toEqual([[at(0, 1)], [at(0, 3), at(2, 7)]]);
    kafka.answer();
    await offsets.settled();
  });

  it('tries a refused commit again, with a newer offset of a partition in place of its own', async () => {
    const kafka = broker();
    const failures: unknown[] = [];
    const offsets = new OffsetCommits(kafka.commit, (error) => failures.push(error), { delayMs: () => 0 });
    offsets.resolved(at(0, 4));
    offsets.resolved(at(1, 8));
    await turn();
    offsets.resolved(at(0, 6)); // while the commit of 4 is in flight
    kafka.refuse();
    await pause(5);
    expect(kafka.commits).toEqual([
      [at(0, 4), at(1, 8)],
      [at(0, 6), at(1, 8)],
    ]);
    kafka.answer();
    await offsets.settled();
    expect(failures).toHaveLength(1);
  });

  it('gives up after its attempts (the inbox absorbs what is delivered again) and starts afresh with the next', async () => {
    const kafka = broker();
    const offsets = new OffsetCommits(kafka.commit, () => {}, { attempts: 2, delayMs: () => 0 });
    offsets.resolved(at(0, 4));
    await turn();
    kafka.refuse();
    await pause(5);
    kafka.refuse();
    await offsets.settled();
    expect(kafka.commits).toEqual([[at(0, 4)], [at(0, 4)]]);
    offsets.resolved(at(0, 5));
    await turn();
    expect(kafka.commits.at(-1)).toEqual([at(0, 5)]);
    kafka.answer();
    await offsets.settled();
  });
});

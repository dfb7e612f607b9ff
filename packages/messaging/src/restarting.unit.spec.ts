import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Restarting } from './restarting.js';

/** What the class is given to start and stop: numbered consumers, each start held until the test lets it finish. */
function consumers() {
  const started: number[] = [];
  const stopped: number[] = [];
  const forgotten: number[] = [];
  const crashes: (() => void)[] = [];
  const pending: { finish: () => void; fail: () => void }[] = [];
  let next = 1;
  const startOne = (crashed: () => void) =>
    new Promise<number>((resolve, reject) => {
      const id = next++;
      pending.push({
        finish: () => {
          started.push(id);
          crashes[id] = crashed;
          resolve(id);
        },
        fail: () => reject(new Error(`start ${id} refused`)),
      });
    });
  const running = new Restarting<number>(
    startOne,
    async (id) => {
      stopped.push(id);
    },
    (id) => forgotten.push(id),
    () => 1_000,
  );
  return { running, started, stopped, forgotten, crashes, pending };
}

describe('one consumer kept running for a subscription', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  /** The first consumer started, then crashed for good: a restart is due in a second. */
  async function crashedAfterStarting() {
    const given = consumers();
    const first = given.running.start();
    given.pending[0]!.finish();
    expect(await first).toBe(1);
    given.crashes[1]!();
    return given;
  }

  it('starts a fresh consumer after a crash, and stops only that one', async () => {
    const { running, started, stopped, forgotten, pending } = await crashedAfterStarting();
    await vi.advanceTimersByTimeAsync(1_000);
    pending[1]!.finish();
    await vi.advanceTimersByTimeAsync(0);
    expect({ started, forgotten }).toEqual({ started: [1, 2], forgotten: [1] });
    await running.stop();
    expect(stopped).toEqual([2]);
  });

  it('tries again when a restart fails', async () => {
    const { running, started, pending } = await crashedAfterStarting();
    await vi.advanceTimersByTimeAsync(1_000);
    pending[1]!.fail();
    await vi.advanceTimersByTimeAsync(1_000);
    pending[2]!.finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toEqual([1, 3]);
    await running.stop();
  });

  it('stopped while a restart is starting, stops the consumer that start brings (none outlives it)', async () => {
    const { running, stopped, pending } = await crashedAfterStarting();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(pending).toHaveLength(2); // the restart is under way
    const stopping = running.stop();
    pending[1]!.finish();
    await stopping;
    expect(stopped).toEqual([2]);
  });

  it('stopped while waiting to restart, starts nothing more', async () => {
    const { running, stopped, pending } = await crashedAfterStarting();
    await running.stop();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(pending).toHaveLength(1);
    expect(stopped).toEqual([1]); // the crashed one, disconnected again as before
  });
});

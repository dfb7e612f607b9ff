import { sleep } from './stats.js';

/**
 * Starts `send(i)` at a fixed rate for `seconds`, without waiting for replies (open loop: a slow reply does not
 * slow the schedule, so latencies are not hidden by coordinated omission). Returns once every send has settled.
 */
export async function openLoop(
  rate: number,
  seconds: number,
  send: (i: number) => Promise<void>,
  options: { maxInFlight?: number; stop?: () => boolean } = {},
): Promise<{ started: number; skipped: number }> {
  const interval = 1000 / rate;
  const begin = performance.now();
  const inFlight = new Set<Promise<void>>();
  let started = 0;
  let skipped = 0;
  for (let i = 0; i < rate * seconds && !options.stop?.(); i += 1) {
    const wait = begin + i * interval - performance.now();
    if (wait > 1) await sleep(wait);
    if (inFlight.size >= (options.maxInFlight ?? 2_000)) {
      skipped += 1;
      continue;
    }
    const promise = send(i).finally(() => inFlight.delete(promise));
    inFlight.add(promise);
    started += 1;
  }
  await Promise.all(inFlight);
  return { started, skipped };
}

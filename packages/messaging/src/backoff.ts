import { setTimeout as sleep } from 'node:timers/promises';

/** Exponential back-off with a cap: 100, 200, 400 … ms up to `capMs`. */
export function backoffDelay(attempt: number, baseMs = 100, capMs = 5_000): number {
  return Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
}

/** Sleeps `ms` in slices, calling `keepAlive` between them (consumer heartbeats during long waits). */
export async function sleepWithKeepAlive(ms: number, keepAlive: () => Promise<void>, sliceMs = 2_000): Promise<void> {
  let remaining = ms;
  while (remaining > 0) {
    const slice = Math.min(sliceMs, remaining);
    await sleep(slice);
    remaining -= slice;
    await keepAlive().catch(() => {});
  }
}

import type { AttemptVerdict } from './retry.js';

/**
 * A round's due messages as one queue per provider, each in the order given (the order they were queued). A provider's
 * queue is posted one message at a time, so a receiver sees a handoff's changes in the order they happened; different
 * providers are posted to side by side.
 */
export function queuesByProvider<T>(due: readonly T[], providerOf: (message: T) => string): T[][] {
  const queues = new Map<string, T[]>();
  for (const message of due) {
    const provider = providerOf(message);
    const queue = queues.get(provider);
    if (queue) queue.push(message);
    else queues.set(provider, [message]);
  }
  return [...queues.values()];
}

/** What the rest of a provider's queue does after one of its messages was attempted. */
export type QueueStep = { next: 'post' } | { next: 'wait'; until: Date };

/**
 * A message that must be tried again holds the rest back until its own next attempt, so they stay behind it. The rest
 * also wait (due at once, for the next round) when another attempt could outlast the round's lease, after which another
 * instance may claim them.
 */
export function afterAttemptInQueue(
  verdict: AttemptVerdict,
  timing: { now: Date; leaseUntil: Date; attemptMs: number },
): QueueStep {
  if (verdict.status === 'pending') return { next: 'wait', until: verdict.nextAttemptAt };
  if (timing.now.getTime() + timing.attemptMs > timing.leaseUntil.getTime()) return { next: 'wait', until: timing.now };
  return { next: 'post' };
}

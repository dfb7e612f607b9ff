import type { AttemptVerdict } from './retry.js';

/**
 * A round's due messages as one queue per provider, each in the order given (the order they were queued). A provider's
 * queue is posted one message at a time, so a receiver sees each woman's changes in the order they happened; different
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

/** Messages taken out of this round, due again at `until`. */
export interface Deferral<T> {
  messages: T[];
  until: Date;
}

/** What the rest of a provider's queue does after one of its messages was attempted: some wait, the others go on. */
export interface QueueStep<T> {
  deferred: Deferral<T>[];
  next: T[];
}

/**
 * A message that must be tried again holds back the later messages about the same woman until its own next attempt,
 * so none of hers overtakes it; messages about other women go on, so one refused message does not delay another
 * woman's handoff. Everything left waits (due at once, for the next round) when another attempt could outlast the
 * round's lease, after which another instance may claim it.
 */
export function afterAttemptInQueue<T>(
  attempted: { woman: string; verdict: AttemptVerdict },
  rest: readonly T[],
  womanOf: (message: T) => string,
  timing: { now: Date; leaseUntil: Date; attemptMs: number },
): QueueStep<T> {
  const { verdict } = attempted;
  const held = verdict.status === 'pending' ? rest.filter((message) => womanOf(message) === attempted.woman) : [];
  const others = rest.filter((message) => !held.includes(message));
  const deferred =
    verdict.status === 'pending' && held.length > 0 ? [{ messages: held, until: verdict.nextAttemptAt }] : [];
  const outlastsLease = timing.now.getTime() + timing.attemptMs > timing.leaseUntil.getTime();
  if (!outlastsLease || others.length === 0) return { deferred, next: others };
  return { deferred: [...deferred, { messages: others, until: timing.now }], next: [] };
}

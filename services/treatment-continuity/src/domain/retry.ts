export interface RetrySettings {
  baseMs: number;
  capMs: number;
  /** Share of the delay that jitter may take off: 0.2 means the delay lands between 80% and 100%. */
  jitterRatio: number;
}

export const DEFAULT_RETRY_SETTINGS: RetrySettings = { baseMs: 1_000, capMs: 15 * 60_000, jitterRatio: 0.2 };

/**
 * Delay before webhook delivery attempt `attempt + 1` (attempt counts from 1): base × 2^(attempt−1), capped.
 * `jitter` in [0, 1] comes from the caller so this stays deterministic; 0 gives the full delay.
 */
export function retryDelay(attempt: number, jitter = 0, settings: RetrySettings = DEFAULT_RETRY_SETTINGS): number {
  if (!Number.isInteger(attempt) || attempt < 1) throw new RangeError(`attempt must be a whole number ≥ 1: ${attempt}`);
  if (!(jitter >= 0 && jitter <= 1)) throw new RangeError(`jitter must be between 0 and 1: ${jitter}`);
  const capped = Math.min(settings.capMs, settings.baseMs * 2 ** (attempt - 1));
  return Math.round(capped * (1 - settings.jitterRatio * jitter));
}

/** When a delivery stops being retried: after `maxAttempts` attempts, or once it is `maxAgeMs` old. */
export interface DeliveryLimits {
  maxAttempts: number;
  maxAgeMs: number;
}

/** Where a delivery stands after an attempt; counted from when it was queued, or from the provider's last replay. */
export interface AttemptFacts {
  /** Attempts since it was queued or last replayed, this one included. */
  attempts: number;
  since: Date;
  now: Date;
  /** The receiver's status code; null when no answer came (refused address, timeout, connection error). */
  statusCode: number | null;
}

export type AttemptVerdict =
  | { status: 'delivered' }
  | { status: 'pending'; nextAttemptAt: Date }
  | { status: 'failed'; reason: 'MAX_ATTEMPTS' | 'MAX_AGE' };

/**
 * A 2xx delivers; anything else (a redirect included: it is never followed) is retried with back-off until the
 * attempts or the age run out, or until the next attempt would fall beyond the age; then it has failed for good.
 */
export function afterAttempt(
  facts: AttemptFacts,
  limits: DeliveryLimits,
  jitter = 0,
  settings: RetrySettings = DEFAULT_RETRY_SETTINGS,
): AttemptVerdict {
  const { attempts, since, now, statusCode } = facts;
  if (statusCode !== null && statusCode >= 200 && statusCode < 300) return { status: 'delivered' };
  if (attempts >= limits.maxAttempts) return { status: 'failed', reason: 'MAX_ATTEMPTS' };
  const nextAttemptAt = new Date(now.getTime() + retryDelay(attempts, jitter, settings));
  if (nextAttemptAt.getTime() - since.getTime() > limits.maxAgeMs) return { status: 'failed', reason: 'MAX_AGE' };
  return { status: 'pending', nextAttemptAt };
}

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

import type { SafeguardingReview } from './safeguarding-review.js';
import type { StoredStatus } from './standing.js';

type Standing = { status: StoredStatus; safeguardingReview: SafeguardingReview | null };

/** Still in play: neither withdrawn nor found not suitable. */
export function isLive(record: Standing): boolean {
  return record.status !== 'withdrawn' && record.safeguardingReview !== 'not-suitable';
}

/** Of a release's records, oldest first: the live one (there is at most one), else the latest, else none. */
export function currentOf<T extends Standing>(records: readonly T[]): T | null {
  return records.find(isLive) ?? records.at(-1) ?? null;
}

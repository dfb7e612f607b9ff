import { describe, expect, it } from 'vitest';
import { currentOf, isLive } from './on-record.js';

const record = (
  id: string,
  status: 'confirmed' | 'at-risk' | 'withdrawn',
  review: 'approved' | 'not-suitable' | null,
) => ({
  id,
  status,
  safeguardingReview: review,
});

describe('the accommodation on record for a release', () => {
  it('is live unless withdrawn or found not suitable', () => {
    expect(isLive(record('a', 'confirmed', 'approved'))).toBe(true);
    expect(isLive(record('a', 'at-risk', null))).toBe(true);
    expect(isLive(record('a', 'withdrawn', 'approved'))).toBe(false);
    expect(isLive(record('a', 'confirmed', 'not-suitable'))).toBe(false);
  });

  it('is the live one wherever it stands, else the latest of those no longer in play, else none', () => {
    const withdrawn = record('old', 'withdrawn', null);
    const declined = record('declined', 'confirmed', 'not-suitable');
    const live = record('live', 'confirmed', 'approved');
    expect(currentOf([withdrawn, live, declined])).toBe(live);
    expect(currentOf([withdrawn, declined])).toBe(declined);
    expect(currentOf([])).toBeNull();
  });
});

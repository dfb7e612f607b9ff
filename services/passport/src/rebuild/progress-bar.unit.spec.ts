import { describe, expect, it } from 'vitest';
import { progressLine } from './progress-bar.js';

describe('rebuild progress bar', () => {
  it('shows events done of the total, the percentage and the rate', () => {
    expect(progressLine({ done: 1200, total: 4000, elapsedMs: 2000 })).toBe(
      '[#########---------------------] 1200/4000 events  30.0%  600 events/s',
    );
  });

  it('is full for empty topics', () => {
    expect(progressLine({ done: 0, total: 0, elapsedMs: 0 })).toBe(
      `[${'#'.repeat(30)}] 0/0 events  100.0%  0 events/s`,
    );
  });
});

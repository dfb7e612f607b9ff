import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { holds, shareOfKey, WHOLE } from './share.js';

describe('a share of the women', () => {
  it('puts each key in exactly one share, the same one every time', () => {
    const keys = Array.from({ length: 2_000 }, () => randomUUID());
    for (const key of keys) {
      const owners = [0, 1, 2].filter((index) => holds({ index, count: 3 }, key));
      expect(owners).toEqual([shareOfKey(key, 3)]);
      expect(shareOfKey(key, 3)).toBe(shareOfKey(`${key}`, 3));
    }
  });

  it('spreads person ids evenly enough between two shares', () => {
    const keys = Array.from({ length: 10_000 }, () => randomUUID());
    const first = keys.filter((key) => shareOfKey(key, 2) === 0).length;
    expect(first).toBeGreaterThan(4_500);
    expect(first).toBeLessThan(5_500);
  });

  it('gives a message without a key to the first share, and everything to a whole', () => {
    expect(holds({ index: 0, count: 2 }, null)).toBe(true);
    expect(holds({ index: 1, count: 2 }, null)).toBe(false);
    expect(holds(WHOLE, randomUUID())).toBe(true);
    expect(holds(WHOLE, null)).toBe(true);
  });
});

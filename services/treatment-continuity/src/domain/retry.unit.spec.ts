import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_SETTINGS, retryDelay } from './retry.js';

describe('retryDelay', () => {
  it('doubles from the base', () => {
    expect([1, 2, 3, 4].map((a) => retryDelay(a))).toEqual([1_000, 2_000, 4_000, 8_000]);
  });

  it('stops at the cap', () => {
    expect(retryDelay(11)).toBe(15 * 60_000);
    expect(retryDelay(500)).toBe(15 * 60_000);
  });

  it('takes off at most the jitter ratio', () => {
    expect(retryDelay(3, 1)).toBe(3_200);
    expect(retryDelay(3, 0.5)).toBe(3_600);
  });

  it('refuses nonsense attempts and jitter', () => {
    expect(() => retryDelay(0)).toThrow(RangeError);
    expect(() => retryDelay(1.5)).toThrow(RangeError);
    expect(() => retryDelay(1, 2)).toThrow(RangeError);
    expect(() => retryDelay(1, Number.NaN)).toThrow(RangeError);
  });

  it('property: never above the cap, never below (1 − ratio) of the undithered delay, never shrinking', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.double({ min: 0, max: 1, noNaN: true }), (attempt, jitter) => {
        const delay = retryDelay(attempt, jitter);
        expect(delay).toBeLessThanOrEqual(DEFAULT_RETRY_SETTINGS.capMs);
        expect(delay).toBeGreaterThanOrEqual(Math.floor(retryDelay(attempt) * 0.8));
        expect(retryDelay(attempt + 1, jitter)).toBeGreaterThanOrEqual(delay);
      }),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { afterAttempt, DEFAULT_RETRY_SETTINGS, retryDelay } from './retry.js';

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

describe('afterAttempt', () => {
  const since = new Date('2026-11-02T10:00:00Z');
  const limits = { maxAttempts: 5, maxAgeMs: 60 * 60_000 };
  const at = (minutes: number) => new Date(since.getTime() + minutes * 60_000);

  it('delivers on any 2xx', () => {
    for (const statusCode of [200, 202, 204, 299]) {
      expect(afterAttempt({ attempts: 5, since, now: at(90), statusCode }, limits)).toEqual({ status: 'delivered' });
    }
  });

  it('retries a failure, a redirect or no answer with back-off', () => {
    for (const statusCode of [null, 302, 400, 500, 503]) {
      expect(afterAttempt({ attempts: 2, since, now: at(1), statusCode }, limits)).toEqual({
        status: 'pending',
        nextAttemptAt: new Date(at(1).getTime() + 2_000),
      });
    }
  });

  it('fails for good after the last attempt', () => {
    expect(afterAttempt({ attempts: 4, since, now: at(1), statusCode: 503 }, limits).status).toBe('pending');
    expect(afterAttempt({ attempts: 5, since, now: at(1), statusCode: 503 }, limits)).toEqual({
      status: 'failed',
      reason: 'MAX_ATTEMPTS',
    });
  });

  it('fails for good when the next attempt would come after the maximum age', () => {
    // The first retry waits 1 s.
    expect(
      afterAttempt({ attempts: 1, since, now: new Date(at(60).getTime() - 999), statusCode: 500 }, limits),
    ).toEqual({
      status: 'failed',
      reason: 'MAX_AGE',
    });
    expect(
      afterAttempt({ attempts: 1, since, now: new Date(at(60).getTime() - 1000), statusCode: 500 }, limits).status,
    ).toBe('pending');
  });

  it('property: always ends within the limits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 10_000 }), (attempts, minutes) => {
        const verdict = afterAttempt({ attempts, since, now: at(minutes), statusCode: 500 }, limits);
        if (attempts >= limits.maxAttempts || minutes >= 60) expect(verdict.status).toBe('failed');
        if (verdict.status === 'pending') {
          expect(verdict.nextAttemptAt.getTime() - since.getTime()).toBeLessThanOrEqual(limits.maxAgeMs);
        }
      }),
    );
  });
});

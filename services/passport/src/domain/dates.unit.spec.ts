import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { LONDON, londonDateOf } from './dates.js';

describe('the London date of an instant', () => {
  it('follows GMT in winter and BST in summer, across both clock changes', () => {
    expect(londonDateOf(new Date('2026-03-28T23:30:00Z'))).toBe('2026-03-28'); // GMT
    expect(londonDateOf(new Date('2026-03-29T00:59:59Z'))).toBe('2026-03-29'); // clocks go forward at 01:00 UTC
    expect(londonDateOf(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01'); // BST: already July
    expect(londonDateOf(new Date('2026-10-24T23:00:00Z'))).toBe('2026-10-25'); // still BST
    expect(londonDateOf(new Date('2026-10-25T23:00:00Z'))).toBe('2026-10-25'); // GMT again
    expect(londonDateOf('2026-06-30T23:30:00+00:00')).toBe('2026-07-01');
  });

  it('agrees with luxon for any instant', () => {
    const instants = fc.date({ min: new Date('2000-01-01'), max: new Date('2060-01-01'), noInvalidDate: true });
    fc.assert(
      fc.property(instants, (at) => {
        expect(londonDateOf(at)).toBe(DateTime.fromJSDate(at, { zone: LONDON }).toISODate());
      }),
      { numRuns: 2_000 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import { dateFromParts, localTime, longDate, longDateTime } from './dates.js';

describe('dates as staff read them', () => {
  it('writes a London date in full', () => {
    expect(longDate('2026-12-10')).toBe('Thursday 10 December 2026');
  });
  it('writes an instant in London time, across the clock change', () => {
    expect(longDateTime('2026-12-10T09:30:00Z')).toBe('Thursday 10 December 2026 at 9:30am');
    expect(longDateTime('2026-07-02T08:00:00Z')).toBe('Thursday 2 July 2026 at 9am');
  });
  it('writes gate times the GOV.UK way', () => {
    expect(localTime('09:30')).toBe('9:30am');
    expect(localTime('12:00')).toBe('midday');
    expect(localTime('15:05')).toBe('3:05pm');
  });
  it('reads a date input only when it is a real date', () => {
    expect(dateFromParts('10', '12', '2026')).toBe('2026-12-10');
    expect(dateFromParts('31', '2', '2026')).toBeUndefined();
    expect(dateFromParts('1', '2', '26')).toBeUndefined();
  });
});

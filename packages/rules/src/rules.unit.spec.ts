import { describe, expect, it } from 'vitest';
import { arrivesInTime, closedDaysFollow, lastDayToCover, servicesReopenOn } from './index.js';

describe('rules two services must agree on', () => {
  it('arrives in time only with the margin to spare, across the clock change', () => {
    expect(arrivesInTime('2026-11-19T12:30:00Z', '2026-11-19T13:00:00Z')).toBe(true);
    expect(arrivesInTime('2026-11-19T12:31:00Z', '2026-11-19T13:00:00Z')).toBe(false);
    // 25 October 2026: clocks go back at 02:00 BST; 01:30 BST is 00:30Z, 02:00 GMT is 02:00Z.
    expect(arrivesInTime('2026-10-25T00:30:00Z', '2026-10-25T02:00:00Z')).toBe(true);
    expect(arrivesInTime('not a time', '2026-11-19T13:00:00Z')).toBe(false);
  });

  it('reopens services on the next working day, skipping weekends and bank holidays', () => {
    expect(servicesReopenOn('2026-11-19')).toBe('2026-11-20'); // Thursday → Friday
    expect(servicesReopenOn('2026-11-20')).toBe('2026-11-23'); // Friday → Monday
    expect(servicesReopenOn('2026-12-24')).toBe('2026-12-29'); // Christmas Eve → after Christmas and Boxing Day (substitute)
    expect(closedDaysFollow('2026-11-20')).toBe(true);
    expect(closedDaysFollow('2026-11-19')).toBe(false);
  });

  it('covers every day until the first community dose, and at least until services reopen', () => {
    expect(lastDayToCover('2026-11-19', '2026-11-19')).toBeNull(); // seen on her release day, a Thursday
    expect(lastDayToCover('2026-11-19', '2026-11-20')).toBe('2026-11-19');
    expect(lastDayToCover('2026-11-19', '2026-12-10')).toBe('2026-12-09'); // three weeks: every day until then
    expect(lastDayToCover('2026-11-20', '2026-11-20')).toBe('2026-11-22'); // Friday: over the weekend
    expect(lastDayToCover('2026-11-20', '2026-11-30')).toBe('2026-11-29');
    expect(lastDayToCover('2026-11-19', null)).toBe('2026-11-19');
  });
});

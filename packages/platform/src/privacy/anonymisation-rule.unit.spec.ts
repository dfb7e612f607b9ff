import { describe, expect, it } from 'vitest';
import { anonymisationDue, anonymisationThreshold, londonToday } from './anonymisation-rule.js';

describe('when her personal content is due to be anonymised', () => {
  const today = '2028-12-10';

  it('is due once `afterDays` calendar days have passed since her release date (across a leap year), not a day sooner', () => {
    expect(anonymisationDue({ releaseDate: '2026-12-11', status: 'released' }, today, 730)).toBe(true);
    expect(anonymisationDue({ releaseDate: '2026-12-12', status: 'released' }, today, 730)).toBe(false);
  });

  it('counts a scheduled release whose date has long passed as gone through', () => {
    expect(anonymisationDue({ releaseDate: '2025-01-06', status: 'scheduled' }, today, 730)).toBe(true);
  });

  it('is never due while her latest release is cancelled or has no date', () => {
    expect(anonymisationDue({ releaseDate: '2020-01-06', status: 'cancelled' }, today, 730)).toBe(false);
    expect(anonymisationDue({ releaseDate: null, status: 'unknown' }, today, 730)).toBe(false);
    expect(anonymisationDue({ releaseDate: '2020-01-06', status: 'unknown' }, today, 730)).toBe(false);
  });

  it('counts calendar days across a leap day', () => {
    expect(anonymisationThreshold('2028-03-01', 1)).toBe('2028-02-29');
    expect(anonymisationThreshold('2028-03-01', 366)).toBe('2027-03-01');
  });

  it("reads today as London's date, not UTC's", () => {
    expect(londonToday(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    expect(londonToday(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
  });
});

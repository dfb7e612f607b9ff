import { describe, expect, it } from 'vitest';
import { anAccommodation } from './accommodation.fixture.js';
import { assessAgainstRelease, checkConfirmedFromRelease } from './release-date.js';

describe('assessAgainstRelease', () => {
  it('is confirmed when confirmed from the release date or earlier', () => {
    expect(assessAgainstRelease(anAccommodation({ confirmedFrom: '2026-04-16' }), '2026-04-16')).toEqual({
      status: 'confirmed',
    });
    expect(assessAgainstRelease(anAccommodation({ confirmedFrom: '2026-04-01' }), '2026-04-16')).toEqual({
      status: 'confirmed',
    });
  });

  it('is at risk when the release moves earlier than confirmedFrom', () => {
    const accommodation = anAccommodation({ confirmedFrom: '2026-04-16' });
    // Friday release moved back to Thursday under the 2023 Act.
    const result = assessAgainstRelease(accommodation, '2026-04-15');
    expect(result.status).toBe('at-risk');
    expect(result).toHaveProperty('reason', expect.stringContaining('Wed 15 Apr 2026'));
  });

  it('is incomplete with no accommodation or no confirmation', () => {
    expect(assessAgainstRelease(anAccommodation({ type: 'none' }), '2026-04-16')).toEqual({
      status: 'incomplete',
      reason: 'No release-night accommodation recorded',
    });
    expect(assessAgainstRelease(anAccommodation({ confirmedFrom: null }), '2026-04-16').status).toBe('incomplete');
  });

  it('compares calendar dates across the clock change', () => {
    const accommodation = anAccommodation({ confirmedFrom: '2026-03-29' });
    expect(assessAgainstRelease(accommodation, '2026-03-29').status).toBe('confirmed');
    expect(assessAgainstRelease(accommodation, '2026-03-28').status).toBe('at-risk');
    expect(assessAgainstRelease(anAccommodation({ confirmedFrom: '2026-10-25' }), '2026-10-24').status).toBe('at-risk');
  });

  it('refuses an unusable release date', () => {
    expect(() => assessAgainstRelease(anAccommodation(), '16/04/2026')).toThrow(RangeError);
  });
});

describe('checkConfirmedFromRelease', () => {
  it('names the rule and field when not confirmed from the release date', () => {
    expect(checkConfirmedFromRelease(anAccommodation({ confirmedFrom: '2026-04-17' }), '2026-04-16')).toEqual([
      expect.objectContaining({ rule: 'NOT_CONFIRMED_FROM_RELEASE_DATE', field: 'confirmedFrom' }),
    ]);
  });

  it('passes exactly on the release date', () => {
    expect(checkConfirmedFromRelease(anAccommodation({ confirmedFrom: '2026-04-16' }), '2026-04-16')).toEqual([]);
  });
});

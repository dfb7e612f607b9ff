import { describe, expect, it } from 'vitest';
import { anAccommodation } from './accommodation.fixture.js';
import {
  alertDue,
  refusedDecision,
  reviewAfterRestrictionsChanged,
  reviewOnProposal,
  type SafeguardingReview,
} from './safeguarding-review.js';

const approved = (overrides = {}) => ({ ...anAccommodation(), safeguardingReview: 'approved' as const, ...overrides });

describe('reviewOnProposal', () => {
  it('sends every new place to review, and none needs none', () => {
    expect(reviewOnProposal(anAccommodation(), null)).toBe('awaiting-review');
    expect(reviewOnProposal(anAccommodation({ type: 'none' }), null)).toBeNull();
  });

  it('keeps an approval when only dates or contact change, in any case or spacing of the same place', () => {
    expect(reviewOnProposal(anAccommodation({ confirmedFrom: '2026-05-01', confirmedBy: 'x' }), approved())).toBe(
      'approved',
    );
    expect(reviewOnProposal(anAccommodation({ postcodeDistrict: 'bs1 ' }), approved())).toBe('approved');
  });

  it('sends a change of type, authority or district back to review', () => {
    expect(reviewOnProposal(anAccommodation({ type: 'own-tenancy' }), approved())).toBe('awaiting-review');
    expect(reviewOnProposal(anAccommodation({ localAuthority: 'Cardiff' }), approved())).toBe('awaiting-review');
    expect(reviewOnProposal(anAccommodation({ postcodeDistrict: 'BS2' }), approved())).toBe('awaiting-review');
  });

  it('keeps a place awaiting review awaiting it', () => {
    expect(reviewOnProposal(anAccommodation(), approved({ safeguardingReview: 'awaiting-review' }))).toBe(
      'awaiting-review',
    );
  });
});

describe('reviewAfterRestrictionsChanged', () => {
  it('sends an approved place that now falls in a restricted area back to review, and nothing else', () => {
    const cases: [SafeguardingReview | null, boolean, SafeguardingReview | null][] = [
      ['approved', true, 'awaiting-review'],
      ['approved', false, 'approved'],
      ['awaiting-review', true, 'awaiting-review'],
      ['not-suitable', true, 'not-suitable'],
      [null, true, null],
    ];
    for (const [review, matches, next] of cases) expect(reviewAfterRestrictionsChanged(review, matches)).toBe(next);
  });
});

describe('refusedDecision', () => {
  it('decides only a place awaiting review, at the revision probation saw', () => {
    expect(refusedDecision({ safeguardingReview: 'awaiting-review', revision: 2 }, 2)).toBeNull();
    expect(refusedDecision({ safeguardingReview: 'awaiting-review', revision: 3 }, 2)).toBe(
      'ACCOMMODATION_CHANGED_SINCE_VIEWED',
    );
    expect(refusedDecision({ safeguardingReview: 'approved', revision: 2 }, 2)).toBe('REVIEW_ALREADY_DECIDED');
  });
});

describe('alertDue', () => {
  it('alerts from the setting on', () => {
    expect([1, 2, 3, 4].map((declined) => alertDue(declined, 3))).toEqual([false, false, true, true]);
  });
});

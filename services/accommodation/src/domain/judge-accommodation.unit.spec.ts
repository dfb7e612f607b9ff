import { describe, expect, it } from 'vitest';
import { anAccommodation } from './accommodation.fixture.js';
import { type AccommodationCase, type AccommodationOnRecord, judgeAccommodation } from './judge-accommodation.js';

const onRecord = (overrides: Partial<AccommodationOnRecord> = {}): AccommodationOnRecord => ({
  ...anAccommodation({ confirmedFrom: '2026-04-16' }),
  status: 'confirmed',
  withdrawnReason: null,
  safeguardingReview: 'approved',
  ...overrides,
});
const given = (overrides: Partial<AccommodationCase> = {}): AccommodationCase => ({
  accommodation: onRecord(),
  releaseDate: '2026-04-16',
  providerArea: null,
  ...overrides,
});
const rulesOf = (verdict: { reasons: { rule: string }[] }) => verdict.reasons.map((reason) => reason.rule);

describe('judgeAccommodation', () => {
  it('given a bed from the release date, approved at safeguarding review, then complete with nothing missing', () => {
    expect(judgeAccommodation(given())).toEqual({ status: 'complete', reasons: [], missing: [] });
  });

  it('given no accommodation recorded, then not started, missing release-night accommodation', () => {
    expect(judgeAccommodation(given({ accommodation: null }))).toEqual({
      status: 'not-started',
      reasons: [{ rule: 'NO_ACCOMMODATION_RECORDED', message: 'No release-night accommodation recorded yet' }],
      missing: ['release-night accommodation'],
    });
  });

  it('given it was withdrawn, or recorded as none, then at risk with nowhere to stay', () => {
    const withdrawn = judgeAccommodation(
      given({ accommodation: onRecord({ status: 'withdrawn', withdrawnReason: 'Landlord withdrew the room' }) }),
    );
    expect(withdrawn).toMatchObject({ status: 'at-risk', missing: ['release-night accommodation'] });
    expect(withdrawn.reasons).toEqual([
      { rule: 'ACCOMMODATION_WITHDRAWN', message: 'Accommodation withdrawn: Landlord withdrew the room' },
    ]);
    const none = judgeAccommodation(given({ accommodation: onRecord({ type: 'none', status: 'incomplete' }) }));
    expect(none).toMatchObject({ status: 'at-risk', reasons: [{ rule: 'NO_ACCOMMODATION' }] });
  });

  it('given the release moved before the date it is confirmed from, then at risk naming both dates', () => {
    const verdict = judgeAccommodation(given({ releaseDate: '2026-04-15' }));
    expect(verdict.status).toBe('at-risk');
    expect(rulesOf(verdict)).toEqual(['NOT_CONFIRMED_FROM_RELEASE_DATE']);
    expect(verdict.reasons[0]!.message).toContain('Wed 15 Apr 2026');
    expect(verdict.missing).toEqual(['release-night accommodation from the release date']);
  });

  it('given the place awaits safeguarding review, then in progress, awaiting the review, naming no area', () => {
    const verdict = judgeAccommodation(given({ accommodation: onRecord({ safeguardingReview: 'awaiting-review' }) }));
    expect(verdict).toEqual({
      status: 'in-progress',
      reasons: [
        {
          rule: 'AWAITING_SAFEGUARDING_REVIEW',
          message: 'In progress: awaiting safeguarding review of the proposed place by her offender manager',
        },
      ],
      missing: ['safeguarding review of the proposed accommodation'],
    });
  });

  it('given awaiting review and a release moved earlier, then at risk with every reason', () => {
    const awaiting = onRecord({ safeguardingReview: 'awaiting-review' });
    const verdict = judgeAccommodation(given({ accommodation: awaiting, releaseDate: '2026-04-15' }));
    expect(verdict.status).toBe('at-risk');
    expect(rulesOf(verdict)).toEqual(['NOT_CONFIRMED_FROM_RELEASE_DATE', 'AWAITING_SAFEGUARDING_REVIEW']);
  });

  it('given the place was found not suitable, then at risk with nowhere to stay, and no reason category', () => {
    const verdict = judgeAccommodation(given({ accommodation: onRecord({ safeguardingReview: 'not-suitable' }) }));
    expect(verdict).toMatchObject({ status: 'at-risk', missing: ['release-night accommodation'] });
    expect(rulesOf(verdict)).toEqual(['ACCOMMODATION_NOT_SUITABLE']);
    expect(JSON.stringify(verdict)).not.toMatch(/restrict|area|Bristol|BS1/i);
  });

  it('given no confirmed-from date, then in progress, missing the date', () => {
    const verdict = judgeAccommodation(given({ accommodation: onRecord({ confirmedFrom: null }) }));
    expect(verdict).toEqual({
      status: 'in-progress',
      reasons: [
        {
          rule: 'CONFIRMED_FROM_MISSING',
          message: 'Accommodation found; the date it is available from is not yet confirmed',
        },
      ],
      missing: ['the date the accommodation is available from'],
    });
  });

  it('given an authority we do not know (recorded before names were checked), then at risk: it cannot be checked', () => {
    const verdict = judgeAccommodation(given({ accommodation: onRecord({ localAuthority: 'Bristoll' }) }));
    expect(verdict.status).toBe('at-risk');
    expect(rulesOf(verdict)).toEqual(['LOCAL_AUTHORITY_UNKNOWN']);
  });

  it('given treatment in another authority, then complete with the mismatch as a reason to check', () => {
    const verdict = judgeAccommodation(given({ providerArea: { localAuthority: 'South Gloucestershire' } }));
    expect(verdict.status).toBe('complete');
    expect(rulesOf(verdict)).toEqual(['LOCAL_TREATMENT_MISMATCH']);
    expect(judgeAccommodation(given({ providerArea: { localAuthority: 'Bristol City Council' } })).reasons).toEqual([]);
  });
});

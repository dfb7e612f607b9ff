import { describe, expect, it } from 'vitest';
import { type AccommodationFact, checkDestination, checkPlanAgainst, reassessPlan } from './destination.js';
import { aPlan, facts, rules } from './travel-plan.fixture.js';

const toAccommodation = aPlan({ destination: 'accommodation' });
const current: AccommodationFact = { status: 'current', type: 'supported-housing' };

describe('checkDestination', () => {
  it('accepts a journey to confirmed accommodation, or while none is known yet', () => {
    expect(checkDestination(toAccommodation, current)).toEqual([]);
    expect(checkDestination(toAccommodation, null)).toEqual([]);
  });

  it('refuses a journey to accommodation that was withdrawn or recorded as none', () => {
    expect(rules(checkDestination(toAccommodation, { ...current, status: 'withdrawn' }))).toEqual([
      'NO_ACCOMMODATION_TO_TRAVEL_TO',
    ]);
    expect(rules(checkDestination(toAccommodation, { ...current, type: 'none' }))).toEqual([
      'NO_ACCOMMODATION_TO_TRAVEL_TO',
    ]);
  });

  it('does not care about accommodation when she travels to her first appointment', () => {
    expect(checkDestination(aPlan(), { ...current, status: 'withdrawn' })).toEqual([]);
  });
});

describe('checkPlanAgainst and reassessPlan', () => {
  const withdrawn = { ...current, status: 'withdrawn' as const };

  it('adds the destination to the timing rules', () => {
    const late = aPlan({ destination: 'accommodation', expectedArrivalAt: '2026-04-16T18:00:00+01:00' });
    expect(rules(checkPlanAgainst(late, facts, withdrawn).violations)).toEqual([
      'ARRIVES_AFTER_APPOINTMENT',
      'ARRIVES_AFTER_EVENING_CUTOFF',
      'NO_ACCOMMODATION_TO_TRAVEL_TO',
    ]);
  });

  it('puts a plan at risk when its accommodation is withdrawn, and back when it fits', () => {
    expect(reassessPlan(toAccommodation, facts, withdrawn)).toMatchObject({ status: 'at-risk' });
    expect(reassessPlan(toAccommodation, facts, current)).toEqual({ status: 'arranged', reasons: [] });
  });

  it('puts a plan at risk when the release moves a day earlier', () => {
    const earlier = { releaseDate: '2026-04-15', gateAt: '2026-04-15T09:00:00+01:00', firstAppointmentAt: null };
    const reassessment = reassessPlan(aPlan(), earlier, null);
    expect(reassessment.status).toBe('at-risk');
    expect(rules(reassessment.reasons)).toEqual(['DEPARTS_ON_WRONG_DAY', 'ARRIVES_AFTER_EVENING_CUTOFF']);
  });
});

import { describe, expect, it } from 'vitest';
import { reassess } from './reassess.js';
import { aPlan, facts, rules } from './travel-plan.fixture.js';

describe('reassess', () => {
  it('stays arranged when nothing breaks', () => {
    expect(reassess(aPlan(), facts)).toEqual({ status: 'arranged', reasons: [] });
  });

  it('is at risk when the release moves to an earlier day', () => {
    // Friday release moved back to Thursday: the Friday journey no longer fits.
    const friday = aPlan({ departureAt: '2026-04-17T09:15:00+01:00', expectedArrivalAt: '2026-04-17T11:45:00+01:00' });
    const thursday = { releaseDate: '2026-04-16', gateAt: '2026-04-16T09:00:00+01:00', firstAppointmentAt: null };
    const result = reassess(friday, thursday);
    expect(result.status).toBe('at-risk');
    expect(rules(result.reasons)).toEqual(['DEPARTS_ON_WRONG_DAY', 'ARRIVES_AFTER_EVENING_CUTOFF']);
  });

  it('is at risk when the gate time moves later than the departure', () => {
    const result = reassess(aPlan(), { ...facts, gateAt: '2026-04-16T10:00:00+01:00' });
    expect(rules(result.reasons)).toEqual(['DEPARTS_BEFORE_GATE']);
  });

  it('is at risk when the appointment moves earlier', () => {
    const result = reassess(aPlan(), { ...facts, firstAppointmentAt: '2026-04-16T12:00:00+01:00' });
    expect(result).toEqual({
      status: 'at-risk',
      reasons: [expect.objectContaining({ rule: 'ARRIVES_AFTER_APPOINTMENT' })],
    });
  });

  it('does not count flags as reasons', () => {
    const long = aPlan({ departureAt: '2026-04-16T09:00:00+01:00', expectedArrivalAt: '2026-04-16T13:00:00+01:00' });
    expect(reassess(long, { ...facts, firstAppointmentAt: null })).toEqual({ status: 'arranged', reasons: [] });
  });
});

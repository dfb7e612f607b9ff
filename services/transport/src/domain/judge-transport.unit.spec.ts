import { ARRIVAL_MARGIN_MINUTES } from '@resettle/rules';
import { describe, expect, it } from 'vitest';
import { judgeTransport, type PlanOnRecord, type TransportCase } from './judge-transport.js';
import { aPlan, facts } from './travel-plan.fixture.js';

const onRecord = (overrides: Partial<PlanOnRecord> = {}): PlanOnRecord => ({
  ...aPlan(),
  status: 'arranged',
  cancelledReason: null,
  ...overrides,
});
/** Thursday 16 April 2026: gate 09:00 BST; she leaves 09:15, arrives 11:45; appointment 14:00. */
const given = (overrides: Partial<TransportCase> = {}): TransportCase => ({
  plan: onRecord(),
  release: { releaseDate: facts.releaseDate, gateAt: facts.gateAt, gatePassedAt: null },
  firstAppointmentAt: facts.firstAppointmentAt,
  accommodation: null,
  ...overrides,
});
const rulesOf = (verdict: { reasons: { rule: string }[] }) => verdict.reasons.map((reason) => reason.rule);
const passedAt = (gatePassedAt: string) => ({ release: { ...given().release, gatePassedAt } });

describe('judgeTransport', () => {
  it('given a journey after the gate, in time for the appointment and the cut-off, then complete', () => {
    expect(judgeTransport(given())).toEqual({ status: 'complete', reasons: [], missing: [] });
  });

  it('given no plan, then not started, missing travel from the gate', () => {
    expect(judgeTransport(given({ plan: null }))).toEqual({
      status: 'not-started',
      reasons: [{ rule: 'NO_TRAVEL_ARRANGED', message: 'No travel from the gate arranged yet' }],
      missing: ['travel from the gate'],
    });
  });

  it('given the plan was cancelled, then at risk with the reason', () => {
    const verdict = judgeTransport(
      given({ plan: onRecord({ status: 'cancelled', cancelledReason: 'Driver unavailable' }) }),
    );
    expect(verdict).toMatchObject({ status: 'at-risk', missing: ['travel from the gate'] });
    expect(verdict.reasons).toEqual([{ rule: 'TRAVEL_CANCELLED', message: 'Travel cancelled: Driver unavailable' }]);
  });

  it('given the release moved to another day, then at risk: leaves on the wrong day (every reason given)', () => {
    const moved = { releaseDate: '2026-04-15', gateAt: '2026-04-15T09:00:00+01:00', gatePassedAt: null };
    const verdict = judgeTransport(given({ release: moved, firstAppointmentAt: null }));
    expect(verdict.status).toBe('at-risk');
    expect(rulesOf(verdict)).toEqual(['DEPARTS_ON_WRONG_DAY', 'ARRIVES_AFTER_EVENING_CUTOFF']);
  });

  it('given the gate moved after the departure, then at risk: leaves before the gate', () => {
    const later = { ...given().release, gateAt: '2026-04-16T10:00:00+01:00' };
    expect(rulesOf(judgeTransport(given({ release: later })))).toEqual(['DEPARTS_BEFORE_GATE']);
  });

  it(`uses the shared margin: exactly ${ARRIVAL_MARGIN_MINUTES} minutes before the appointment is in time, a minute later is not`, () => {
    const atMargin = onRecord({
      departureAt: '2026-04-16T12:00:00+01:00',
      expectedArrivalAt: '2026-04-16T13:30:00+01:00',
    });
    expect(judgeTransport(given({ plan: atMargin })).status).toBe('complete');
    const late = onRecord({ departureAt: '2026-04-16T12:00:00+01:00', expectedArrivalAt: '2026-04-16T13:31:00+01:00' });
    expect(rulesOf(judgeTransport(given({ plan: late })))).toEqual(['ARRIVES_AFTER_APPOINTMENT']);
  });

  it('given arrival after the evening cut-off, then at risk', () => {
    const late = onRecord({ departureAt: '2026-04-16T15:00:00+01:00', expectedArrivalAt: '2026-04-16T17:30:00+01:00' });
    expect(rulesOf(judgeTransport(given({ plan: late, firstAppointmentAt: null })))).toEqual([
      'ARRIVES_AFTER_EVENING_CUTOFF',
    ]);
  });

  it('given a journey to accommodation that was withdrawn, then at risk; unknown accommodation is not a risk', () => {
    const toAccommodation = onRecord({ destination: 'accommodation' });
    const withdrawn = { status: 'withdrawn' as const, type: 'none' as const };
    expect(rulesOf(judgeTransport(given({ plan: toAccommodation, accommodation: withdrawn })))).toEqual([
      'NO_ACCOMMODATION_TO_TRAVEL_TO',
    ]);
    expect(judgeTransport(given({ plan: toAccommodation })).status).toBe('complete');
  });

  it('given a long journey alone, then complete with the flag as a reason to look again', () => {
    const long = onRecord({ departureAt: '2026-04-16T09:00:00+01:00', expectedArrivalAt: '2026-04-16T12:30:00+01:00' });
    const verdict = judgeTransport(given({ plan: long }));
    expect(verdict.status).toBe('complete');
    expect(rulesOf(verdict)).toEqual(['LONG_JOURNEY_WITHOUT_ESCORT']);
  });

  describe('once she has passed the gate', () => {
    it('given she passed the gate on time, then complete', () => {
      expect(judgeTransport(given(passedAt('2026-04-16T09:05:00+01:00'))).status).toBe('complete');
    });

    it('given she passed the gate after the journey left, then at risk: GATE_AFTER_DEPARTURE', () => {
      const verdict = judgeTransport(given(passedAt('2026-04-16T09:45:00+01:00')));
      expect(verdict.status).toBe('at-risk');
      expect(rulesOf(verdict)).toEqual(['GATE_AFTER_DEPARTURE']);
      expect(verdict.reasons[0]!.message).toContain('09:45');
    });

    it('given she passed the gate so late that she cannot reach the appointment, then that reason too', () => {
      // Leaving at 13:00 instead of 09:15, she arrives at 15:30: after her 14:00 appointment.
      const verdict = judgeTransport(given(passedAt('2026-04-16T13:00:00+01:00')));
      expect(rulesOf(verdict)).toEqual(['GATE_AFTER_DEPARTURE', 'GATE_TOO_LATE_FOR_APPOINTMENT']);
    });

    it('given she passed the gate so late that she arrives after the cut-off, then that reason too', () => {
      const verdict = judgeTransport(given({ ...passedAt('2026-04-16T15:00:00+01:00'), firstAppointmentAt: null }));
      expect(rulesOf(verdict)).toEqual(['GATE_AFTER_DEPARTURE', 'GATE_TOO_LATE_FOR_EVENING_CUTOFF']);
    });
  });
});

import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { checkTravelPlan } from './check-travel-plan.js';
import { aPlan, facts, rules } from './travel-plan.fixture.js';

const refusals = (...args: Parameters<typeof checkTravelPlan>) => rules(checkTravelPlan(...args).violations);
const flags = (...args: Parameters<typeof checkTravelPlan>) => rules(checkTravelPlan(...args).flags);

describe('checkTravelPlan', () => {
  it('accepts a plan leaving after the gate and arriving in good time', () => {
    expect(checkTravelPlan(aPlan(), facts)).toEqual({ violations: [], flags: [] });
  });

  it('DEPARTS_BEFORE_GATE: a minute early is refused, exactly at the gate is fine', () => {
    expect(refusals(aPlan({ departureAt: '2026-04-16T08:59:00+01:00' }), facts)).toEqual(['DEPARTS_BEFORE_GATE']);
    expect(refusals(aPlan({ departureAt: '2026-04-16T09:00:00+01:00' }), facts)).toEqual([]);
  });

  it('ARRIVES_AFTER_APPOINTMENT: exactly the margin before is fine, a minute later is refused', () => {
    expect(refusals(aPlan({ expectedArrivalAt: '2026-04-16T13:30:00+01:00' }), facts)).toEqual([]);
    expect(checkTravelPlan(aPlan({ expectedArrivalAt: '2026-04-16T13:31:00+01:00' }), facts).violations).toEqual([
      expect.objectContaining({ rule: 'ARRIVES_AFTER_APPOINTMENT', field: 'expectedArrivalAt' }),
    ]);
  });

  it('uses the margin setting', () => {
    const plan = aPlan({ expectedArrivalAt: '2026-04-16T13:31:00+01:00' });
    expect(
      refusals(plan, facts, { appointmentMarginMinutes: 15, eveningCutoff: '17:00', longJourneyHours: 3 }),
    ).toEqual([]);
  });

  it('has no appointment rule when there is no appointment', () => {
    const plan = aPlan({ expectedArrivalAt: '2026-04-16T16:00:00+01:00', destination: 'accommodation' });
    expect(refusals(plan, { ...facts, firstAppointmentAt: null })).toEqual([]);
  });

  describe('ARRIVES_AFTER_EVENING_CUTOFF', () => {
    const noAppointment = { ...facts, firstAppointmentAt: null };

    it('exactly at the cut-off is fine, a minute after is refused', () => {
      expect(refusals(aPlan({ expectedArrivalAt: '2026-04-16T17:00:00+01:00' }), noAppointment)).toEqual([]);
      expect(refusals(aPlan({ expectedArrivalAt: '2026-04-16T17:01:00+01:00' }), noAppointment)).toEqual([
        'ARRIVES_AFTER_EVENING_CUTOFF',
      ]);
    });

    it('refuses arrival after midnight, on a later day', () => {
      const plan = aPlan({ expectedArrivalAt: '2026-04-17T00:05:00+01:00' });
      expect(refusals(plan, noAppointment)).toEqual(['ARRIVES_AFTER_EVENING_CUTOFF']);
    });

    it('uses the cut-off setting', () => {
      const settings = { appointmentMarginMinutes: 30, eveningCutoff: '18:00', longJourneyHours: 3 };
      expect(refusals(aPlan({ expectedArrivalAt: '2026-04-16T17:30:00+01:00' }), noAppointment, settings)).toEqual([]);
    });
  });

  it('ARRIVAL_BEFORE_DEPARTURE', () => {
    const plan = aPlan({ departureAt: '2026-04-16T10:00:00+01:00', expectedArrivalAt: '2026-04-16T09:30:00+01:00' });
    expect(refusals(plan, facts)).toEqual(['ARRIVAL_BEFORE_DEPARTURE']);
  });

  it('DEPARTS_ON_WRONG_DAY judged on the London calendar', () => {
    const nextDay = aPlan({ departureAt: '2026-04-17T09:15:00+01:00', expectedArrivalAt: '2026-04-17T10:00:00+01:00' });
    expect(refusals(nextDay, { ...facts, firstAppointmentAt: null })).toEqual([
      'DEPARTS_ON_WRONG_DAY',
      'ARRIVES_AFTER_EVENING_CUTOFF',
    ]);
    // 23:30 UTC on the 15th is 00:30 BST on the 16th: the right day, though before the gate.
    expect(refusals(aPlan({ departureAt: '2026-04-15T23:30:00Z' }), facts)).toEqual(['DEPARTS_BEFORE_GATE']);
  });

  it('met-at-gate needs someone named', () => {
    expect(refusals(aPlan({ mode: 'met-at-gate', metBy: ' ' }), facts)).toEqual(['MET_BY_REQUIRED']);
    expect(refusals(aPlan({ mode: 'met-at-gate', metBy: 'Women in Prison' }), facts)).toEqual([]);
  });

  it('refuses unreadable times', () => {
    expect(refusals(aPlan({ departureAt: '2026-04-16T09:15' }), facts)).toEqual(['INVALID_TIME']);
  });

  describe('LONG_JOURNEY_WITHOUT_ESCORT (a flag, not a refusal)', () => {
    const late = { ...facts, firstAppointmentAt: null };
    const journey = (expectedArrivalAt: string, extra = {}) =>
      aPlan({ departureAt: '2026-04-16T09:00:00+01:00', expectedArrivalAt, ...extra });

    it('flags a journey over the threshold travelled alone', () => {
      const check = checkTravelPlan(journey('2026-04-16T12:01:00+01:00'), late);
      expect(check.violations).toEqual([]);
      expect(rules(check.flags)).toEqual(['LONG_JOURNEY_WITHOUT_ESCORT']);
    });

    it('does not flag exactly the threshold, escorted journeys, or being met at the gate', () => {
      expect(flags(journey('2026-04-16T12:00:00+01:00'), late)).toEqual([]);
      expect(flags(journey('2026-04-16T13:00:00+01:00', { escorted: true }), late)).toEqual([]);
      expect(flags(journey('2026-04-16T13:00:00+01:00', { mode: 'met-at-gate', metBy: 'Sister' }), late)).toEqual([]);
    });

    it('flags taxi and prison transport too', () => {
      expect(flags(journey('2026-04-16T13:00:00+01:00', { mode: 'taxi' }), late)).toEqual([
        'LONG_JOURNEY_WITHOUT_ESCORT',
      ]);
    });
  });

  describe('DST weekends', () => {
    it('spring forward 2026-03-29: 00:30 GMT to 04:30 BST is 3 real hours, not 4', () => {
      const spring = { releaseDate: '2026-03-29', gateAt: '2026-03-29T00:30:00+00:00', firstAppointmentAt: null };
      const plan = aPlan({ departureAt: '2026-03-29T00:30:00+00:00', expectedArrivalAt: '2026-03-29T04:30:00+01:00' });
      expect(checkTravelPlan(plan, spring)).toEqual({ violations: [], flags: [] });
    });

    it('spring forward: the cut-off is 17:00 BST, which is 16:00 UTC', () => {
      const spring = { releaseDate: '2026-03-29', gateAt: '2026-03-29T09:00:00+01:00', firstAppointmentAt: null };
      const leave = '2026-03-29T13:30:00+01:00';
      expect(refusals(aPlan({ departureAt: leave, expectedArrivalAt: '2026-03-29T16:00:00Z' }), spring)).toEqual([]);
      expect(refusals(aPlan({ departureAt: leave, expectedArrivalAt: '2026-03-29T16:30:00Z' }), spring)).toEqual([
        'ARRIVES_AFTER_EVENING_CUTOFF',
      ]);
    });

    it('fall back 2026-10-25: 01:30 BST to 03:30 GMT is 3 real hours, not 2', () => {
      const autumn = { releaseDate: '2026-10-25', gateAt: '2026-10-25T01:30:00+01:00', firstAppointmentAt: null };
      const plan = aPlan({ departureAt: '2026-10-25T01:30:00+01:00', expectedArrivalAt: '2026-10-25T03:31:00+00:00' });
      expect(flags(plan, autumn)).toEqual(['LONG_JOURNEY_WITHOUT_ESCORT']);
      expect(flags({ ...plan, expectedArrivalAt: '2026-10-25T03:30:00+00:00' }, autumn)).toEqual([]);
    });

    it('fall back: the cut-off is 17:00 GMT, which is 17:00 UTC', () => {
      const autumn = { releaseDate: '2026-10-25', gateAt: '2026-10-25T09:00:00Z', firstAppointmentAt: null };
      const leave = '2026-10-25T14:00:00Z';
      expect(refusals(aPlan({ departureAt: leave, expectedArrivalAt: '2026-10-25T17:00:00Z' }), autumn)).toEqual([]);
      expect(refusals(aPlan({ departureAt: leave, expectedArrivalAt: '2026-10-25T17:01:00Z' }), autumn)).toEqual([
        'ARRIVES_AFTER_EVENING_CUTOFF',
      ]);
    });
  });

  it('property: leaving at the gate and arriving ≥ margin before the appointment and by the cut-off is always ok', () => {
    const day = DateTime.fromISO('2026-01-01', { zone: 'Europe/London' });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 364 }),
        fc.integer({ min: 8 * 60, max: 12 * 60 }),
        fc.integer({ min: 0, max: 240 }),
        fc.integer({ min: 30, max: 600 }),
        (dayOffset, gateMinute, journeyMinutes, slackMinutes) => {
          const date = day.plus({ days: dayOffset });
          const gate = date.set({ hour: 0 }).plus({ minutes: gateMinute });
          const arrival = gate.plus({ minutes: journeyMinutes });
          const cutoff = date.set({ hour: 17, minute: 0 });
          fc.pre(arrival <= cutoff);
          const appointment = arrival.plus({ minutes: slackMinutes });
          const check = checkTravelPlan(
            aPlan({ departureAt: gate.toISO() ?? '', expectedArrivalAt: arrival.toISO() ?? '' }),
            {
              releaseDate: date.toISODate() ?? '',
              gateAt: gate.toISO() ?? '',
              firstAppointmentAt: appointment.toISO(),
            },
          );
          expect(check.violations).toEqual([]);
        },
      ),
    );
  });

  it('property: any arrival later than the cut-off on the release day is refused', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3 * 24 * 60 }), (minutesLate) => {
        const arrival = DateTime.fromISO('2026-10-25T17:00', { zone: 'Europe/London' }).plus({ minutes: minutesLate });
        const plan = aPlan({ departureAt: '2026-10-25T09:00:00Z', expectedArrivalAt: arrival.toISO() ?? '' });
        const autumn = { releaseDate: '2026-10-25', gateAt: '2026-10-25T09:00:00Z', firstAppointmentAt: null };
        expect(refusals(plan, autumn)).toContain('ARRIVES_AFTER_EVENING_CUTOFF');
      }),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { checkHandoff } from './check-handoff.js';
import { aHandoff, appointmentAt, release, rules } from './handoff.fixture.js';

describe('checkHandoff', () => {
  const now = '2026-04-10T09:00:00+01:00';

  it('passes a complete methadone handoff', () => {
    expect(checkHandoff(aHandoff(), { release, now })).toEqual([]);
  });

  it('collects every broken rule', () => {
    const handoff = aHandoff({
      ...appointmentAt('2026-04-17T16:00:00+01:00'),
      preferences: {
        femaleKeyWorker: true,
        womenOnlyService: false,
        childcareConstraints: [{ dayOfWeek: 5, from: '15:00', to: '17:00' }],
      },
    });
    const context = {
      release,
      now: '2026-04-18T09:00:00+01:00',
      weekendCover: { requiresWeekendCover: true, nextWorkingDay: '2026-04-20' },
    };
    expect(rules(checkHandoff(handoff, context))).toEqual([
      'WEEKEND_COVER_PLAN_MISSING',
      'FIRST_DOSE_GAP',
      'APPOINTMENT_IN_CHILDCARE_CONSTRAINT',
      'APPOINTMENT_IN_PAST',
    ]);
  });

  it('uses the expected arrival from the travel plan', () => {
    expect(rules(checkHandoff(aHandoff(), { release, now, expectedArrivalAt: '2026-04-16T15:00:00+01:00' }))).toEqual([
      'APPOINTMENT_BEFORE_ARRIVAL',
    ]);
  });
});

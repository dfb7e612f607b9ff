import { describe, expect, it } from 'vitest';
import { aHandoff } from './handoff.fixture.js';
import { nextWeekday, weekendCoverPlanSatisfied } from './weekend-cover.js';

// Friday 2026-04-17 release; services reopen Monday 2026-04-20.
const friday = { requiresWeekendCover: true, nextWorkingDay: '2026-04-20' };
const withPlan = (prescriptionCoversUntil: string | null, outOfHoursContact: boolean) =>
  aHandoff({ weekendCoverPlan: { prescriptionCoversUntil, outOfHoursContact } });

describe('weekendCoverPlanSatisfied', () => {
  it('accepts a prescription to the next working day and an out-of-hours contact', () => {
    expect(weekendCoverPlanSatisfied(friday, withPlan('2026-04-20', true))).toEqual([]);
    expect(weekendCoverPlanSatisfied(friday, withPlan('2026-04-22', true))).toEqual([]);
  });

  it('says which part is missing', () => {
    expect(weekendCoverPlanSatisfied(friday, withPlan('2026-04-19', false)).map((v) => [v.rule, v.field])).toEqual([
      ['WEEKEND_COVER_PLAN_MISSING', 'weekendCoverPlan.prescriptionCoversUntil'],
      ['WEEKEND_COVER_PLAN_MISSING', 'weekendCoverPlan.outOfHoursContact'],
    ]);
  });

  it('refuses no plan at all', () => {
    expect(weekendCoverPlanSatisfied(friday, aHandoff())).toEqual([
      expect.objectContaining({ rule: 'WEEKEND_COVER_PLAN_MISSING', field: 'weekendCoverPlan' }),
    ]);
  });

  it('needs only the contact when she has no treatment', () => {
    const none = { ...aHandoff().treatment, kind: 'none' as const };
    expect(
      weekendCoverPlanSatisfied(friday, {
        treatment: none,
        weekendCoverPlan: { prescriptionCoversUntil: null, outOfHoursContact: true },
      }),
    ).toEqual([]);
  });

  it('asks nothing when the release does not need weekend cover', () => {
    expect(weekendCoverPlanSatisfied({ ...friday, requiresWeekendCover: false }, aHandoff())).toEqual([]);
  });
});

describe('nextWeekday', () => {
  it('skips the weekend after a Friday and is the next day otherwise', () => {
    expect(nextWeekday('2026-04-17')).toBe('2026-04-20');
    expect(nextWeekday('2026-04-18')).toBe('2026-04-20');
    expect(nextWeekday('2026-04-14')).toBe('2026-04-15');
  });

  it('refuses what is not a date', () => {
    expect(() => nextWeekday('17/04/2026')).toThrow(RangeError);
  });
});

import { describe, expect, it } from 'vitest';
import { aHandoff } from './handoff.fixture.js';
import { nextWorkingDay, weekendCoverPlanSatisfied } from './weekend-cover.js';

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

describe('nextWorkingDay', () => {
  it('skips the weekend after a Friday and is the next day otherwise', () => {
    expect(nextWorkingDay('2026-04-17')).toBe('2026-04-20');
    expect(nextWorkingDay('2026-04-18')).toBe('2026-04-20');
    expect(nextWorkingDay('2026-04-14')).toBe('2026-04-15');
  });

  it.each([
    ['Maundy Thursday: Good Friday and Easter Monday closed', '2026-04-02', '2026-04-07'],
    ['the Friday before the spring bank holiday', '2026-05-22', '2026-05-26'],
    ['Christmas Eve, with Boxing Day substituted to Monday', '2026-12-24', '2026-12-29'],
    ['the Friday before the August bank holiday', '2027-08-27', '2027-08-31'],
    ['the day before New Year’s Day (computed years too)', '2031-12-31', '2032-01-02'],
  ])('skips bank holidays: %s', (_case, releaseDate, reopens) => {
    expect(nextWorkingDay(releaseDate)).toBe(reopens);
  });

  it('refuses cover that ends on a bank-holiday Monday: that is a day without medication', () => {
    const beforeSpringHoliday = { requiresWeekendCover: true, nextWorkingDay: nextWorkingDay('2026-05-22') };
    expect(weekendCoverPlanSatisfied(beforeSpringHoliday, withPlan('2026-05-25', true))).toEqual([
      expect.objectContaining({ field: 'weekendCoverPlan.prescriptionCoversUntil' }),
    ]);
    expect(weekendCoverPlanSatisfied(beforeSpringHoliday, withPlan('2026-05-26', true))).toEqual([]);
  });

  it('refuses what is not a date', () => {
    expect(() => nextWorkingDay('17/04/2026')).toThrow(RangeError);
    expect(() => nextWorkingDay('2026-02-30')).toThrow(RangeError);
  });
});

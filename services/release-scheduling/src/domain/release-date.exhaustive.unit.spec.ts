import { addDays, defaultCalendar, isFriday, isWeekend } from '@resettle/calendar';
import { describe, expect, it } from 'vitest';
import type { DayOfReleaseEligibilityFacts } from './eligibility.js';
import { adjustReleaseDate, type ReleaseDateAdjustment } from './release-date.js';

const calendar = defaultCalendar();
const eligible: DayOfReleaseEligibilityFacts = {
  homeDetentionCurfew: false,
  indeterminateSentence: false,
  paroleBoardRelease: false,
  daysServedSinceSentence: 200,
};
const ineligibleFacts: DayOfReleaseEligibilityFacts[] = [
  { ...eligible, homeDetentionCurfew: true },
  { ...eligible, indeterminateSentence: true },
  { ...eligible, paroleBoardRelease: true },
  { ...eligible, daysServedSinceSentence: 27 },
];

const everyDate: string[] = [];
for (let date = '2018-01-01'; date <= '2032-12-31'; date = addDays(date, 1)) everyDate.push(date);

const working = (date: string) => !isWeekend(date) && !calendar.isBankHoliday(date);
const beforeClosedDay = (date: string) => !working(addDays(date, 1));
/** Independently of the code under test: the last working day on or before the legal date. */
function lastWorkingDayOnOrBefore(date: string): string {
  let day = date;
  while (!working(day)) day = addDays(day, -1);
  return day;
}
function workingDaysBetween(earlier: string, later: string): number {
  let count = 0;
  for (let day = earlier; day < later; day = addDays(day, 1)) if (working(day)) count += 1;
  return count;
}
function moves(result: ReleaseDateAdjustment) {
  return result.rulesApplied.filter((rule) => rule.from !== rule.to && rule.rule !== 'SECOND_DAY_APPROVED');
}

describe(`every legal release date ${everyDate[0]} to ${everyDate.at(-1)}`, () => {
  it.each([false, true])('eligible, second day approved: %s', (secondDayApproved) => {
    let noAllowedDay = 0;
    for (const legalReleaseDate of everyDate) {
      const result = adjustReleaseDate({ legalReleaseDate, eligibility: eligible, secondDayApproved }, calendar);
      const { releaseDate } = result;
      const onWorkingDay = lastWorkingDayOnOrBefore(legalReleaseDate);
      const earlier = workingDaysBetween(releaseDate, onWorkingDay);
      const context = `${legalReleaseDate} → ${releaseDate}`;

      expect(releaseDate <= legalReleaseDate, context).toBe(true);
      expect(working(releaseDate), context).toBe(true);
      expect(earlier, context).toBeLessThanOrEqual(secondDayApproved ? 2 : 1);
      expect(
        result.rulesApplied.some((rule) => rule.rule === 'SECOND_DAY_APPROVED'),
        context,
      ).toBe(earlier === 2);
      expect(result.weekendCoverPlanRequired, context).toBe(beforeClosedDay(releaseDate));
      if (result.noAllowedDayInWindow) {
        noAllowedDay += 1;
        expect(releaseDate, context).toBe(onWorkingDay);
        expect(result.windowExplanation, context).toMatch(/no earlier day in the window is allowed/);
        let day = onWorkingDay;
        for (let i = 0; i < (secondDayApproved ? 2 : 1); i += 1) {
          day = lastWorkingDayOnOrBefore(addDays(day, -1));
          expect(beforeClosedDay(day), `${context}: ${day} would have been allowed`).toBe(true);
        }
      } else {
        expect(isFriday(releaseDate) || beforeClosedDay(releaseDate), context).toBe(false);
        // By default the nearest eligible day: one working day earlier when that day is allowed.
        const firstDay = lastWorkingDayOnOrBefore(addDays(onWorkingDay, -1));
        if (beforeClosedDay(onWorkingDay) && !beforeClosedDay(firstDay)) expect(releaseDate, context).toBe(firstDay);
      }
      expectEveryMoveRecorded(legalReleaseDate, onWorkingDay, result);
    }
    // Without approval some closed periods leave no allowed day (Christmas on a Tuesday or Wednesday);
    // with approval every date from 2018 to 2032 has one.
    expect(noAllowedDay > 0).toBe(!secondDayApproved);
  });

  it.each(ineligibleFacts.map((facts, i) => [i, facts] as const))('ineligible (case %i)', (_, facts) => {
    for (const legalReleaseDate of everyDate) {
      const result = adjustReleaseDate({ legalReleaseDate, eligibility: facts, secondDayApproved: true }, calendar);
      const onWorkingDay = lastWorkingDayOnOrBefore(legalReleaseDate);
      const context = `${legalReleaseDate} → ${result.releaseDate}`;
      expect(result.releaseDate, context).toBe(onWorkingDay);
      expect(result.noAllowedDayInWindow, context).toBe(false);
      expect(result.weekendCoverPlanRequired, context).toBe(beforeClosedDay(onWorkingDay));
      const flagged = result.rulesApplied.filter((rule) => rule.rule === 'INELIGIBLE_DAY_OF_RELEASE_MOVE');
      expect(flagged, context).toEqual(
        beforeClosedDay(onWorkingDay) ? [expect.objectContaining({ from: onWorkingDay, to: onWorkingDay })] : [],
      );
      expectEveryMoveRecorded(legalReleaseDate, onWorkingDay, result);
    }
  });
});

function expectEveryMoveRecorded(legal: string, onWorkingDay: string, result: ReleaseDateAdjustment) {
  const expected: [string, string, string[]][] = [];
  if (legal !== onWorkingDay) expected.push([legal, onWorkingDay, ['NON_WORKING_DAY']]);
  if (result.releaseDate !== onWorkingDay) {
    expected.push([
      onWorkingDay,
      result.releaseDate,
      isFriday(onWorkingDay) ? ['FRIDAY_RELEASE'] : ['PRE_BANK_HOLIDAY'],
    ]);
  }
  const recorded = moves(result).map((rule) => [rule.from, rule.to, [rule.rule]]);
  expect(recorded, `${legal} → ${result.releaseDate}`).toEqual(expected);
  for (const rule of result.rulesApplied) {
    expect(rule.explanation).toContain(rule.from.slice(0, 4));
    expect(rule.explanation.length).toBeGreaterThan(40);
  }
}

import type { BankHolidayCalendar } from '@resettle/calendar';
import { type IsoDate, longDate } from '@resettle/calendar';
import { closedPeriodAfter, noAllowedDayExplanation, nonWorkingReason } from './closed-period.js';
import { dayOfReleaseMoveEligibility, describeIneligibility } from './eligibility.js';
import { type ReleaseWindow, type ReleaseWindowInput, releaseWindow } from './release-window.js';

export type ReleaseRule =
  | 'NON_WORKING_DAY'
  | 'FRIDAY_RELEASE'
  | 'PRE_BANK_HOLIDAY'
  | 'SECOND_DAY_APPROVED'
  | 'INELIGIBLE_DAY_OF_RELEASE_MOVE'
  | 'NO_ALLOWED_DAY_IN_WINDOW'
  /** The day it would have moved to has gone: she leaves on the day the law fixes, at short notice. */
  | 'MOVE_DAY_PASSED';

/** One step from `from` to `to`; `from === to` records a rule that was weighed but left the date standing. */
export interface RuleApplied {
  rule: ReleaseRule;
  from: IsoDate;
  to: IsoDate;
  explanation: string;
}

export interface ReleaseDateAdjustment {
  releaseDate: IsoDate;
  rulesApplied: RuleApplied[];
  /** She leaves the day before a closed period: the passport must carry a weekend cover plan. */
  weekendCoverPlanRequired: boolean;
  noAllowedDayInWindow: boolean;
  windowExplanation?: string;
}

const ACT = 'Offenders (Day of Release from Detention) Act 2023; CJA 1961 s.23(3B)-(3D)';

/** The release date a legal release date gives, by default (the nearest allowed day). */
export function adjustReleaseDate(input: ReleaseWindowInput, calendar: BankHolidayCalendar): ReleaseDateAdjustment {
  const window = releaseWindow(input, calendar);
  return adjustmentTo(window.allowed[0]!, window, input, calendar);
}

/** The adjustment landing on `releaseDate`, which must be one of `window.allowed`. */
export function adjustmentTo(
  releaseDate: IsoDate,
  window: ReleaseWindow,
  input: ReleaseWindowInput,
  calendar: BankHolidayCalendar,
): ReleaseDateAdjustment {
  const { legalReleaseDate, workingDayRelease: day, closedPeriodRule } = window;
  const rulesApplied: RuleApplied[] = [];
  if (day !== legalReleaseDate) {
    const explanation =
      `${longDate(legalReleaseDate)} is ${nonWorkingReason(legalReleaseDate, calendar)}, so release moves to the ` +
      `last preceding working day, ${longDate(day)} (Criminal Justice Act 1961 s.23).`;
    rulesApplied.push({ rule: 'NON_WORKING_DAY', from: legalReleaseDate, to: day, explanation });
  }
  if (!closedPeriodRule)
    return { releaseDate, rulesApplied, weekendCoverPlanRequired: false, noAllowedDayInWindow: false };

  const before = `${longDate(day)} is the last working day before ${closedPeriodAfter(day, calendar)}`;
  if (!window.eligible) {
    const reasons = describeIneligibility(dayOfReleaseMoveEligibility(input.eligibility).reasons);
    const explanation =
      `${before}, but release cannot move earlier because ${reasons}. ` +
      `She is released on ${longDate(day)} with a weekend cover plan.`;
    rulesApplied.push({ rule: 'INELIGIBLE_DAY_OF_RELEASE_MOVE', from: day, to: day, explanation });
    return { releaseDate, rulesApplied, weekendCoverPlanRequired: true, noAllowedDayInWindow: false };
  }
  if (releaseDate === day) {
    const windowExplanation = noAllowedDayExplanation(before, window, input.secondDayApproved, calendar);
    rulesApplied.push({ rule: 'NO_ALLOWED_DAY_IN_WINDOW', from: day, to: day, explanation: windowExplanation });
    return { releaseDate, rulesApplied, weekendCoverPlanRequired: true, noAllowedDayInWindow: true, windowExplanation };
  }
  const [firstDay] = window.windowDays;
  const secondDay = releaseDate !== firstDay;
  const explanation = secondDay
    ? `${before}, so release moves two working days earlier to ${longDate(releaseDate)} (${ACT}).`
    : `${before}, so release moves to the preceding eligible working day, ${longDate(releaseDate)} (${ACT}).`;
  rulesApplied.push({ rule: closedPeriodRule, from: day, to: releaseDate, explanation });
  if (secondDay) {
    const approved =
      `The second working day before ${longDate(day)} is used under an approved request` +
      (calendar.isFollowedByNonWorkingDay(firstDay!)
        ? `, as ${longDate(firstDay!)} is itself followed by a non-working day.`
        : '.');
    rulesApplied.push({ rule: 'SECOND_DAY_APPROVED', from: day, to: releaseDate, explanation: approved });
  }
  return { releaseDate, rulesApplied, weekendCoverPlanRequired: false, noAllowedDayInWindow: false };
}

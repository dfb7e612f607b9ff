import type { BankHolidayCalendar } from '@resettle/calendar';
import { type IsoDate, isFriday } from '@resettle/calendar';
import { type DayOfReleaseEligibilityFacts, dayOfReleaseMoveEligibility } from './eligibility.js';

export type ClosedPeriodRule = 'FRIDAY_RELEASE' | 'PRE_BANK_HOLIDAY';

export interface ReleaseWindowInput {
  legalReleaseDate: IsoDate;
  eligibility: DayOfReleaseEligibilityFacts;
  secondDayApproved: boolean;
}

/**
 * Which days a release may be scheduled on.
 *
 * The two-working-day window is counted from `workingDayRelease`, the day she would otherwise be released
 * once CJA 1961 s.23 has moved a weekend or bank-holiday legal date back to the last preceding working
 * day: s.23(3B) applies to the day of release as s.23 already fixes it. So a Saturday legal date gives
 * Friday, and the window is Thursday (by default) and Wednesday (second day, approved request only). The
 * window never reaches back further than two working days before `workingDayRelease`.
 */
export interface ReleaseWindow {
  legalReleaseDate: IsoDate;
  /** The legal date, or the last working day before it (CJA 1961 s.23). */
  workingDayRelease: IsoDate;
  /** Set when `workingDayRelease` is followed by a non-working day. */
  closedPeriodRule: ClosedPeriodRule | null;
  eligible: boolean;
  /** Working days before `workingDayRelease` she may move to: one, or two with approval; empty if no move. */
  windowDays: IsoDate[];
  /** Days a release may be scheduled on, latest first; `workingDayRelease` when no window day is allowed. */
  allowed: IsoDate[];
}

export function releaseWindow(input: ReleaseWindowInput, calendar: BankHolidayCalendar): ReleaseWindow {
  const { legalReleaseDate, secondDayApproved } = input;
  const workingDayRelease = calendar.isWorkingDay(legalReleaseDate)
    ? legalReleaseDate
    : calendar.previousWorkingDay(legalReleaseDate);
  const closedPeriodRule = calendar.isFollowedByNonWorkingDay(workingDayRelease)
    ? isFriday(workingDayRelease)
      ? 'FRIDAY_RELEASE'
      : 'PRE_BANK_HOLIDAY'
    : null;
  const { eligible } = dayOfReleaseMoveEligibility(input.eligibility);
  const windowDays =
    eligible && closedPeriodRule ? earlierWorkingDays(workingDayRelease, secondDayApproved, calendar) : [];
  const eligibleDays = windowDays.filter((day) => !calendar.isFollowedByNonWorkingDay(day));
  const allowed = eligibleDays.length > 0 ? eligibleDays : [workingDayRelease];
  return { legalReleaseDate, workingDayRelease, closedPeriodRule, eligible, windowDays, allowed };
}

/** The one (or, with an approved request, two) working days before `date`, nearest first. */
export function earlierWorkingDays(
  date: IsoDate,
  secondDayApproved: boolean,
  calendar: BankHolidayCalendar,
): IsoDate[] {
  const first = calendar.previousWorkingDay(date);
  return secondDayApproved ? [first, calendar.previousWorkingDay(first)] : [first];
}

import type { BankHolidayCalendar } from '@resettle/calendar';
import { addDays, type IsoDate, isWeekend, longDate } from '@resettle/calendar';
import type { ReleaseWindow } from './release-window.js';

/** Why a date is not a working day: 'a Saturday', 'a bank holiday (Good Friday)'. */
export function nonWorkingReason(date: IsoDate, calendar: BankHolidayCalendar): string {
  const holiday = calendar.holidayName(date);
  if (holiday) return `a bank holiday (${holiday})`;
  return `a ${longDate(date).split(' ')[0]}`;
}

/** The non-working days straight after `date`, e.g. 'Good Friday, the weekend and Easter Monday'. */
export function closedPeriodAfter(date: IsoDate, calendar: BankHolidayCalendar): string {
  const labels: string[] = [];
  for (let day = addDays(date, 1); !calendar.isWorkingDay(day); day = addDays(day, 1)) {
    const label = calendar.holidayName(day) ?? (isWeekend(day) ? 'the weekend' : longDate(day));
    if (labels.at(-1) !== label) labels.push(label);
  }
  return labels.length > 1 ? `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}` : (labels[0] ?? 'nothing');
}

/** Why a release stays on the day before a closed period although she is eligible to move. */
export function noAllowedDayExplanation(
  before: string,
  window: ReleaseWindow,
  secondDayApproved: boolean,
  calendar: BankHolidayCalendar,
): string {
  const blocked = window.windowDays.map((d) => `${longDate(d)} is followed by ${closedPeriodAfter(d, calendar)}`);
  let text =
    `${before}, and no earlier day in the window is allowed (${blocked.join('; ')}). ` +
    `Release stays on ${longDate(window.workingDayRelease)} with a weekend cover plan.`;
  const [firstDay] = window.windowDays;
  if (!secondDayApproved && firstDay) {
    const secondDay = calendar.previousWorkingDay(firstDay);
    if (!calendar.isFollowedByNonWorkingDay(secondDay)) {
      text += ` With an approved second-day request she could be released on ${longDate(secondDay)}.`;
    }
  }
  return text;
}

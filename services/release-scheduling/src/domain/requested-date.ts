import type { BankHolidayCalendar } from '@resettle/calendar';
import { type IsoDate, isFriday, londonToday, longDate } from '@resettle/calendar';
import { nonWorkingReason } from './closed-period.js';
import { DEFAULT_RELEASE_WINDOW } from './gate-time.js';
import { nearestSlot } from './nearest-slot.js';
import { type CheckContext, type ReleaseCheck, refuse, type SlotRequest } from './release-check.js';
import { adjustmentTo } from './release-date.js';
import { scheduleOn } from './release-slot.js';
import { type ReleaseWindow, type ReleaseWindowInput, releaseWindow } from './release-window.js';

export interface RequestedDate extends SlotRequest, ReleaseWindowInput {
  requestedDate: IsoDate;
}

/** A planner asks for a specific date (e.g. a reschedule): allowed only if the rules would allow that day. */
export function checkRequestedDate(request: RequestedDate, context: CheckContext): ReleaseCheck {
  const { calendar, now } = context;
  const window = releaseWindow(request, calendar);
  const { requestedDate: date, gateTime, prisonWindow = DEFAULT_RELEASE_WINDOW } = request;
  if (window.allowed.includes(date) && date >= londonToday(now)) {
    return scheduleOn(adjustmentTo(date, window, request, calendar), request, window.allowed, context);
  }
  const nearest = nearestSlot(window.allowed, date, gateTime, prisonWindow, now);
  const [rule, message] = refusalFor(date, window, request, context);
  return refuse(rule, message, { date, time: gateTime }, nearest);
}

type DateRefusal = [rule: Parameters<typeof refuse>[0], message: string];

function refusalFor(date: IsoDate, window: ReleaseWindow, request: RequestedDate, context: CheckContext): DateRefusal {
  const { calendar, now } = context;
  const legal = window.legalReleaseDate;
  if (date < londonToday(now)) return ['RELEASE_DATE_IN_PAST', `${longDate(date)} has already passed.`];
  if (date > legal) {
    return ['AFTER_LEGAL_RELEASE_DATE', `${longDate(date)} is after the legal release date, ${longDate(legal)}.`];
  }
  if (!calendar.isWorkingDay(date))
    return ['NON_WORKING_DAY', `${longDate(date)} is ${nonWorkingReason(date, calendar)}, not a working day.`];
  const earliest = window.windowDays.at(-1) ?? window.workingDayRelease;
  if (date < earliest || !calendar.isFollowedByNonWorkingDay(date)) {
    return ['TOO_EARLY', tooEarlyMessage(date, window, request.secondDayApproved, calendar)];
  }
  const rule = isFriday(date) ? 'FRIDAY_RELEASE' : 'PRE_BANK_HOLIDAY';
  return [rule, `${longDate(date)} is followed by a non-working day and an earlier working day is allowed.`];
}

function tooEarlyMessage(date: IsoDate, window: ReleaseWindow, approved: boolean, calendar: BankHolidayCalendar) {
  const legal = longDate(window.legalReleaseDate);
  const base = `${longDate(date)} is earlier than the rules allow for a legal release date of ${legal}`;
  const [firstDay] = window.windowDays;
  if (!approved && firstDay && date === calendar.previousWorkingDay(firstDay)) {
    return `${base}: the second working day before ${longDate(window.workingDayRelease)} needs an approved request.`;
  }
  if (!window.eligible) return `${base}: she is not eligible to have her release day moved.`;
  if (!window.closedPeriodRule)
    return `${base}: ${longDate(window.workingDayRelease)} is not followed by a non-working day.`;
  return `${base}: release may move at most ${approved ? 'two working days' : 'one working day'} earlier.`;
}

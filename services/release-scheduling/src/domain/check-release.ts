import { type IsoDate, londonToday, longDate } from '@resettle/calendar';
import { closedPeriodAfter } from './closed-period.js';
import type { DayOfReleaseEligibilityFacts } from './eligibility.js';
import { checkGateTime, DEFAULT_RELEASE_WINDOW } from './gate-time.js';
import type { CheckContext, ReleaseCheck, SlotRequest, Warning } from './release-check.js';
import { adjustmentTo, type ReleaseDateAdjustment } from './release-date.js';
import { scheduleOn } from './release-slot.js';
import { type ReleaseWindow, releaseWindow } from './release-window.js';

export type { CheckContext, Refusal, RefusalRule, ReleaseCheck, Slot, Warning } from './release-check.js';
export { checkRequestedDate, type RequestedDate } from './requested-date.js';

export interface ReleaseRequest extends SlotRequest {
  legalReleaseDate: IsoDate;
  eligibility: DayOfReleaseEligibilityFacts;
  secondDayApproved: boolean;
}

/**
 * The release a legal release date gives by default, at the asked gate time. When every day it could move to has
 * gone (she is due out today, a Friday, and Thursday has passed), she leaves on the day the law fixes: short notice,
 * with the Friday or pre-holiday rule as a warning and a weekend cover plan where closed days follow.
 */
export function checkRelease(request: ReleaseRequest, context: CheckContext): ReleaseCheck {
  const window = releaseWindow(request, context.calendar);
  // If the moved day has gone, leaving on the day s.23 fixes is still lawful.
  const candidates = [...new Set([...window.allowed, window.workingDayRelease])];
  const open = window.allowed.find((day) => stillToCome(day, request, context));
  if (!open && !window.allowed.includes(window.workingDayRelease) && window.workingDayRelease >= today(context)) {
    const forced = moveDayPassed(window, context);
    return scheduleOn(forcedAdjustment(window, request, context, forced), request, candidates, context, [forced]);
  }
  const adjustment = adjustmentTo(open ?? window.allowed[0]!, window, request, context.calendar);
  return scheduleOn(adjustment, request, candidates, context);
}

const today = (context: CheckContext) => londonToday(context.now);

/** A day she can still leave on: later than today, or today with the window (or the asked gate time) still to come. */
function stillToCome(day: IsoDate, request: ReleaseRequest, context: CheckContext): boolean {
  if (day > today(context)) return true;
  if (day < today(context)) return false;
  const window = request.prisonWindow ?? DEFAULT_RELEASE_WINDOW;
  const closes = checkGateTime({ releaseDate: day, gateTime: window.closes }, window);
  return closes.ok && Date.parse(closes.gateAt) > context.now.getTime();
}

function moveDayPassed(window: ReleaseWindow, context: CheckContext): Warning {
  const day = window.workingDayRelease;
  const rule = window.closedPeriodRule ?? 'FRIDAY_RELEASE';
  const moved = window.allowed.map(longDate).join(' or ');
  return {
    rule,
    message:
      `${longDate(day)} is followed by ${closedPeriodAfter(day, context.calendar)}; the day her release would have ` +
      `moved to (${moved}) has passed, so she leaves on ${longDate(day)}, at short notice, with a weekend cover plan.`,
  };
}

function forcedAdjustment(
  window: ReleaseWindow,
  request: ReleaseRequest,
  context: CheckContext,
  forced: Warning,
): ReleaseDateAdjustment {
  const day = window.workingDayRelease;
  const base = adjustmentTo(window.allowed[0]!, window, request, context.calendar);
  const statutory = base.rulesApplied.filter((applied) => applied.rule === 'NON_WORKING_DAY');
  return {
    releaseDate: day,
    rulesApplied: [...statutory, { rule: 'MOVE_DAY_PASSED', from: day, to: day, explanation: forced.message }],
    weekendCoverPlanRequired: context.calendar.isFollowedByNonWorkingDay(day),
    noAllowedDayInWindow: false,
  };
}

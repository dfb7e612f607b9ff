import type { IsoDate } from '@resettle/calendar';
import type { DayOfReleaseEligibilityFacts } from './eligibility.js';
import type { CheckContext, ReleaseCheck, SlotRequest } from './release-check.js';
import { adjustmentTo } from './release-date.js';
import { scheduleOn } from './release-slot.js';
import { releaseWindow } from './release-window.js';

export type { CheckContext, Refusal, RefusalRule, ReleaseCheck, Slot } from './release-check.js';
export { checkRequestedDate, type RequestedDate } from './requested-date.js';

export interface ReleaseRequest extends SlotRequest {
  legalReleaseDate: IsoDate;
  eligibility: DayOfReleaseEligibilityFacts;
  secondDayApproved: boolean;
}

/** The release a legal release date gives by default, at the asked gate time. */
export function checkRelease(request: ReleaseRequest, context: CheckContext): ReleaseCheck {
  const window = releaseWindow(request, context.calendar);
  const adjustment = adjustmentTo(window.allowed[0]!, window, request, context.calendar);
  // If the moved day has gone, leaving on the day s.23 fixes is still lawful.
  const candidates = [...new Set([...window.allowed, window.workingDayRelease])];
  return scheduleOn(adjustment, request, candidates, context);
}

import type { BankHolidayCalendar, IsoDate } from '@resettle/calendar';
import type { GateTimeRule, LocalTime, ReleaseWindowTimes } from './gate-time.js';
import type { ReleaseDateAdjustment } from './release-date.js';
import type { ReleaseFrom, ShortNoticeReason } from './short-notice.js';

export type RefusalRule =
  | GateTimeRule
  | 'NON_WORKING_DAY'
  | 'FRIDAY_RELEASE'
  | 'PRE_BANK_HOLIDAY'
  | 'AFTER_LEGAL_RELEASE_DATE'
  | 'TOO_EARLY'
  | 'RELEASE_DATE_IN_PAST'
  | 'GATE_TIME_IN_PAST';

export interface Slot {
  date: IsoDate;
  time: LocalTime;
}

export interface Refusal {
  rule: RefusalRule;
  message: string;
  asked: Slot;
  nearestAllowed: Slot | null;
}

/**
 * A rule that would refuse an ordinary booking but cannot refuse this release (a court or video-link order, or a day
 * the law fixes once the day it would have moved to has gone): the release stands and the planner is told.
 */
export interface Warning {
  rule: RefusalRule | 'MOVE_DAY_PASSED';
  message: string;
}

export type ReleaseCheck =
  | ({ allowed: true; gateTime: LocalTime; gateAt: string } & ReleaseDateAdjustment & {
        shortNotice: boolean;
        shortNoticeReason: ShortNoticeReason | null;
        warnings: Warning[];
      })
  | { allowed: false; refusal: Refusal };

export interface CheckContext {
  calendar: BankHolidayCalendar;
  now: Date;
}

export interface SlotRequest {
  gateTime: LocalTime;
  from: ReleaseFrom;
  prisonWindow?: ReleaseWindowTimes;
}

export function refuse(rule: RefusalRule, message: string, asked: Slot, nearestAllowed: Slot | null): ReleaseCheck {
  return { allowed: false, refusal: { rule, message, asked, nearestAllowed } };
}

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

export type ReleaseCheck =
  | ({ allowed: true; gateTime: LocalTime; gateAt: string } & ReleaseDateAdjustment & {
        shortNotice: boolean;
        shortNoticeReason: ShortNoticeReason | null;
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

export { checkRelease, checkRequestedDate, type ReleaseRequest, type RequestedDate } from './check-release.js';
export {
  type DayOfReleaseEligibilityFacts,
  type DayOfReleaseMoveEligibility,
  dayOfReleaseMoveEligibility,
  type IneligibilityReason,
} from './eligibility.js';
export {
  checkGateTime,
  DEFAULT_RELEASE_WINDOW,
  type GateTimeCheck,
  type GateTimeRule,
  type LocalTime,
  type ReleaseWindowTimes,
} from './gate-time.js';
export type { CheckContext, Refusal, RefusalRule, ReleaseCheck, Slot, Warning } from './release-check.js';
export { adjustReleaseDate, type ReleaseDateAdjustment, type ReleaseRule, type RuleApplied } from './release-date.js';
export { type ReleaseWindow, type ReleaseWindowInput, releaseWindow } from './release-window.js';
export { classifyNotice, type NoticeClassification, type ReleaseFrom, type ShortNoticeReason } from './short-notice.js';

import { isComplete, missingOf } from './completeness.js';
import { londonDateOf, workingDaysUntil } from './dates.js';
import type { PassportOutline, PassportSettings } from './passport.js';

export interface RiskAssessment {
  atRisk: boolean;
  /** Working days (no weekends or bank holidays) after today up to release day; null without a date. */
  workingDaysToRelease: number | null;
  /** The threshold that applied to her release. */
  thresholdWorkingDays: number;
  missing: string[];
  reason: string | null;
}

/** The threshold shrinks: short sentences get half the time to plan; short notice is at risk at once. */
export function thresholdFor(passport: PassportOutline, settings: PassportSettings): number {
  return passport.shortSentence ? Math.ceil(settings.atRiskWorkingDays / 2) : settings.atRiskWorkingDays;
}

export function assessRisk(passport: PassportOutline, now: Date, settings: PassportSettings): RiskAssessment {
  const threshold = thresholdFor(passport, settings);
  const days = passport.releaseDate ? workingDaysUntil(londonDateOf(now), passport.releaseDate) : null;
  const base = { workingDaysToRelease: days, thresholdWorkingDays: threshold, missing: missingOf(passport) };
  if (passport.releaseStatus !== 'scheduled' || days === null || isComplete(passport)) {
    return { ...base, atRisk: false, reason: null };
  }
  if (passport.shortNotice)
    return { ...base, atRisk: true, reason: 'Short-notice release with an incomplete passport' };
  if (days < threshold) {
    return {
      ...base,
      atRisk: true,
      reason: `${days} working ${days === 1 ? 'day' : 'days'} to release (threshold ${threshold}) and the passport is incomplete`,
    };
  }
  return { ...base, atRisk: false, reason: null };
}

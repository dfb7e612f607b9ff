import { type Violation, violation } from '@resettle/platform/rules';
import type { Accommodation } from './accommodation.js';
import { describeDate, londonDate } from './dates.js';

export type ReleaseAssessment =
  | { status: 'confirmed' }
  | { status: 'at-risk'; reason: string }
  | { status: 'incomplete'; reason: string };

export const NO_ACCOMMODATION_REASON = 'No release-night accommodation recorded';

/** She needs a bed from the night she is released: confirmedFrom must be on or before the release date. */
export function checkConfirmedFromRelease(
  accommodation: Pick<Accommodation, 'type' | 'confirmedFrom'>,
  releaseDate: string,
): Violation[] {
  const assessment = assessAgainstRelease(accommodation, releaseDate);
  if (assessment.status !== 'at-risk') return [];
  return [violation('NOT_CONFIRMED_FROM_RELEASE_DATE', 'confirmedFrom', assessment.reason)];
}

/** Where this accommodation stands for the current release date (re-run when the release moves). */
export function assessAgainstRelease(
  accommodation: Pick<Accommodation, 'type' | 'confirmedFrom'>,
  releaseDate: string,
): ReleaseAssessment {
  if (accommodation.type === 'none') return { status: 'incomplete', reason: NO_ACCOMMODATION_REASON };
  const from = accommodation.confirmedFrom;
  if (from === null || !londonDate(from)) return { status: 'incomplete', reason: 'Accommodation not confirmed yet' };
  if (!londonDate(releaseDate)) throw new RangeError(`Unusable release date: ${releaseDate}`);
  if (from <= releaseDate) return { status: 'confirmed' };
  return {
    status: 'at-risk',
    reason:
      `Release is on ${describeDate(releaseDate)} but the accommodation is only confirmed from ` +
      `${describeDate(from)}: she has nowhere confirmed for the first night.`,
  };
}

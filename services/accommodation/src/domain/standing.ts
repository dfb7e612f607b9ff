import type { Accommodation } from './accommodation.js';
import { assessAgainstRelease } from './release-date.js';
import { checkRestrictedAreas, type RestrictedArea } from './restricted-areas.js';

export type Standing = { status: 'confirmed'; reason: null } | { status: 'incomplete' | 'at-risk'; reason: string };

export const ACCOMMODATION_STATUSES = ['confirmed', 'incomplete', 'at-risk', 'withdrawn'] as const;
export type StoredStatus = (typeof ACCOMMODATION_STATUSES)[number];

/** Deliberately vague: whoever reads the status or the event may not be allowed to know where or why. */
export const RESTRICTED_AREA_REASON =
  'The accommodation is in an area where she must not live; her offender manager can explain more if needed.';

/** Where an accommodation stands now, given the current release date and her restricted areas. */
export function standingOf(
  accommodation: Pick<Accommodation, 'type' | 'confirmedFrom' | 'localAuthority' | 'postcodeDistrict'>,
  releaseDate: string,
  restrictedAreas: readonly RestrictedArea[],
): Standing {
  if (checkRestrictedAreas(accommodation, restrictedAreas).length > 0) {
    return { status: 'at-risk', reason: RESTRICTED_AREA_REASON };
  }
  const assessment = assessAgainstRelease(accommodation, releaseDate);
  return assessment.status === 'confirmed' ? { status: 'confirmed', reason: null } : assessment;
}

/**
 * The event a change of facts calls for, if any: 'at-risk' when it newly (or for a new reason) no longer fits,
 * 'changed' when it fits again. The same facts twice call for nothing, so a repeated event changes nothing.
 */
export function eventForChange(
  current: { status: StoredStatus; statusReason: string | null },
  next: Standing,
): 'at-risk' | 'changed' | null {
  if (current.status === 'withdrawn') return null;
  if (current.status === next.status && current.statusReason === next.reason) return null;
  return next.status === 'at-risk' ? 'at-risk' : 'changed';
}

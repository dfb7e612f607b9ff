import type { Accommodation } from './accommodation.js';
import { assessAgainstRelease } from './release-date.js';

export type Standing = { status: 'confirmed'; reason: null } | { status: 'incomplete' | 'at-risk'; reason: string };

export const ACCOMMODATION_STATUSES = ['confirmed', 'incomplete', 'at-risk', 'withdrawn'] as const;
export type StoredStatus = (typeof ACCOMMODATION_STATUSES)[number];

/**
 * Where an accommodation stands now against the current release date. Restricted areas play no part: they are for
 * probation's safeguarding review, so nothing the coordinator sees can depend on them.
 */
export function standingOf(
  accommodation: Pick<Accommodation, 'type' | 'confirmedFrom'>,
  releaseDate: string,
): Standing {
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

import type { Caller } from '../http/auth.js';

/** Where a release is from and to, as this service's copy knows it. */
export interface ReleasePlace {
  prisonCode: string | null;
  probationRegion: string | null;
}

/**
 * Whether her release is in the caller's caseload: a coordinator of her prison or of the region she is released to.
 * A copy that does not know where she goes is in nobody's.
 */
export function inCaseload(caller: Pick<Caller, 'prison' | 'region'>, release: ReleasePlace): boolean {
  const samePrison = isSet(caller.prison) && caller.prison === release.prisonCode;
  const sameRegion = isSet(caller.region) && caller.region === release.probationRegion;
  return samePrison || sameRegion;
}

const isSet = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

import { type Accommodation, normalise } from './accommodation.js';
import { sameLocalAuthority } from './local-authority.js';

export const RESTRICTED_AREA_KINDS = ['postcode-district', 'local-authority'] as const;

export interface RestrictedArea {
  kind: (typeof RESTRICTED_AREA_KINDS)[number];
  value: string;
}

/**
 * The restricted areas her accommodation falls in: shown only to probation at safeguarding review. Nothing else
 * (the coordinator's answers, events, logs) may depend on whether this is empty.
 */
export function matchingRestrictedAreas<Area extends RestrictedArea>(
  accommodation: Pick<Accommodation, 'type' | 'localAuthority' | 'postcodeDistrict'>,
  restrictedAreas: readonly Area[],
): Area[] {
  if (accommodation.type === 'none') return [];
  return restrictedAreas.filter((area) => isInside(accommodation, area));
}

/** The same area twice (any spelling of one authority, any spacing of one district). */
export function sameRestrictedArea(one: RestrictedArea, other: RestrictedArea): boolean {
  if (one.kind !== other.kind) return false;
  return one.kind === 'local-authority'
    ? sameLocalAuthority(one.value, other.value)
    : normalise(one.value) === normalise(other.value);
}

function isInside(accommodation: Pick<Accommodation, 'localAuthority' | 'postcodeDistrict'>, area: RestrictedArea) {
  if (area.kind === 'local-authority') {
    // The place, not the spelling: 'Bristol' and 'Bristol, City of' are one authority (one GSS code).
    const home = accommodation.localAuthority;
    return home !== null && home.trim() !== '' && area.value.trim() !== '' && sameLocalAuthority(home, area.value);
  }
  const district = accommodation.postcodeDistrict;
  // Whole-value equality: a 'BS1' restriction must not catch 'BS10'.
  return district !== null && normalise(area.value) !== '' && normalise(district) === normalise(area.value);
}

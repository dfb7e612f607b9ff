import { type Violation, violation } from '@resettle/platform/rules';
import { type Accommodation, normalise } from './accommodation.js';
import { sameLocalAuthority } from './local-authority.js';

export const RESTRICTED_AREA_KINDS = ['postcode-district', 'local-authority'] as const;

export interface RestrictedArea {
  kind: (typeof RESTRICTED_AREA_KINDS)[number];
  value: string;
}

/**
 * Accommodation inside any of her restricted areas is refused. The message never says which area or why:
 * the people reading it may not be allowed to know where, for example, a perpetrator lives.
 */
export function checkRestrictedAreas(
  accommodation: Pick<Accommodation, 'type' | 'localAuthority' | 'postcodeDistrict'>,
  restrictedAreas: readonly RestrictedArea[],
): Violation[] {
  if (accommodation.type === 'none' || !restrictedAreas.some((area) => isInside(accommodation, area))) return [];
  return [
    violation(
      'ACCOMMODATION_IN_RESTRICTED_AREA',
      'accommodation',
      'This accommodation is in an area where she must not live. Find accommodation elsewhere; ' +
        'her offender manager can explain more if needed.',
    ),
  ];
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

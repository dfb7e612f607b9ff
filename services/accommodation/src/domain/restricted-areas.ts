import { type Violation, violation } from '@resettle/platform/rules';
import { type Accommodation, normalise } from './accommodation.js';

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
  const actual = area.kind === 'postcode-district' ? accommodation.postcodeDistrict : accommodation.localAuthority;
  // Whole-value equality: a 'BS1' restriction must not catch 'BS10'.
  return actual !== null && normalise(area.value) !== '' && normalise(actual) === normalise(area.value);
}

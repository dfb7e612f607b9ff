import { type Violation, violation } from '@resettle/platform/rules';
import type { Accommodation } from './accommodation.js';
import { londonDate } from './dates.js';
import { localAuthorityOf } from './local-authority.js';
import { isPostcodeDistrict } from './postcode-district.js';

/** The record itself makes sense: a place has an area, a valid district and a confirmation date. */
export function checkAccommodation(accommodation: Accommodation): Violation[] {
  if (accommodation.type === 'none') return [];
  const violations: Violation[] = [];
  const district = accommodation.postcodeDistrict;
  if (district === null || !isPostcodeDistrict(district)) {
    violations.push(
      violation(
        'POSTCODE_DISTRICT_INVALID',
        'postcodeDistrict',
        'Enter the first part of the postcode only, for example BS1, M14 or SW1A.',
      ),
    );
  }
  if (!accommodation.localAuthority?.trim()) {
    violations.push(violation('LOCAL_AUTHORITY_REQUIRED', 'localAuthority', 'Enter the local authority.'));
  } else if (!localAuthorityOf(accommodation.localAuthority)) {
    // An unknown name could be a typo that slips past a restriction on the real place: refuse it.
    violations.push(
      violation(
        'LOCAL_AUTHORITY_UNKNOWN',
        'localAuthority',
        `'${accommodation.localAuthority.trim()}' is not a known local authority in England or Wales. Enter the ` +
          'council area as it is officially named, for example Bristol, Cardiff or Tower Hamlets.',
      ),
    );
  }
  if (accommodation.confirmedFrom !== null && !londonDate(accommodation.confirmedFrom)) {
    violations.push(violation('INVALID_DATE', 'confirmedFrom', 'Enter the date as YYYY-MM-DD.'));
  }
  return violations;
}

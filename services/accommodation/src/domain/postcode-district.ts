import { normalise } from './accommodation.js';

// Outward codes: A9, A99, AA9, AA99, A9A, AA9A, with the letters Royal Mail allows in each position.
const OUTWARD_CODE =
  /^(?:[A-PR-UWYZ][0-9]{1,2}|[A-PR-UWYZ][A-HK-Y][0-9]{1,2}|[A-PR-UWYZ][0-9][A-HJKPSTUW]|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY])$/;

/** A UK postcode district (outward code only, e.g. 'BS1', 'M14', 'SW1A'), ignoring case and spaces. */
export function isPostcodeDistrict(value: string): boolean {
  return OUTWARD_CODE.test(normalise(value));
}

import type { Accommodation } from './accommodation.js';

export function anAccommodation(overrides: Partial<Accommodation> = {}): Accommodation {
  return {
    type: 'supported-housing',
    localAuthority: 'Bristol',
    postcodeDistrict: 'BS1',
    confirmedFrom: '2026-04-16',
    womenOnly: true,
    confirmedBy: 'Housing coordinator',
    ...overrides,
  };
}

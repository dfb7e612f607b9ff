/** Supported housing in Bristol from her release date, as a coordinator records it. */
export function accommodationBody(personId: string, releaseId: string, overrides: Record<string, unknown> = {}) {
  return {
    personId,
    releaseId,
    type: 'supported-housing',
    localAuthority: 'Bristol',
    postcodeDistrict: 'BS2',
    confirmedFrom: '2026-11-18',
    womenOnly: true,
    confirmedBy: 'Housing officer, Bristol City Council',
    ...overrides,
  };
}

/** A travel plan that fits her release (gate 09:30Z) and the evening cut-off. */
export function planBody(personId: string, releaseId: string, overrides: Record<string, unknown> = {}) {
  return {
    personId,
    releaseId,
    mode: 'public-transport-with-warrant',
    departureAt: '2026-11-18T10:00:00Z',
    expectedArrivalAt: '2026-11-18T12:30:00Z',
    destination: 'first-appointment',
    arrangedBy: 'OMU transport desk',
    escorted: false,
    ...overrides,
  };
}

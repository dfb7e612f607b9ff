import { upstreamEvent } from './event.js';

export function accommodationConfirmed(personId: string, releaseId: string, accommodationId: string) {
  return upstreamEvent('accommodation.confirmed', personId, {
    accommodationId,
    releaseId,
    type: 'supported-housing',
    localAuthority: 'Bristol',
    postcodeDistrict: 'BS2',
    confirmedFrom: '2026-11-18',
    womenOnly: true,
    localTreatmentMismatch: false,
  });
}

export function accommodationWithdrawn(personId: string, releaseId: string, accommodationId: string) {
  return upstreamEvent('accommodation.withdrawn', personId, {
    accommodationId,
    releaseId,
    reason: 'Place withdrawn by the provider',
  });
}

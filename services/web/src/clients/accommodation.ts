import type { ApiCall } from './api.js';

export interface AccommodationDetail {
  type: string;
  localAuthority: string | null;
  postcodeDistrict: string | null;
  confirmedFrom: string | null;
  womenOnly: boolean;
  confirmedBy: string | null;
}

export interface Accommodation extends AccommodationDetail {
  id: string;
  personId: string;
  releaseId: string;
  status: 'confirmed' | 'incomplete' | 'at-risk' | 'withdrawn';
  statusReason: string | null;
  localTreatmentMismatch: boolean;
  /** Her offender manager's review of the place: only the outcome, never why. Null for type none. */
  safeguardingReview: 'awaiting-review' | 'approved' | 'not-suitable' | null;
}

/** accommodation: release-night accommodation, recorded and changed by the coordinator. */
export function accommodation(call: ApiCall, token: string) {
  const id = (value: string) => encodeURIComponent(value);
  return {
    forRelease: (releaseId: string) =>
      call<{ items: Accommodation[] }>(token, 'GET', `/api/accommodations?releaseId=${id(releaseId)}`),
    get: (accommodationId: string) => call<Accommodation>(token, 'GET', `/api/accommodations/${id(accommodationId)}`),
    record: (body: AccommodationDetail & { personId: string; releaseId: string }) =>
      call<Accommodation>(token, 'POST', '/api/accommodations', body),
    change: (accommodationId: string, body: AccommodationDetail) =>
      call<Accommodation>(token, 'PUT', `/api/accommodations/${id(accommodationId)}`, body),
  };
}

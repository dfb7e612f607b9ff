import type { ApiCall } from './api.js';

export interface Area {
  kind: 'postcode-district' | 'local-authority';
  value: string;
}

export interface RecordedArea extends Area {
  id: string;
  reason: string;
  recordedBy: string;
  recordedAt: string;
}

export interface SafeguardingReview {
  accommodationId: string;
  personId: string;
  releaseId: string;
  releaseDate: string;
  prisonCode: string | null;
  place: {
    type: string;
    localAuthority: string | null;
    postcodeDistrict: string | null;
    confirmedFrom: string | null;
    womenOnly: boolean;
    confirmedBy: string | null;
  };
  review: 'awaiting-review' | 'approved' | 'not-suitable';
  proposedAt: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
  declineReason: string | null;
  revision: number;
  matchesRestrictedArea: boolean;
  matchingAreas: Area[];
  declinedProposals: number;
}

export interface SafeguardingAlert {
  id: string;
  personId: string;
  releaseId: string;
  declinedProposals: number;
  raisedAt: string;
}

interface Paged<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

/** accommodation, as probation of her region uses it: safeguarding reviews, alerts and her restricted areas. */
export function safeguarding(call: ApiCall, token: string) {
  const id = (value: string) => encodeURIComponent(value);
  return {
    reviews: (show: string, page: number, pageSize: number) =>
      call<Paged<SafeguardingReview>>(
        token,
        'GET',
        `/api/safeguarding-reviews?${new URLSearchParams({ show, page: String(page), pageSize: String(pageSize) })}`,
      ),
    review: (accommodationId: string) =>
      call<SafeguardingReview>(token, 'GET', `/api/safeguarding-reviews/${id(accommodationId)}`),
    approve: (accommodationId: string, revision: number) =>
      call<SafeguardingReview>(token, 'POST', `/api/safeguarding-reviews/${id(accommodationId)}/approve`, {
        revision,
      }),
    decline: (accommodationId: string, revision: number, reason: string) =>
      call<SafeguardingReview>(token, 'POST', `/api/safeguarding-reviews/${id(accommodationId)}/decline`, {
        revision,
        reason,
      }),
    alerts: (page: number, pageSize: number) =>
      call<Paged<SafeguardingAlert>>(token, 'GET', `/api/safeguarding-alerts?page=${page}&pageSize=${pageSize}`),
    restrictedAreas: (personId: string) =>
      call<{ personId: string; restrictedAreas: RecordedArea[] }>(
        token,
        'GET',
        `/api/people/${id(personId)}/restricted-areas`,
      ),
    addArea: (personId: string, area: Area & { reason: string }) =>
      call<RecordedArea>(token, 'POST', `/api/people/${id(personId)}/restricted-areas`, area),
    removeArea: (personId: string, areaId: string, reason: string) =>
      call<{ personId: string; restrictedAreas: RecordedArea[] }>(
        token,
        'POST',
        `/api/people/${id(personId)}/restricted-areas/${id(areaId)}/remove`,
        { reason },
      ),
  };
}

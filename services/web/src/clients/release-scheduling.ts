import type { ApiCall } from './api.js';

export interface Eligibility {
  homeDetentionCurfew: boolean;
  indeterminateSentence: boolean;
  paroleBoardRelease: boolean;
  daysServedSinceSentence: number;
}

export interface ReleaseRequest {
  legalReleaseDate: string;
  gateTime: string;
  releaseFrom: 'PRISON' | 'COURT' | 'VIDEO_LINK';
  eligibility: Eligibility;
  sentenceLengthDays: number;
}

export interface RuleApplied {
  rule: string;
  from: string;
  to: string;
  explanation: string;
}

export interface Release {
  id: string;
  personId: string;
  prisonCode: string;
  probationRegion: string;
  status: string;
  legalReleaseDate: string;
  releaseDate: string;
  gateTime: string;
  gateAt: string;
  releaseFrom: string;
  rulesApplied: RuleApplied[];
  weekendCoverPlanRequired: boolean;
  shortNotice: boolean;
  shortNoticeReason: string | null;
  shortSentence: boolean;
}

export interface Check {
  allowed: true;
  releaseDate: string;
  gateTime: string;
  rulesApplied: RuleApplied[];
  weekendCoverPlanRequired: boolean;
  shortNotice: boolean;
  shortNoticeReason: string | null;
}

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

/** release-scheduling: the planner's checks, bookings and changes. */
export function releaseScheduling(call: ApiCall, token: string) {
  return {
    list: (query: { from?: string; page?: number }) =>
      call<Page<Release>>(token, 'GET', `/api/releases?${new URLSearchParams(stringValues(query))}`),
    get: (id: string) => call<Release>(token, 'GET', `/api/releases/${encodeURIComponent(id)}`),
    check: (body: ReleaseRequest & { prisonCode: string }) => call<Check>(token, 'POST', '/api/release-checks', body),
    schedule: (body: ReleaseRequest & { personId: string; prisonCode: string; probationRegion: string }) =>
      call<Release>(token, 'POST', '/api/releases', body),
    reschedule: (id: string, body: { legalReleaseDate?: string; gateTime?: string; reason: string }) =>
      call<Release>(token, 'POST', `/api/releases/${encodeURIComponent(id)}/reschedule`, body),
    cancel: (id: string, reason: string) =>
      call<Release>(token, 'POST', `/api/releases/${encodeURIComponent(id)}/cancel`, { reason }),
  };
}

export function stringValues(query: Record<string, string | number | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(query).flatMap(([name, value]) =>
      value === undefined || value === '' ? [] : [[name, String(value)]],
    ),
  );
}

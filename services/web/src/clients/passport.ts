import type { ApiCall } from './api.js';
import { type Page, stringValues } from './release-scheduling.js';

export interface PathwayView {
  pathway: string;
  label: string;
  required: boolean;
  status: 'complete' | 'in-progress' | 'at-risk' | 'not-started' | 'not-required' | string;
  reason: string | null;
}

export interface UpcomingRelease {
  releaseId: string;
  personId: string;
  prisonCode: string | null;
  releaseDate: string | null;
  daysToRelease: number | null;
  releaseStatus: string;
  shortNotice: boolean;
  complete: boolean;
  gaps: number;
  riskScore: number;
  atRisk: boolean;
  pathways: PathwayView[];
}

export interface PassportView extends Omit<UpcomingRelease, 'riskScore' | 'atRisk'> {
  probationRegion: string | null;
  gateTime: string | null;
  gateAt: string | null;
  shortSentence: boolean;
  weekendCoverPlanRequired: boolean;
  risk: { atRisk: boolean; missing: string[]; reason: string | null; workingDaysToRelease: number | null };
  shortNoticeChecklist: { item: string; label: string; status: 'done' | 'missing' | 'not-needed' }[] | null;
  timeline: { at: string; eventType: string; source: string; summary: string }[];
  /** treatment-continuity's alarm after her release, as the passport holds it. */
  alarm?: 'missed-first-appointment' | null;
}

/** passport: probation's view of upcoming releases and each passport. */
export function passports(call: ApiCall, token: string) {
  return {
    upcoming: (query: { prison?: string; from?: string; to?: string; page?: number; pageSize?: number }) =>
      call<Page<UpcomingRelease>>(token, 'GET', `/api/upcoming-releases?${new URLSearchParams(stringValues(query))}`),
    get: (releaseId: string) => call<PassportView>(token, 'GET', `/api/passports/${encodeURIComponent(releaseId)}`),
  };
}

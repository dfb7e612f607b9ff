import type { ApiCall } from './api.js';

/** How far a subject access request has got, as the passport tells it. */
export interface SubjectAccessRequest {
  id: string;
  personId: string;
  requestedBy: string;
  requestedAt: string;
  completedAt: string | null;
  answered: string[];
  waitingFor: string[];
  complete: boolean;
  /** e.g. "3 of 5 services answered" */
  progress: string;
}

/** The export: her records from every service, per service and table. */
export interface SubjectAccessExport {
  personId: string;
  requestId: string;
  requestedAt: string;
  completedAt: string;
  services: Record<string, { answeredAt: string; records: Record<string, Record<string, unknown>[]> }>;
}

/** passport: the data protection officer's subject access requests and their exports (each download is audited). */
export function subjectAccess(call: ApiCall, token: string) {
  const path = (requestId: string) => `/api/subject-access-requests/${encodeURIComponent(requestId)}`;
  return {
    ask: (personId: string) => call<SubjectAccessRequest>(token, 'POST', '/api/subject-access-requests', { personId }),
    get: (requestId: string) => call<SubjectAccessRequest>(token, 'GET', path(requestId)),
    export: (requestId: string) => call<SubjectAccessExport>(token, 'GET', `${path(requestId)}/export`),
  };
}

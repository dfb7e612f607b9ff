import type { EventSource } from '@resettle/contracts';
import type { SignedInUser } from '../auth/session.js';
import type { SubjectAccessExport, SubjectAccessRequest } from '../clients/subject-access.js';

/** Seconds between updates of a request's page while services are still answering. */
export const REFRESH_SECONDS = 5;

/** Each service that answers a subject access request, as staff know it. */
const SERVICE_NAMES = {
  'release-scheduling': 'Release scheduling',
  'treatment-continuity': 'Treatment continuity',
  accommodation: 'Accommodation',
  transport: 'Transport',
  passport: 'Resettlement passport',
} as const satisfies Record<EventSource, string>;

function isNamedService(service: string): service is keyof typeof SERVICE_NAMES {
  return Object.hasOwn(SERVICE_NAMES, service);
}

/** A service's name in words; one added later and not yet named here shows as the passport calls it. */
export function serviceName(service: string): string {
  return isNamedService(service) ? SERVICE_NAMES[service] : service;
}

/** A request as its page shows it: who asked, and the services answered and awaited, in words. */
export function requestInWords(request: SubjectAccessRequest, user: SignedInUser) {
  return {
    ...request,
    askedBy: request.requestedBy === user.sub ? `You (${user.name})` : request.requestedBy,
    answeredNames: request.answered.map(serviceName),
    waitingForNames: request.waitingFor.map(serviceName),
  };
}

/** The download's file name: whose records, from which request. */
export function exportFileName(document: Pick<SubjectAccessExport, 'personId' | 'requestId'>): string {
  return `subject-access-${document.personId}-${document.requestId}.json`;
}

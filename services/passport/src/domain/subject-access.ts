/** One service's part of an export as the passport received it. */
export interface SubjectAccessPart {
  service: string;
  answeredAt: Date;
  records: Record<string, Record<string, unknown>[]>;
}

export interface SubjectAccessProgress {
  answered: string[];
  waitingFor: string[];
  complete: boolean;
  /** "3 of 5 services answered" */
  summary: string;
}

/** Which services have answered, which are awaited, and whether the export can be downloaded. */
export function subjectAccessProgress(
  expected: readonly string[],
  parts: readonly { service: string }[],
): SubjectAccessProgress {
  const answered = expected.filter((service) => parts.some((part) => part.service === service));
  const waitingFor = expected.filter((service) => !answered.includes(service));
  return {
    answered,
    waitingFor,
    complete: waitingFor.length === 0,
    summary: `${answered.length} of ${expected.length} services answered`,
  };
}

export interface SubjectAccessDocument {
  personId: string;
  requestId: string;
  requestedAt: string;
  completedAt: string;
  /** Per service, per table, her rows as the service holds them. */
  services: Record<string, { answeredAt: string; records: Record<string, Record<string, unknown>[]> }>;
}

/** The one document she is sent: every service's part, in the order the services are listed. */
export function subjectAccessDocument(
  request: { id: string; personId: string; requestedAt: Date; completedAt: Date },
  expected: readonly string[],
  parts: readonly SubjectAccessPart[],
): SubjectAccessDocument {
  const services: SubjectAccessDocument['services'] = {};
  for (const service of expected) {
    const part = parts.find((candidate) => candidate.service === service);
    if (part) services[service] = { answeredAt: part.answeredAt.toISOString(), records: part.records };
  }
  return {
    personId: request.personId,
    requestId: request.id,
    requestedAt: request.requestedAt.toISOString(),
    completedAt: request.completedAt.toISOString(),
    services,
  };
}

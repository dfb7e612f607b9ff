import type { FastifyReply } from 'fastify';
import { formErrors } from '../forms/errors.js';
import { ENTER_PRISON_NUMBER, isPrisonNumber, isReference, typedPrisonNumber } from '../forms/identifiers.js';

/** The release a coordinator's page is about. */
export interface Where {
  personId: string;
  releaseId: string;
}

/**
 * Coordinators find a release by her prison number and the release reference the planner gives them: the APIs keep
 * each coordinator to her prison's or region's releases, but have no list of them to choose from yet.
 */
export function readFind(query: { personId?: string; releaseId?: string }) {
  const personId = typedPrisonNumber(query.personId);
  const releaseId = (query.releaseId ?? '').trim().toLowerCase();
  const problems: { field: string; text: string }[] = [];
  if (!isPrisonNumber(personId)) problems.push({ field: 'personId', text: ENTER_PRISON_NUMBER });
  if (!isReference(releaseId))
    problems.push({ field: 'releaseId', text: 'Enter the release reference from the release planner' });
  return problems.length ? { errors: formErrors(problems) } : ({ personId, releaseId } satisfies Where);
}

export function findPage(
  reply: FastifyReply,
  journey: { title: string; action: string; intro: string },
  values = {},
  extra = {},
  status = 200,
) {
  return reply.page(
    'coordinators/find.njk',
    { ...journey, values, breadcrumbs: [{ text: 'Resettle', href: '/' }], ...extra },
    status,
  );
}

import { httpError } from '@resettle/platform';
import type { FastifyRequest } from 'fastify';

/** Moving a release a second working day earlier needs an approved request: a supervisor, and a recorded reason. */
export function requireApprovalRole(request: FastifyRequest, approval: { reason: string } | undefined): void {
  if (approval && !request.user.roles.includes('release-supervisor')) {
    throw httpError(403, 'secondDayApproval needs the release-supervisor role');
  }
}

import { audit, NotFound, type ServiceContext } from '@resettle/platform';
import type { FastifyRequest } from 'fastify';
import { findHandoff, type HandoffRow } from '../db/handoffs.js';

/** Prison healthcare sees its own prison's women only; anything else is a 404, and the denial is audited. */
export async function ownPrisonHandoff(
  context: ServiceContext,
  request: FastifyRequest,
  id: string,
  action: string,
): Promise<HandoffRow> {
  const handoff = await findHandoff(context.db, id);
  const allowed = handoff !== undefined && handoff.prisonCode === request.user.prison;
  await audit(context.db, request, {
    action,
    personId: handoff?.personId ?? null,
    resourceId: id,
    categories: ['treatment-status'],
    outcome: allowed ? 'allowed' : 'denied',
  });
  if (!allowed) throw new NotFound('no such handoff');
  return handoff;
}

/** A provider sees only handoffs addressed to its organisation; another's is a 404 (existence not revealed), audited. */
export async function addressedTo(
  context: ServiceContext,
  request: FastifyRequest,
  id: string,
  action: string,
): Promise<HandoffRow> {
  const handoff = await findHandoff(context.db, id);
  const allowed =
    handoff !== undefined &&
    handoff.providerId === request.user.organisation &&
    handoff.status !== 'blocked-no-consent';
  await audit(context.db, request, {
    action,
    personId: handoff?.personId ?? null,
    resourceId: id,
    categories: ['clinical'],
    outcome: allowed ? 'allowed' : 'denied',
    recipient: request.user.organisation ?? null,
  });
  if (!allowed) throw new NotFound('no such handoff');
  return handoff;
}

import { audit, type DataCategory, NotFound, type ServiceContext } from '@resettle/platform';
import type { FastifyRequest } from 'fastify';
import { findHandoff, type HandoffRow } from '../db/handoffs.js';

/** Prison healthcare sees its own prison's women only; anything else is a 404, and the denial is audited. */
export function ownPrisonHandoff(
  context: ServiceContext,
  request: FastifyRequest,
  id: string,
  action: string,
): Promise<HandoffRow> {
  return visibleHandoff(context, request, id, action, {
    visible: (handoff) => handoff.prisonCode === request.user.prison,
    categories: ['treatment-status'],
  });
}

/** A provider sees only handoffs addressed to its organisation; another's is a 404 (existence not revealed), audited. */
export function addressedTo(
  context: ServiceContext,
  request: FastifyRequest,
  id: string,
  action: string,
): Promise<HandoffRow> {
  return visibleHandoff(context, request, id, action, {
    visible: (handoff) => handoff.providerId === request.user.organisation && handoff.status !== 'blocked-no-consent',
    categories: ['clinical'],
    recipient: request.user.organisation ?? null,
  });
}

interface Visibility {
  visible(handoff: HandoffRow): boolean;
  categories: DataCategory[];
  recipient?: string | null;
}

async function visibleHandoff(
  context: ServiceContext,
  request: FastifyRequest,
  id: string,
  action: string,
  { visible, categories, recipient }: Visibility,
): Promise<HandoffRow> {
  const handoff = await findHandoff(context.db, id);
  const allowed = handoff !== undefined && visible(handoff);
  await audit(context.db, request, {
    action,
    personId: handoff?.personId ?? null,
    resourceId: id,
    categories,
    outcome: allowed ? 'allowed' : 'denied',
    ...(recipient === undefined ? {} : { recipient }),
  });
  if (!allowed) throw new NotFound('no such handoff');
  return handoff;
}

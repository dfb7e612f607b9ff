import { type DataCategory, NotFound, readLocked, type ServiceContext, type UnitOfWork } from '@resettle/platform';
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

/** The handoff as it is now, under her lock: what a change decides on cannot move until the unit commits. */
export async function lockedHandoff(work: UnitOfWork, id: string): Promise<HandoffRow> {
  const handoff = await readLocked(work, (tx) => findHandoff(tx, id));
  if (!handoff) throw new NotFound('no such handoff');
  return handoff;
}

interface Visibility {
  visible(handoff: HandoffRow): boolean;
  categories: DataCategory[];
  recipient?: string | null;
}

/** The access is audited in its own unit of work, so a denial (or a later refusal of the request) is still on record. */
async function visibleHandoff(
  context: ServiceContext,
  request: FastifyRequest,
  id: string,
  action: string,
  { visible, categories, recipient }: Visibility,
): Promise<HandoffRow> {
  const handoff = await context.transact(request, async (work) => {
    const found = await findHandoff(work.tx, id);
    const allowed = found !== undefined && visible(found);
    await work.audit({
      action,
      personId: found?.personId ?? null,
      resourceId: id,
      categories,
      outcome: allowed ? 'allowed' : 'denied',
      ...(recipient === undefined ? {} : { recipient }),
    });
    return allowed ? found : undefined;
  });
  if (!handoff) throw new NotFound('no such handoff');
  return handoff;
}

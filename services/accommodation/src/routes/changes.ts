import { appendToOutbox, type Transaction } from '@resettle/messaging';
import { Conflict, NotFound, type Server, type ServiceContext } from '@resettle/platform';
import { type AccommodationRow, findAccommodation, lockPerson, updateAccommodation } from '../db/accommodations.js';
import { findProviderArea } from '../db/facts.js';
import { restrictedAreasOf } from '../db/restricted-areas.js';
import { accommodationChanged, accommodationWithdrawn } from '../events/accommodation-events.js';
import { audited } from './audit.js';
import { decideAccommodation, releaseFor } from './decide.js';
import { Accommodation, AccommodationChange, IdParams, Refusal, WithdrawRequest } from './schemas.js';
import { asAccommodationView } from './view.js';

export async function changeRoutes(app: Server, context: ServiceContext): Promise<void> {
  const outbox = { topicPrefix: context.topicPrefix };

  app.put(
    '/api/accommodations/:id',
    {
      onRequest: app.requireRole('accommodation-coordinator'),
      schema: {
        summary: 'Change (or re-confirm) release-night accommodation',
        tags: ['accommodations'],
        params: IdParams,
        body: AccommodationChange,
        response: { 200: Accommodation, 422: Refusal },
      },
    },
    async (request) => {
      const row = await context.db.transaction(async (tx) => {
        const current = await currentAccommodation(tx, request.params.id);
        const release = await releaseFor(tx, current.releaseId, current.personId);
        const areas = await restrictedAreasOf(tx, current.personId);
        const provider = await findProviderArea(tx, current.releaseId);
        const decision = decideAccommodation(request.body, release, areas, provider);
        const updated = await updateAccommodation(tx, current, { ...request.body, ...decision });
        await appendToOutbox(tx, [accommodationChanged(updated, { correlationId: request.id })], outbox);
        await audited(tx, request, 'change-accommodation', { personId: updated.personId, resourceId: updated.id });
        return updated;
      });
      return asAccommodationView(row);
    },
  );

  app.post(
    '/api/accommodations/:id/withdraw',
    {
      onRequest: app.requireRole('accommodation-coordinator'),
      schema: {
        summary: 'Withdraw accommodation that is no longer available',
        tags: ['accommodations'],
        params: IdParams,
        body: WithdrawRequest,
        response: { 200: Accommodation },
      },
    },
    async (request) => {
      const { reason } = request.body;
      const row = await context.db.transaction(async (tx) => {
        const current = await currentAccommodation(tx, request.params.id);
        const updated = await updateAccommodation(tx, current, { status: 'withdrawn', withdrawnReason: reason });
        await appendToOutbox(tx, [accommodationWithdrawn(updated, reason, { correlationId: request.id })], outbox);
        await audited(tx, request, 'withdraw-accommodation', { personId: updated.personId, resourceId: updated.id });
        return updated;
      });
      return asAccommodationView(row);
    },
  );
}

/** Locks her records, then reads the accommodation as it is now; a withdrawn one cannot change. */
async function currentAccommodation(tx: Transaction, id: string): Promise<AccommodationRow> {
  const found = await findAccommodation(tx, id);
  if (!found) throw new NotFound('no such accommodation');
  await lockPerson(tx, found.personId);
  const current = (await findAccommodation(tx, id))!;
  if (current.status === 'withdrawn') throw new Conflict('ACCOMMODATION_WITHDRAWN', 'the accommodation was withdrawn');
  return current;
}

import { appendToOutbox, type Transaction } from '@resettle/messaging';
import { Conflict, NotFound, type Server } from '@resettle/platform';
import { findTravelPlan, lockPerson, type TravelPlanRow, updateTravelPlan } from '../db/travel-plans.js';
import { transportCancelled, transportChanged } from '../events/transport-events.js';
import { type TransportContext, travelSettingsOf } from '../settings.js';
import { audited } from './audit.js';
import { asPlan, decidePlan, releaseFor } from './decide.js';
import { CancelRequest, IdParams, Refusal, TravelPlan, TravelPlanChange } from './schemas.js';
import { asTravelPlanView } from './view.js';

export async function changeRoutes(app: Server, context: TransportContext): Promise<void> {
  const settings = travelSettingsOf(context);
  const outbox = { topicPrefix: context.topicPrefix };

  app.put(
    '/api/travel-plans/:id',
    {
      onRequest: app.requireRole('transport-coordinator'),
      schema: {
        summary: 'Change the journey (an at-risk plan that fits again goes back to arranged)',
        tags: ['travel plans'],
        params: IdParams,
        body: TravelPlanChange,
        response: { 200: TravelPlan, 422: Refusal },
      },
    },
    async (request) => {
      const row = await context.db.transaction(async (tx) => {
        const current = await currentPlan(tx, request.params.id);
        const release = await releaseFor(tx, current.releaseId, current.personId);
        const plan = asPlan(request.body);
        const flags = await decidePlan(tx, plan, release, settings);
        const updated = await updateTravelPlan(tx, current, {
          ...plan,
          departureAt: new Date(plan.departureAt),
          expectedArrivalAt: new Date(plan.expectedArrivalAt),
          status: 'arranged',
          reasons: [],
          flags,
        });
        await appendToOutbox(tx, [transportChanged(updated, { correlationId: request.id })], outbox);
        await audited(tx, request, 'change-travel', { personId: updated.personId, resourceId: updated.id });
        return updated;
      });
      return asTravelPlanView(row);
    },
  );

  app.post(
    '/api/travel-plans/:id/cancel',
    {
      onRequest: app.requireRole('transport-coordinator'),
      schema: {
        summary: 'Cancel the journey',
        tags: ['travel plans'],
        params: IdParams,
        body: CancelRequest,
        response: { 200: TravelPlan },
      },
    },
    async (request) => {
      const { reason } = request.body;
      const row = await context.db.transaction(async (tx) => {
        const current = await currentPlan(tx, request.params.id);
        const updated = await updateTravelPlan(tx, current, { status: 'cancelled', cancelledReason: reason });
        await appendToOutbox(tx, [transportCancelled(updated, reason, { correlationId: request.id })], outbox);
        await audited(tx, request, 'cancel-travel', { personId: updated.personId, resourceId: updated.id });
        return updated;
      });
      return asTravelPlanView(row);
    },
  );
}

/** Locks her plans, then reads this one as it is now; a cancelled plan cannot change. */
async function currentPlan(tx: Transaction, id: string): Promise<TravelPlanRow> {
  const found = await findTravelPlan(tx, id);
  if (!found) throw new NotFound('no such travel plan');
  await lockPerson(tx, found.personId);
  const current = (await findTravelPlan(tx, id))!;
  if (current.status === 'cancelled') throw new Conflict('TRAVEL_PLAN_CANCELLED', 'the travel plan was cancelled');
  return current;
}

import { randomUUID } from 'node:crypto';
import { appendToOutbox } from '@resettle/messaging';
import { Conflict, type Server } from '@resettle/platform';
import { activeTravelPlansForRelease, insertTravelPlan, lockPerson } from '../db/travel-plans.js';
import { transportArranged } from '../events/transport-events.js';
import { type TransportContext, travelSettingsOf } from '../settings.js';
import { audited } from './audit.js';
import { asPlan, decidePlan, releaseFor } from './decide.js';
import { Refusal, TravelPlan, TravelPlanRequest } from './schemas.js';
import { asTravelPlanView } from './view.js';

export async function arrangeRoutes(app: Server, context: TransportContext): Promise<void> {
  const settings = travelSettingsOf(context);

  app.post(
    '/api/travel-plans',
    {
      onRequest: app.requireRole('transport-coordinator'),
      schema: {
        summary: 'Arrange the journey from the gate',
        tags: ['travel plans'],
        body: TravelPlanRequest,
        response: { 201: TravelPlan, 422: Refusal },
      },
    },
    async (request, reply) => {
      const { personId, releaseId, ...fields } = request.body;
      const row = await context.db.transaction(async (tx) => {
        await lockPerson(tx, personId);
        const release = await releaseFor(tx, releaseId, personId);
        if ((await activeTravelPlansForRelease(tx, releaseId)).length > 0) {
          throw new Conflict('TRAVEL_PLAN_ALREADY_ARRANGED', 'this release has a travel plan; change or cancel it');
        }
        const plan = asPlan(fields);
        const flags = await decidePlan(tx, plan, release, settings);
        const inserted = await insertTravelPlan(tx, {
          id: randomUUID(),
          personId,
          releaseId,
          ...plan,
          departureAt: new Date(plan.departureAt),
          expectedArrivalAt: new Date(plan.expectedArrivalAt),
          status: 'arranged',
          reasons: [],
          flags,
        });
        await appendToOutbox(tx, [transportArranged(inserted, { correlationId: request.id })], {
          topicPrefix: context.topicPrefix,
        });
        await audited(tx, request, 'arrange-travel', { personId, resourceId: inserted.id });
        return inserted;
      });
      return reply.code(201).send(asTravelPlanView(row));
    },
  );
}

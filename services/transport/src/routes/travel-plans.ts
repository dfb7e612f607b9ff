import { randomUUID } from 'node:crypto';
import {
  Conflict,
  problemsFor,
  type ReleaseRecords,
  recordAudit,
  recordChangeRoute,
  refuseOutsideCaseload,
  releaseRecordReads,
  type Server,
} from '@resettle/platform';
import {
  activeTravelPlansForRelease,
  findTravelPlan,
  insertTravelPlan,
  journeyOf,
  type TravelPlanRow,
  travelPlansForRelease,
  updateTravelPlan,
} from '../db/travel-plans.js';
import { judgeReleaseById } from '../events/judge.js';
import { transportArranged, transportCancelled, transportChanged } from '../events/transport-events.js';
import { type TransportContext, travelSettingsOf } from '../settings.js';
import { asPlan, decidePlan, knownFacts } from './decide.js';
import { CancelRequest, TravelPlan, TravelPlanChange, TravelPlanRequest } from './schemas.js';
import { asTravelPlanView } from './view.js';

/** The journey from the gate, one for each of her releases, kept by the transport coordinator. */
export const travelPlans: ReleaseRecords<TravelPlanRow, typeof TravelPlan> = {
  path: '/api/travel-plans',
  noun: 'travel plan',
  role: 'transport-coordinator',
  tags: ['travel plans'],
  category: 'transport',
  view: { schema: TravelPlan, of: asTravelPlanView },
  read: { summary: 'One travel plan', action: 'read-travel-plan' },
  list: {
    summary: 'Travel plans for one release, oldest first (cancelled ones included)',
    action: 'list-travel-plans',
  },
  find: findTravelPlan,
  ofRelease: travelPlansForRelease,
  closed: (row) =>
    row.status === 'cancelled' ? new Conflict('TRAVEL_PLAN_CANCELLED', 'the travel plan was cancelled') : undefined,
};

/** The transport coordinator arranges, changes, cancels and reads her journey. */
export async function travelPlanRoutes(app: Server, context: TransportContext): Promise<void> {
  const settings = travelSettingsOf(context);
  const coordinator = app.requireRole(travelPlans.role);
  const { tags } = travelPlans;

  app.post(
    '/api/travel-plans',
    {
      onRequest: coordinator,
      schema: {
        summary: 'Arrange the journey from the gate',
        tags,
        body: TravelPlanRequest,
        response: { 201: TravelPlan, ...problemsFor(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const { personId, releaseId, ...fields } = request.body;
      await refuseOutsideCaseload(context.db, request, travelPlans, 'arrange-travel', releaseId);
      const row = await context.transact(
        request,
        async (work) => {
          const known = await knownFacts(work.tx, releaseId, personId);
          if ((await activeTravelPlansForRelease(work.tx, releaseId)).length > 0) {
            throw new Conflict('TRAVEL_PLAN_ALREADY_ARRANGED', 'this release has a travel plan; change or cancel it');
          }
          const plan = asPlan(fields);
          const verdict = decidePlan(plan, known, settings);
          const inserted = await insertTravelPlan(work.tx, {
            id: randomUUID(),
            personId,
            releaseId,
            ...journeyOf(plan),
            ...verdict,
          });
          work.publish(transportArranged(inserted));
          await judgeReleaseById(work, releaseId, settings);
          await work.audit(recordAudit(travelPlans, 'arrange-travel', inserted));
          return inserted;
        },
        { personId },
      );
      return reply.code(201).send(asTravelPlanView(row));
    },
  );

  recordChangeRoute(app, context, travelPlans, {
    method: 'PUT',
    suffix: '',
    summary: 'Change the journey (an at-risk plan that fits again goes back to arranged)',
    body: TravelPlanChange,
    action: 'change-travel',
    refusable: true,
    apply: async (work, current, asked) => {
      const plan = asPlan(asked);
      const verdict = decidePlan(plan, await knownFacts(work.tx, current.releaseId, current.personId), settings);
      const updated = await updateTravelPlan(work.tx, current, { ...journeyOf(plan), ...verdict }, work.now());
      work.publish(transportChanged(updated));
      await judgeReleaseById(work, updated.releaseId, settings);
      return updated;
    },
  });

  recordChangeRoute(app, context, travelPlans, {
    method: 'POST',
    suffix: '/cancel',
    summary: 'Cancel the journey',
    body: CancelRequest,
    action: 'cancel-travel',
    refusable: false,
    apply: async (work, current, { reason }) => {
      const cancelled = { status: 'cancelled' as const, cancelledReason: reason };
      const updated = await updateTravelPlan(work.tx, current, cancelled, work.now());
      work.publish(transportCancelled(updated, reason));
      await judgeReleaseById(work, updated.releaseId, settings);
      return updated;
    },
  });

  await releaseRecordReads(app, context.db, travelPlans);
}

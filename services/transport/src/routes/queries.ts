import { NotFound, type Server } from '@resettle/platform';
import { Type } from '@sinclair/typebox';
import { findTravelPlan, travelPlansForRelease } from '../db/travel-plans.js';
import type { TransportContext } from '../settings.js';
import { audited } from './audit.js';
import { IdParams, ReleaseQuery, TravelPlan } from './schemas.js';
import { asTravelPlanView } from './view.js';

export async function queryRoutes(app: Server, context: TransportContext): Promise<void> {
  app.get(
    '/api/travel-plans/:id',
    {
      onRequest: app.requireRole('transport-coordinator'),
      schema: { summary: 'One travel plan', tags: ['travel plans'], params: IdParams, response: { 200: TravelPlan } },
    },
    async (request) => {
      const row = await findTravelPlan(context.db, request.params.id);
      if (!row) throw new NotFound('no such travel plan');
      await audited(context.db, request, 'read-travel-plan', { personId: row.personId, resourceId: row.id });
      return asTravelPlanView(row);
    },
  );

  app.get(
    '/api/travel-plans',
    {
      onRequest: app.requireRole('transport-coordinator'),
      schema: {
        summary: 'Travel plans for one release, oldest first (cancelled ones included)',
        tags: ['travel plans'],
        querystring: ReleaseQuery,
        response: { 200: Type.Object({ items: Type.Array(TravelPlan) }) },
      },
    },
    async (request) => {
      const { releaseId } = request.query;
      const rows = await travelPlansForRelease(context.db, releaseId);
      await audited(context.db, request, 'list-travel-plans', { personId: rows[0]?.personId, resourceId: releaseId });
      return { items: rows.map(asTravelPlanView) };
    },
  );
}

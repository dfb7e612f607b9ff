import { NotFound, type Server, type ServiceContext } from '@resettle/platform';
import { Type } from '@sinclair/typebox';
import { accommodationsForRelease, findAccommodation } from '../db/accommodations.js';
import { audited } from './audit.js';
import { Accommodation, IdParams, ReleaseQuery } from './schemas.js';
import { asAccommodationView } from './view.js';

export async function queryRoutes(app: Server, context: ServiceContext): Promise<void> {
  app.get(
    '/api/accommodations/:id',
    {
      onRequest: app.requireRole('accommodation-coordinator'),
      schema: {
        summary: 'One accommodation record',
        tags: ['accommodations'],
        params: IdParams,
        response: { 200: Accommodation },
      },
    },
    async (request) => {
      const row = await findAccommodation(context.db, request.params.id);
      if (!row) throw new NotFound('no such accommodation');
      await audited(context.db, request, 'read-accommodation', { personId: row.personId, resourceId: row.id });
      return asAccommodationView(row);
    },
  );

  app.get(
    '/api/accommodations',
    {
      onRequest: app.requireRole('accommodation-coordinator'),
      schema: {
        summary: 'Accommodation records for one release, oldest first (withdrawn ones included)',
        tags: ['accommodations'],
        querystring: ReleaseQuery,
        response: { 200: Type.Object({ items: Type.Array(Accommodation) }) },
      },
    },
    async (request) => {
      const { releaseId } = request.query;
      const rows = await accommodationsForRelease(context.db, releaseId);
      await audited(context.db, request, 'list-accommodations', { personId: rows[0]?.personId, resourceId: releaseId });
      return { items: rows.map(asAccommodationView) };
    },
  );
}

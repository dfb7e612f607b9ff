import { problemsFor, type Server, type ServiceContext } from '@resettle/platform';
import { Type } from '@sinclair/typebox';
import { outcomeShares } from '../db/queries.js';
import { outcomeFigure } from '../domain/outcome-figure.js';
import { Outcome, OutcomesQuery } from './schemas.js';

/** Aggregates only (no person), so not scoped by region; counts that could single a woman out are not published. */
export async function outcomeRoutes(app: Server, context: ServiceContext) {
  app.get(
    '/api/outcomes',
    {
      onRequest: app.requireRole('probation', 'auditor', 'admin'),
      schema: {
        summary: 'Share of releases that happened with a complete passport, per prison and month',
        tags: ['outcomes'],
        querystring: OutcomesQuery,
        response: { 200: Type.Object({ items: Type.Array(Outcome) }), ...problemsFor(400, 401, 403) },
      },
    },
    async (request) => {
      const rows = await outcomeShares(context.db, request.query);
      return { items: rows.map((row) => outcomeFigure({ ...row, releases: Number(row.releases) })) };
    },
  );
}

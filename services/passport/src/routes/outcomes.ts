import { problemsFor, type Server, type ServiceContext } from '@resettle/platform';
import { Type } from '@sinclair/typebox';
import { outcomeShares } from '../db/queries.js';
import { Outcome, OutcomesQuery } from './schemas.js';

/** Aggregates only (no person), so not scoped by region. */
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
      return {
        items: rows.map((row) => {
          const decided = Number(row.releases) - Number(row.awaitingReCheck);
          return {
            ...row,
            releases: Number(row.releases),
            releasedComplete: Number(row.releasedComplete),
            awaitingReCheck: Number(row.awaitingReCheck),
            share: decided === 0 ? 0 : Number(row.releasedComplete) / decided,
          };
        }),
      };
    },
  );
}

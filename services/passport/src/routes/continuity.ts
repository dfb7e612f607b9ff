import { ContinuityAnswerV1 } from '@resettle/contracts';
import { problemsFor, type Server, type ServiceContext } from '@resettle/platform';
import { Type } from '@sinclair/typebox';
import { releasesForContinuity } from '../db/continuity.js';
import {
  continuityCounts,
  continuityCsv,
  continuityFigure,
  NATIONAL_CONTINUITY,
  SUPPRESS_UNDER,
  WITHIN_DAYS,
} from '../domain/index.js';
import { PrisonCode } from './schemas.js';

const Month = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'YYYY-MM of the release date' });
const ContinuityQuery = Type.Object(
  { prison: Type.Optional(PrisonCode), from: Type.Optional(Month), to: Type.Optional(Month) },
  { additionalProperties: false },
);

/** Aggregates only, small counts suppressed: so not scoped by region. */
export async function continuityRoutes(app: Server, context: ServiceContext) {
  const readers = { onRequest: app.requireRole('probation', 'auditor', 'admin') };
  const figuresFor = async (query: { prison?: string; from?: string; to?: string }) =>
    continuityCounts(await releasesForContinuity(context.db, query)).map(continuityFigure);

  app.get(
    '/api/continuity',
    {
      ...readers,
      schema: {
        summary: 'Continuity of care per prison and month: complete passport, first appointment, treatment in 21 days',
        tags: ['outcomes'],
        querystring: ContinuityQuery,
        response: { 200: ContinuityAnswerV1, ...problemsFor(400, 401, 403) },
      },
    },
    async (request) => ({
      items: await figuresFor(request.query),
      withinDays: WITHIN_DAYS,
      suppressedUnder: SUPPRESS_UNDER,
      national: {
        source: 'OHID continuity of care, England: share starting community treatment within 3 weeks of release',
        figures: NATIONAL_CONTINUITY.map((figure) => ({ ...figure })),
      },
    }),
  );

  app.get(
    '/api/continuity.csv',
    {
      ...readers,
      schema: {
        summary: 'The continuity figures as CSV, for commissioners',
        tags: ['outcomes'],
        querystring: ContinuityQuery,
        response: { 200: Type.String(), ...problemsFor(400, 401, 403) },
      },
    },
    async (request, reply) => {
      reply.type('text/csv; charset=utf-8');
      return continuityCsv(await figuresFor(request.query));
    },
  );
}

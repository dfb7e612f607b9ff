import { audit, problemsFor, type Server, type ServiceContext } from '@resettle/platform';
import { Type } from '@sinclair/typebox';
import { upcomingReleasesQuery } from '../db/queries.js';
import { assessRisk, londonDateOf } from '../domain/index.js';
import { domainSettings, type PassportServiceSettings } from '../settings.js';
import { callerRegion } from './access.js';
import { pathwaysView, releaseSummary } from './passport-view.js';
import { UpcomingQuery, UpcomingRelease } from './schemas.js';

export async function upcomingRoutes(app: Server, context: ServiceContext<PassportServiceSettings>) {
  const settings = domainSettings(context.config);
  const upcomingReleases = upcomingReleasesQuery(context.db);
  app.get(
    '/api/upcoming-releases',
    {
      onRequest: app.requireRole('probation'),
      schema: {
        summary: 'Upcoming releases in her region, highest risk first (gaps ÷ (days to release + 1)), paginated',
        tags: ['passports'],
        querystring: UpcomingQuery,
        response: {
          200: Type.Object({
            items: Type.Array(UpcomingRelease),
            page: Type.Integer(),
            pageSize: Type.Integer(),
            total: Type.Integer(),
          }),
          ...problemsFor(400, 401, 403),
        },
      },
    },
    async (request) => {
      const now = context.clock();
      const { page, pageSize } = request.query;
      const region = callerRegion(request);
      const { items, total } = await upcomingReleases({
        ...request.query,
        region,
        today: londonDateOf(now),
      });
      // Nothing is sent unless every woman on the page is recorded as shown.
      await audit(context.db, request, {
        action: 'list-upcoming-releases',
        resourceId: `${region}:${request.query.prison ?? ''}:${request.query.from ?? ''}..${request.query.to ?? ''}:p${page}`,
        categories: ['passport'],
        outcome: 'allowed',
        listed: items.map(({ row }) => row.personId),
      });
      return {
        items: items.map(({ row, riskScore }) => ({
          ...releaseSummary(row, now),
          riskScore: Number(riskScore),
          atRisk: assessRisk(row.passport, now, settings).atRisk,
          pathways: pathwaysView(row.passport),
        })),
        page,
        pageSize,
        total,
      };
    },
  );
}

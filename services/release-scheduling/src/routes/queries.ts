import { audit, type Server, type ServiceContext } from '@resettle/platform';
import { Type } from '@sinclair/typebox';
import { findRelease, listReleases } from '../db/releases.js';
import { assertOwnPrison, visibleRelease } from './access.js';
import { asReleaseView } from './release-view.js';
import { IdParams, IsoDate, PrisonCode, Release } from './schemas.js';

const readers = ['release-planner', 'release-supervisor', 'prison-healthcare'] as const;

const ListQuery = Type.Object(
  {
    prison: Type.Optional(PrisonCode),
    from: Type.Optional(IsoDate),
    to: Type.Optional(IsoDate),
    page: Type.Integer({ minimum: 1, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
  },
  { additionalProperties: false },
);

export async function queryRoutes(app: Server, context: ServiceContext): Promise<void> {
  app.get(
    '/api/releases/:id',
    {
      onRequest: app.requireRole(...readers),
      schema: { summary: 'One release', tags: ['releases'], params: IdParams, response: { 200: Release } },
    },
    async (request) => {
      const release = await findRelease(context.db, request.params.id);
      return asReleaseView(await visibleRelease(context.db, request, release, 'read-release'));
    },
  );

  app.get(
    '/api/releases',
    {
      onRequest: app.requireRole(...readers),
      schema: {
        summary: "Releases at the caller's prison in a date range, earliest first, paginated",
        tags: ['releases'],
        querystring: ListQuery,
        response: {
          200: Type.Object({
            items: Type.Array(Release),
            page: Type.Integer(),
            pageSize: Type.Integer(),
            total: Type.Integer(),
          }),
        },
      },
    },
    async (request) => {
      const { prison, from, to, page, pageSize } = request.query;
      assertOwnPrison(request, prison ?? request.user.prison ?? '');
      const prisonCode = request.user.prison;
      const { items, total } = await listReleases(context.db, { prisonCode, from, to, page, pageSize });
      await audit(context.db, request, {
        action: 'list-releases',
        resourceId: `${prisonCode}:${from ?? ''}..${to ?? ''}:p${page}`,
        categories: ['release'],
        outcome: 'allowed',
        listed: items.map((release) => release.personId),
      });
      return { items: items.map(asReleaseView), page, pageSize, total };
    },
  );
}

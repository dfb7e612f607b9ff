import { NotFound, type Server, type ServiceContext } from '@resettle/platform';
import { Type } from '@sinclair/typebox';
import { listPrisons, updateReleaseWindow } from '../db/prisons.js';
import { LocalTime, PrisonCode } from './schemas.js';

const Prison = Type.Object({
  code: PrisonCode,
  name: Type.String(),
  releaseWindowOpens: LocalTime,
  releaseWindowCloses: LocalTime,
});

/** Reference data: the women's prisons and their release windows (admin edits, everyone with a role reads). */
export async function prisonRoutes(app: Server, context: ServiceContext): Promise<void> {
  app.get(
    '/api/prisons',
    {
      onRequest: app.requireRole('release-planner', 'release-supervisor', 'prison-healthcare', 'admin'),
      schema: {
        summary: "Women's prisons and release windows",
        tags: ['reference data'],
        response: { 200: Type.Array(Prison) },
      },
    },
    async () =>
      (await listPrisons(context.db)).map(({ code, name, releaseWindowOpens, releaseWindowCloses }) => ({
        code,
        name,
        releaseWindowOpens,
        releaseWindowCloses,
      })),
  );

  app.put(
    '/api/prisons/:code/release-window',
    {
      onRequest: app.requireRole('admin'),
      schema: {
        summary: "Change a prison's release window",
        tags: ['reference data'],
        params: Type.Object({ code: PrisonCode }),
        body: Type.Object({ opens: LocalTime, closes: LocalTime }, { additionalProperties: false }),
        response: { 200: Prison },
      },
    },
    async (request) => {
      const prison = await updateReleaseWindow(context.db, request.params.code, request.body);
      if (!prison) throw new NotFound('no such prison');
      const { code, name, releaseWindowOpens, releaseWindowCloses } = prison;
      return { code, name, releaseWindowOpens, releaseWindowCloses };
    },
  );
}

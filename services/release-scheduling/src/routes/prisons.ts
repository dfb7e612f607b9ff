import { changedSettings, NotFound, type Server, type ServiceContext } from '@resettle/platform';
import { Type } from '@sinclair/typebox';
import { findPrison, listPrisons, updateReleaseWindow } from '../db/prisons.js';
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
      const prison = await context.transact(request, async (work) => {
        const before = await findPrison(work.tx, request.params.code);
        if (!before) return undefined;
        const after = await updateReleaseWindow(work.tx, request.params.code, request.body);
        const window = (row: typeof before) => ({ opens: row.releaseWindowOpens, closes: row.releaseWindowCloses });
        await work.audit({
          action: 'change-release-window',
          resourceId: before.code,
          categories: ['reference-data'],
          outcome: 'allowed',
          justification: after && changedSettings(window(before), window(after)),
        });
        return after;
      });
      if (!prison) throw new NotFound('no such prison');
      const { code, name, releaseWindowOpens, releaseWindowCloses } = prison;
      return { code, name, releaseWindowOpens, releaseWindowCloses };
    },
  );
}

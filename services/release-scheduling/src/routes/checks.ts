import type { Server, ServiceContext } from '@resettle/platform';
import { Type } from '@sinclair/typebox';
import { decideRelease, prisonNamed } from './decide.js';
import { CheckRequest, IsoDate, LocalTime, Refusal, RuleApplied } from './schemas.js';

/** "Check a date": what the rules say about a proposed release, without booking anything. */
export async function checkRoutes(app: Server, context: ServiceContext): Promise<void> {
  app.post(
    '/api/release-checks',
    {
      onRequest: app.requireRole('release-planner', 'release-supervisor', 'prison-healthcare'),
      schema: {
        summary: 'Check a proposed release date and gate time without booking',
        tags: ['releases'],
        body: CheckRequest,
        response: {
          200: Type.Object({
            allowed: Type.Literal(true),
            releaseDate: IsoDate,
            gateTime: LocalTime,
            gateAt: Type.String({ format: 'date-time' }),
            rulesApplied: Type.Array(RuleApplied),
            weekendCoverPlanRequired: Type.Boolean(),
            shortNotice: Type.Boolean(),
            shortNoticeReason: Type.Union([Type.String(), Type.Null()]),
            warnings: Type.Array(Type.Object({ rule: Type.String(), message: Type.String() })),
          }),
          422: Refusal,
        },
      },
    },
    async (request) => {
      const asked = request.body;
      const prison = await prisonNamed(context.db, asked.prisonCode);
      const decision = decideRelease(
        { ...asked, secondDayApproved: Boolean(asked.secondDayApproval) },
        prison,
        context,
      );
      return { ...decision, allowed: true as const };
    },
  );
}

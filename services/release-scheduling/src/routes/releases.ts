import { randomUUID } from 'node:crypto';
import { Conflict, type Server, type ServiceContext } from '@resettle/platform';
import { insertScheduledRelease } from '../db/releases.js';
import { releasePathwayJudged, releaseScheduled } from '../events/release-events.js';
import { assertOwnPrison, releaseAudit } from './access.js';
import { requireApprovalRole } from './approval.js';
import { decideRelease, prisonNamed } from './decide.js';
import { asReleaseView } from './release-view.js';
import { Refusal, Release, ScheduleRequest } from './schemas.js';

/** Sentences under 12 months: too short for ordinary release planning, so the passport's clock runs faster. */
const SHORT_SENTENCE_DAYS = 365;

export async function scheduleRoutes(app: Server, context: ServiceContext): Promise<void> {
  app.post(
    '/api/releases',
    {
      onRequest: app.requireRole('release-planner', 'release-supervisor'),
      schema: {
        summary: 'Schedule a release',
        tags: ['releases'],
        body: ScheduleRequest,
        response: { 201: Release, 422: Refusal },
      },
    },
    async (request, reply) => {
      const asked = request.body;
      requireApprovalRole(request, asked.secondDayApproval);
      const prison = await prisonNamed(context.db, asked.prisonCode);
      assertOwnPrison(request, asked.prisonCode);
      const decision = decideRelease(
        { ...asked, secondDayApproved: Boolean(asked.secondDayApproval) },
        prison,
        context,
      );
      const release = await context.transact(request, async (work) => {
        const row = await insertScheduledRelease(work.tx, {
          id: randomUUID(),
          personId: asked.personId,
          prisonCode: asked.prisonCode,
          probationRegion: asked.probationRegion,
          legalReleaseDate: asked.legalReleaseDate,
          releaseDate: decision.releaseDate,
          gateTime: decision.gateTime,
          gateAt: new Date(decision.gateAt),
          releaseFrom: asked.releaseFrom,
          eligibility: asked.eligibility,
          secondDayApproved: Boolean(asked.secondDayApproval),
          rulesApplied: decision.rulesApplied,
          weekendCoverPlanRequired: decision.weekendCoverPlanRequired,
          shortNotice: decision.shortNotice,
          shortNoticeReason: decision.shortNoticeReason,
          shortSentence: asked.sentenceLengthDays < SHORT_SENTENCE_DAYS,
          status: 'scheduled',
          overrideReason: asked.secondDayApproval?.reason ?? null,
        });
        if (!row) {
          throw new Conflict(
            'RELEASE_ALREADY_SCHEDULED',
            `${asked.personId} already has a scheduled release; reschedule it`,
          );
        }
        work.publish(releaseScheduled(row), releasePathwayJudged(row));
        await work.audit(releaseAudit(row, 'schedule-release'));
        return row;
      });
      // A release ordered by a court (or on a day the law fixes) stands; the planner sees every rule it broke.
      return reply.code(201).send({ ...asReleaseView(release), warnings: decision.warnings });
    },
  );
}

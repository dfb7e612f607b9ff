import type { EventDraft } from '@resettle/contracts';
import { Conflict, problemsFor, RuleRefusal, type Server, type ServiceContext } from '@resettle/platform';
import type { FastifyRequest } from 'fastify';
import { findRelease, type ReleaseRow, updateRelease } from '../db/releases.js';
import {
  releaseCancelled,
  releaseOccurred,
  releasePathwayJudged,
  releaseRescheduled,
} from '../events/release-events.js';
import { releaseAudit, visibleRelease } from './access.js';
import { requireApprovalRole } from './approval.js';
import { decideRelease, prisonNamed } from './decide.js';
import { asReleaseView } from './release-view.js';
import { IdParams, OccurredRequest, ReasonRequest, Refusal, Release, RescheduleRequest } from './schemas.js';

const planners = ['release-planner', 'release-supervisor'] as const;

export async function changeRoutes(app: Server, context: ServiceContext): Promise<void> {
  const { db } = context;

  app.post(
    '/api/releases/:id/reschedule',
    {
      onRequest: app.requireRole(...planners),
      schema: {
        summary: 'Move a release (date or gate time)',
        tags: ['releases'],
        params: IdParams,
        body: RescheduleRequest,
        response: { 200: Release, 422: Refusal },
      },
    },
    async (request) => {
      const current = await scheduledRelease(context, request, request.params.id, 'reschedule-release');
      const change = request.body;
      requireApprovalRole(request, change.secondDayApproval);
      const prison = await prisonNamed(db, current.prisonCode);
      const decision = decideRelease(
        {
          prisonCode: current.prisonCode,
          legalReleaseDate: change.legalReleaseDate ?? current.legalReleaseDate,
          gateTime: change.gateTime ?? current.gateTime,
          releaseFrom: current.releaseFrom,
          eligibility: current.eligibility,
          secondDayApproved: Boolean(change.secondDayApproval) || current.secondDayApproved,
        },
        prison,
        context,
      );
      const updated = await context.transact(request, async (work) => {
        const row = await updateRelease(work.tx, current.id, current.revision, {
          legalReleaseDate: change.legalReleaseDate ?? current.legalReleaseDate,
          releaseDate: decision.releaseDate,
          gateTime: decision.gateTime,
          gateAt: new Date(decision.gateAt),
          secondDayApproved: Boolean(change.secondDayApproval) || current.secondDayApproved,
          rulesApplied: decision.rulesApplied,
          weekendCoverPlanRequired: decision.weekendCoverPlanRequired,
          shortNotice: decision.shortNotice,
          shortNoticeReason: decision.shortNoticeReason,
        });
        if (!row)
          throw new Conflict('CHANGED_MEANWHILE', 'the release changed while this request ran; read it and try again');
        work.publish(releaseRescheduled(row, current, change.reason), releasePathwayJudged(row));
        await work.audit(releaseAudit(row, 'reschedule-release'));
        return row;
      });
      return { ...asReleaseView(updated), warnings: decision.warnings };
    },
  );

  app.post(
    '/api/releases/:id/cancel',
    {
      onRequest: app.requireRole(...planners),
      schema: {
        summary: 'Cancel a release',
        tags: ['releases'],
        params: IdParams,
        body: ReasonRequest,
        response: { 200: Release },
      },
    },
    async (request) => {
      const current = await scheduledRelease(context, request, request.params.id, 'cancel-release');
      return asReleaseView(
        await transition(context, request, current, { status: 'cancelled' }, (row) =>
          releaseCancelled(row, request.body.reason),
        ),
      );
    },
  );

  app.post(
    '/api/releases/:id/occurred',
    {
      onRequest: app.requireRole(...planners),
      schema: {
        summary: 'Record that she passed the gate',
        tags: ['releases'],
        params: IdParams,
        body: OccurredRequest,
        response: { 200: Release, ...problemsFor(422) },
      },
    },
    async (request) => {
      const current = await scheduledRelease(context, request, request.params.id, 'record-gate-passed');
      const gatePassedAt = new Date(request.body.gatePassedAt);
      refuseGatePassedInFuture(gatePassedAt, context.clock());
      return asReleaseView(
        await transition(context, request, current, { status: 'released', gatePassedAt }, (row) =>
          releaseOccurred(row, gatePassedAt),
        ),
      );
    },
  );
}

async function scheduledRelease(
  context: ServiceContext,
  request: FastifyRequest,
  id: string,
  action: string,
): Promise<ReleaseRow> {
  const found = await findRelease(context.db, id);
  const release = await visibleRelease(context.db, request, found, action);
  if (release.status !== 'scheduled')
    throw new Conflict('RELEASE_NOT_SCHEDULED', `the release is already ${release.status}`);
  return release;
}

async function transition(
  context: ServiceContext,
  request: FastifyRequest,
  current: ReleaseRow,
  changes: Parameters<typeof updateRelease>[3],
  eventFor: (row: ReleaseRow) => EventDraft,
): Promise<ReleaseRow> {
  return context.transact(request, async (work) => {
    const row = await updateRelease(work.tx, current.id, current.revision, changes);
    if (!row)
      throw new Conflict('CHANGED_MEANWHILE', 'the release changed while this request ran; read it and try again');
    work.publish(eventFor(row), releasePathwayJudged(row));
    await work.audit(releaseAudit(row, `${row.status}-release`));
    return row;
  });
}

/** A gate cannot have been passed later than now (by the service's clock): recording it so would be a guess. */
function refuseGatePassedInFuture(gatePassedAt: Date, now: Date): void {
  if (gatePassedAt.getTime() <= now.getTime()) return;
  const violation = {
    rule: 'GATE_PASSED_IN_FUTURE',
    field: 'body.gatePassedAt',
    message: `The gate-passed time ${gatePassedAt.toISOString()} is in the future; record it once she has left.`,
  };
  throw new RuleRefusal(violation.rule, violation.message, { field: violation.field, violations: [violation] });
}

import { randomUUID } from 'node:crypto';
import {
  type AuditFacts,
  audit,
  Conflict,
  changeableRecord,
  NotFound,
  problemsFor,
  type Server,
  type UnitOfWork,
} from '@resettle/platform';
import { findRelease, type KnownRelease } from '@resettle/platform/release-copy';
import type { FastifyRequest } from 'fastify';
import {
  type AccommodationRow,
  declinedProposalsOf,
  findAccommodation,
  updateAccommodation,
} from '../db/accommodations.js';
import { restrictedAreasOf } from '../db/restricted-areas.js';
import { alertsInRegion, insertSafeguardingAlert } from '../db/safeguarding-alerts.js';
import { reviewsInRegion } from '../db/safeguarding-reviews.js';
import { alertDue, matchingRestrictedAreas, NOT_SUITABLE_REASON, refusedDecision } from '../domain/index.js';
import { accommodationSafeguardingAlert, accommodationWithdrawn } from '../events/accommodation-events.js';
import { judgeRelease } from '../events/judge.js';
import type { AccommodationContext } from '../settings.js';
import { accommodations } from './accommodations.js';
import { auditedAttempt } from './audited-attempt.js';
import { refuseUnlessReleaseInRegion } from './probation-region.js';
import {
  AccommodationParams,
  Approval,
  Decline,
  Page,
  ReviewQuery,
  SafeguardingAlertList,
  SafeguardingReviewList,
  SafeguardingReviewView,
} from './schemas.js';

const CATEGORIES: AuditFacts['categories'] = ['accommodation', 'restricted-areas'];

/**
 * Her offender manager's safeguarding review of every place proposed for her: probation of the region she is released
 * to sees the place and whether it falls in her restricted areas (and which), and approves or declines it. Repeated
 * declines raise an alert. Everyone else gets a 404, audited as denied.
 */
export async function safeguardingReviewRoutes(app: Server, context: AccommodationContext): Promise<void> {
  const probation = app.requireRole('probation');
  const tags = ['safeguarding reviews'];
  const db = context.db;

  app.get(
    '/api/safeguarding-reviews',
    {
      onRequest: probation,
      schema: {
        summary: 'Places proposed for women released to your region, newest first (default: awaiting review)',
        tags,
        querystring: ReviewQuery,
        response: { 200: SafeguardingReviewList, ...problemsFor(400, 401, 403) },
      },
    },
    async (request) => {
      const { page, pageSize } = request.query;
      const region = request.user.region!;
      const listed = await reviewsInRegion(db, region, request.query.show ?? 'awaiting-review', page, pageSize);
      const items = [];
      for (const { accommodation, release } of listed.rows) items.push(await reviewView(accommodation, release));
      // One row per woman shown, so each can later learn who saw her record.
      for (const item of items) {
        await audit(db, request, readFacts('list-safeguarding-reviews', item.personId, item.accommodationId));
      }
      return { items, page, pageSize, total: listed.total };
    },
  );

  app.get(
    '/api/safeguarding-reviews/:accommodationId',
    {
      onRequest: probation,
      schema: {
        summary: 'One proposed place as her offender manager reviews it',
        tags,
        params: AccommodationParams,
        response: { 200: SafeguardingReviewView, ...problemsFor(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const row = await reviewable(request.params.accommodationId, 'read-safeguarding-review', request);
      await audit(db, request, readFacts('read-safeguarding-review', row.personId, row.id));
      return reviewView(row, (await findRelease(db, row.releaseId))!);
    },
  );

  const decision = (verb: 'approve' | 'decline', body: typeof Approval | typeof Decline, summary: string) =>
    app.post(
      `/api/safeguarding-reviews/:accommodationId/${verb}`,
      {
        onRequest: probation,
        schema: {
          summary,
          tags,
          params: AccommodationParams,
          body,
          response: { 200: SafeguardingReviewView, ...problemsFor(400, 401, 403, 404, 409) },
        },
      },
      async (request) => {
        const action = `${verb}-accommodation`;
        const seen = await reviewable(request.params.accommodationId, action, request);
        const asked = request.body as { revision: number; reason?: string };
        const attempt = { ...readFacts(action, seen.personId, seen.id) };
        const decided = await auditedAttempt(db, request, attempt, () =>
          context.transact(
            request,
            async (work) => {
              const current = await changeableRecord(work, accommodations, seen.id);
              const refused = refusedDecision(current, asked.revision);
              if (refused) throw new Conflict(refused, refusalMessage[refused]);
              const release = (await findRelease(work.tx, current.releaseId))!;
              const updated =
                verb === 'approve'
                  ? await approve(work, current, request.user.sub)
                  : await decline(work, current, release, request.user.sub, asked.reason ?? '');
              await judgeRelease(work, release);
              await work.audit({ ...readFacts(action, updated.personId, updated.id) });
              return { updated, release };
            },
            { personId: seen.personId },
          ),
        );
        return reviewView(decided.updated, decided.release);
      },
    );

  decision('approve', Approval, 'Approve the place: the coordinator sees "approved"');
  decision(
    'decline',
    Decline,
    'Decline the place with a reason kept for probation; the coordinator sees only "not suitable"',
  );

  app.get(
    '/api/safeguarding-alerts',
    {
      onRequest: probation,
      schema: {
        summary: 'Alerts after repeated declined proposals for women released to your region, newest first',
        tags,
        querystring: Page,
        response: { 200: SafeguardingAlertList, ...problemsFor(400, 401, 403) },
      },
    },
    async (request) => {
      const { page, pageSize } = request.query;
      const listed = await alertsInRegion(db, request.user.region!, page, pageSize);
      for (const alert of listed.items) {
        await audit(db, request, readFacts('list-safeguarding-alerts', alert.personId, alert.id));
      }
      const items = listed.items.map((alert) => ({
        id: alert.id,
        personId: alert.personId,
        releaseId: alert.releaseId,
        declinedProposals: alert.declinedProposals,
        raisedAt: alert.raisedAt.toISOString(),
      }));
      return { items, page, pageSize, total: listed.total };
    },
  );

  /** A proposed place (not type none) of a release to the caller's region; else a 404, audited as denied. */
  async function reviewable(id: string, action: string, request: FastifyRequest) {
    const row = await findAccommodation(db, id);
    if (!row || row.safeguardingReview === null) throw new NotFound('no such safeguarding review');
    await refuseUnlessReleaseInRegion(db, request, row.releaseId, {
      action,
      personId: row.personId,
      resourceId: row.id,
      category: 'accommodation',
    });
    return row;
  }

  async function reviewView(row: AccommodationRow, release: KnownRelease) {
    const matching = matchingRestrictedAreas(row, await restrictedAreasOf(db, row.personId));
    return {
      accommodationId: row.id,
      personId: row.personId,
      releaseId: row.releaseId,
      releaseDate: release.releaseDate,
      prisonCode: release.prisonCode,
      place: {
        type: row.type,
        localAuthority: row.localAuthority,
        postcodeDistrict: row.postcodeDistrict,
        confirmedFrom: row.confirmedFrom,
        womenOnly: row.womenOnly,
        confirmedBy: row.confirmedBy,
      },
      review: row.safeguardingReview!,
      proposedAt: row.proposedAt?.toISOString() ?? null,
      reviewedBy: row.reviewedBy,
      reviewedAt: row.reviewedAt?.toISOString() ?? null,
      declineReason: row.declineReason,
      revision: row.revision,
      matchesRestrictedArea: matching.length > 0,
      matchingAreas: matching,
      declinedProposals: await declinedProposalsOf(db, row.personId),
    };
  }

  async function approve(work: UnitOfWork, current: AccommodationRow, reviewer: string) {
    const approved = { safeguardingReview: 'approved' as const, reviewedBy: reviewer, reviewedAt: work.now() };
    return updateAccommodation(work.tx, current, approved, work.now());
  }

  async function decline(
    work: UnitOfWork,
    current: AccommodationRow,
    release: KnownRelease,
    reviewer: string,
    reason: string,
  ) {
    const declined = {
      safeguardingReview: 'not-suitable' as const,
      declineReason: reason.trim(),
      reviewedBy: reviewer,
      reviewedAt: work.now(),
    };
    const updated = await updateAccommodation(work.tx, current, declined, work.now());
    // For transport and the passport the place is gone, with a reason that says nothing of why.
    work.publish(accommodationWithdrawn(updated, NOT_SUITABLE_REASON));
    const declinedProposals = await declinedProposalsOf(work.tx, current.personId);
    if (alertDue(declinedProposals, context.config.SAFEGUARDING_ALERT_AFTER_DECLINES) && release.probationRegion) {
      const alert = await insertSafeguardingAlert(work.tx, {
        id: randomUUID(),
        personId: current.personId,
        releaseId: current.releaseId,
        probationRegion: release.probationRegion,
        declinedProposals,
        raisedAt: work.now(),
      });
      work.publish(accommodationSafeguardingAlert(alert));
      await work.audit({ ...readFacts('raise-safeguarding-alert', current.personId, alert.id) });
    }
    return updated;
  }
}

const refusalMessage = {
  REVIEW_ALREADY_DECIDED: 'this place has already been reviewed',
  ACCOMMODATION_CHANGED_SINCE_VIEWED: 'the coordinator changed this place since you opened it; review it again',
} as const;

function readFacts(action: string, personId: string, resourceId: string): AuditFacts {
  return { action, personId, resourceId, categories: CATEGORIES, outcome: 'allowed' };
}

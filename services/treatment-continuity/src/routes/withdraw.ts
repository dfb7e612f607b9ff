import { Conflict, NotFound, problemsFor, type Server, type ServiceContext } from '@resettle/platform';
import { Type } from '@sinclair/typebox';
import { handoffsOfRelease, updateHandoff } from '../db/handoffs.js';
import { findRelease } from '../db/releases.js';
import { nextStatus } from '../domain/index.js';
import { handoffWithdrawn } from '../events/handoff-events.js';
import { withdrawalTold } from '../events/provider-messages.js';
import { publish } from '../events/publish.js';
import { lockedHandoff, ownPrisonHandoff } from './access.js';
import { refuseIfBroken } from './rules.js';
import { HandoffStatusView, IdParams, ReleaseParams, WithdrawRequest } from './schemas.js';
import { statusView } from './views.js';

/** Prison healthcare ends a live handoff (a wrong provider) and lists what a release has had. */
export async function withdrawRoutes(app: Server, context: ServiceContext): Promise<void> {
  app.post(
    '/api/handoffs/:id/withdraw',
    {
      onRequest: app.requireRole('prison-healthcare'),
      schema: {
        summary: 'Withdraw a live handoff, with a reason: the provider is told and the release can be booked again',
        tags: ['handoffs'],
        params: IdParams,
        body: WithdrawRequest,
        response: { 200: HandoffStatusView, ...problemsFor(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const { id } = await ownPrisonHandoff(context, request, request.params.id, 'withdraw-handoff');
      const { reason, reasonCategory } = request.body;
      const withdrawn = await context.transact(request, async (work) => {
        const handoff = await lockedHandoff(work, id);
        const transition = nextStatus(handoff.status, 'withdraw');
        refuseIfBroken(transition.violations);
        const row = await updateHandoff(work.tx, handoff, { status: 'withdrawn', statusReason: reason });
        if (!row) throw new Conflict('CHANGED_MEANWHILE', 'the handoff changed while this request ran');
        // The provider is told the category only; the nurse's words stay with prison healthcare.
        await publish(work, row, [handoffWithdrawn(row, reason)], [withdrawalTold(row, reasonCategory)]);
        await work.audit({
          action: 'withdraw-handoff',
          personId: row.personId,
          resourceId: row.id,
          categories: ['treatment-status'],
          outcome: 'allowed',
          recipient: row.consentToShare ? row.providerId : null,
        });
        return row;
      });
      return statusView(withdrawn);
    },
  );

  app.get(
    '/api/releases/:releaseId/handoffs',
    {
      onRequest: app.requireRole('prison-healthcare'),
      schema: {
        summary: 'Every handoff booked for a release at your prison, latest first',
        tags: ['handoffs'],
        params: ReleaseParams,
        response: { 200: Type.Array(HandoffStatusView), ...problemsFor(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { releaseId } = request.params;
      const listed = await context.transact(request, async (work) => {
        const release = await findRelease(work.tx, releaseId);
        const allowed = release !== undefined && release.prisonCode === request.user.prison;
        await work.audit({
          action: 'list-release-handoffs',
          personId: release?.personId ?? null,
          resourceId: releaseId,
          categories: ['treatment-status'],
          outcome: allowed ? 'allowed' : 'denied',
        });
        return allowed ? handoffsOfRelease(work.tx, releaseId) : undefined;
      });
      // Another prison's release, or one not known here, is a 404: its existence is not revealed.
      if (!listed) throw new NotFound('no such release');
      return listed.map(statusView);
    },
  );
}

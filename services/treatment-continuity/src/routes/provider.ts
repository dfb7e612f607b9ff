import type { EventDraft } from '@resettle/contracts';
import { Conflict, problemsFor, type Server, type ServiceContext, type UnitOfWork } from '@resettle/platform';
import { type HandoffRow, providerInbox, updateHandoff } from '../db/handoffs.js';
import { findRelease } from '../db/releases.js';
import { decideAcceptance, decideDecline, type HandoffAction, nextStatus } from '../domain/index.js';
import { handoffAccepted, handoffDeclined } from '../events/handoff-events.js';
import { publish } from '../events/publish.js';
import { addressedTo, lockedHandoff } from './access.js';
import { appointmentToConfirm, refuseUnlessCurrentRelease } from './confirm-appointment.js';
import { domainFromRow, refuseIfBroken } from './rules.js';
import { AcceptRequest, DeclineRequest, IdParams, InboxQuery, ProviderHandoffView, ProviderInbox } from './schemas.js';
import { providerView } from './views.js';

export async function providerRoutes(app: Server, context: ServiceContext): Promise<void> {
  const onlyProviders = { onRequest: app.requireRole('provider') };
  const answered = { 200: ProviderHandoffView, ...problemsFor(400, 401, 403, 404, 409, 422) };

  app.get(
    '/api/provider/handoffs',
    {
      ...onlyProviders,
      schema: {
        summary: 'Handoffs addressed to your organisation',
        tags: ['provider'],
        querystring: InboxQuery,
        response: { 200: ProviderInbox, ...problemsFor(400, 401, 403) },
      },
    },
    async (request) => {
      const { status, page, pageSize } = request.query;
      const providerId = request.user.organisation ?? '';
      const { items, total } = await context.transact(request, async (work) => {
        const found = await providerInbox(work.tx, { providerId, status, page, pageSize });
        await work.audit({
          action: 'provider-inbox',
          categories: ['clinical'],
          outcome: 'allowed',
          recipient: request.user.organisation,
          listed: found.items.map((handoff) => handoff.personId),
        });
        return found;
      });
      return { items: items.map((item) => providerView(item)), page, pageSize, total };
    },
  );

  app.get(
    '/api/provider/handoffs/:id',
    {
      ...onlyProviders,
      schema: {
        summary: 'One handoff addressed to you',
        tags: ['provider'],
        params: IdParams,
        response: { 200: ProviderHandoffView, ...problemsFor(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const handoff = await addressedTo(context, request, request.params.id, 'provider-read-handoff');
      return providerView(handoff, await findRelease(context.db, handoff.releaseId));
    },
  );

  app.post(
    '/api/provider/handoffs/:id/accept',
    {
      ...onlyProviders,
      schema: {
        summary: 'Accept (or re-confirm) a handoff, naming the key worker',
        tags: ['provider'],
        params: IdParams,
        body: AcceptRequest,
        response: answered,
      },
    },
    async (request) => {
      const { id } = await addressedTo(context, request, request.params.id, 'accept-handoff');
      const { keyWorker, releaseRevision } = request.body;
      const accepted = await context.transact(request, async (work) => {
        const handoff = await lockedHandoff(work, id);
        const known = await findRelease(work.tx, handoff.releaseId);
        refuseUnlessCurrentRelease(releaseRevision, known);
        const action: HandoffAction = handoff.status === 'needs-reconfirmation' ? 'reconfirm' : 'accept';
        refuseIfBroken(nextStatus(handoff.status, action).violations);
        refuseIfBroken(decideAcceptance(domainFromRow(handoff), request.body).violations);
        const release = known;
        const firstAppointment = appointmentToConfirm(handoff, request.body.firstAppointment, release, work.now());
        const changes = { keyWorker, firstAppointment, statusReason: null };
        const row = await answer(work, handoff, action, changes, (saved) =>
          handoffAccepted(saved, { keyWorker, firstAppointment }),
        );
        return { row, release };
      });
      return providerView(accepted.row, accepted.release);
    },
  );

  app.post(
    '/api/provider/handoffs/:id/decline',
    {
      ...onlyProviders,
      schema: {
        summary: 'Decline a handoff, with a reason',
        tags: ['provider'],
        params: IdParams,
        body: DeclineRequest,
        response: answered,
      },
    },
    async (request) => {
      const { id } = await addressedTo(context, request, request.params.id, 'decline-handoff');
      const { reason } = request.body;
      const declined = await context.transact(request, async (work) => {
        const handoff = await lockedHandoff(work, id);
        refuseIfBroken(decideDecline(reason).violations);
        const changes = { declineReason: reason, statusReason: reason };
        return answer(work, handoff, 'decline', changes, (row) => handoffDeclined(row, reason));
      });
      return providerView(declined);
    },
  );
}

/** The provider's answer moves the handoff on (or is refused as an illegal transition) and is told to all. */
async function answer(
  work: UnitOfWork,
  handoff: HandoffRow,
  action: HandoffAction,
  changes: Partial<HandoffRow>,
  eventFor: (row: HandoffRow) => EventDraft,
): Promise<HandoffRow> {
  const transition = nextStatus(handoff.status, action);
  refuseIfBroken(transition.violations);
  const row = await updateHandoff(work.tx, handoff, { ...changes, status: transition.status ?? handoff.status });
  if (!row) throw new Conflict('CHANGED_MEANWHILE', 'the handoff changed while this request ran');
  await publish(work, row, [eventFor(row)]);
  return row;
}

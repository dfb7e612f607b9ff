import { audit, Conflict, type Server, type ServiceContext } from '@resettle/platform';
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { type HandoffRow, providerInbox, updateHandoff } from '../db/handoffs.js';
import { decideAcceptance, decideDecline, type HandoffAction, nextStatus } from '../domain/index.js';
import { handoffAccepted, handoffDeclined } from '../events/handoff-events.js';
import { publish } from '../events/publish.js';
import { addressedTo } from './access.js';
import { appointmentToConfirm } from './confirm-appointment.js';
import { domainFromRow, refuseIfBroken } from './rules.js';
import { AcceptRequest, DeclineRequest, IdParams, Page } from './schemas.js';
import { providerView } from './views.js';

export async function providerRoutes(app: Server, context: ServiceContext): Promise<void> {
  const onlyProviders = { onRequest: app.requireRole('provider') };

  app.get(
    '/api/provider/handoffs',
    {
      ...onlyProviders,
      schema: {
        summary: 'Handoffs addressed to your organisation',
        tags: ['provider'],
        querystring: Type.Object(
          { status: Type.Optional(Type.String({ maxLength: 40 })), ...Page },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => {
      const { status, page, pageSize } = request.query;
      const { items, total } = await providerInbox(context.db, {
        providerId: request.user.organisation ?? '',
        status,
        page,
        pageSize,
      });
      await audit(context.db, request, {
        action: 'provider-inbox',
        categories: ['clinical'],
        outcome: 'allowed',
        recipient: request.user.organisation,
      });
      return { items: items.map(providerView), page, pageSize, total };
    },
  );

  app.get(
    '/api/provider/handoffs/:id',
    { ...onlyProviders, schema: { summary: 'One handoff addressed to you', tags: ['provider'], params: IdParams } },
    async (request) => providerView(await addressedTo(context, request, request.params.id, 'provider-read-handoff')),
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
      },
    },
    async (request) => {
      const handoff = await addressedTo(context, request, request.params.id, 'accept-handoff');
      const action: HandoffAction = handoff.status === 'needs-reconfirmation' ? 'reconfirm' : 'accept';
      refuseIfBroken(nextStatus(handoff.status as never, action).violations);
      refuseIfBroken(decideAcceptance(domainFromRow(handoff), request.body).violations);
      const firstAppointment = await appointmentToConfirm(context, handoff, request.body.firstAppointment);
      const changes = { keyWorker: request.body.keyWorker, firstAppointment, statusReason: null };
      return providerView(await answer(context, request, handoff, action, changes, handoffAccepted));
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
      },
    },
    async (request) => {
      const handoff = await addressedTo(context, request, request.params.id, 'decline-handoff');
      refuseIfBroken(decideDecline(request.body.reason).violations);
      const changes = { declineReason: request.body.reason, statusReason: request.body.reason };
      return providerView(await answer(context, request, handoff, 'decline', changes, handoffDeclined));
    },
  );
}

async function answer(
  context: ServiceContext,
  request: FastifyRequest,
  handoff: HandoffRow,
  action: HandoffAction,
  changes: Partial<HandoffRow>,
  eventFor: typeof handoffAccepted,
): Promise<HandoffRow> {
  const transition = nextStatus(handoff.status as never, action);
  refuseIfBroken(transition.violations);
  return context.db.transaction(async (tx) => {
    const row = await updateHandoff(tx, handoff, { ...changes, status: transition.status ?? handoff.status });
    if (!row) throw new Conflict('CHANGED_MEANWHILE', 'the handoff changed while this request ran');
    await publish(tx, context.topicPrefix, row, [eventFor(row, { correlationId: request.id })]);
    return row;
  });
}

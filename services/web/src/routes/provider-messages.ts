import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Apis } from '../app.js';
import { takeFlash } from '../auth/session.js';
import { treatmentContinuity } from '../clients/treatment-continuity.js';
import { forRoles, tokenOf } from './access.js';
import { itemsOfPage, pageAsked, pagesFor, paginationOf } from './pagination.js';
import { messageRow } from './provider-message.js';

const PAGE_SIZE = 20;
/** treatment-continuity lists a provider's latest 200 messages. */
const LISTED = 200;
const PAGE = '/provider/messages';
const providers = { preHandler: forRoles('provider') };

/**
 * The messages sent to the provider's own system (its webhook): whether each arrived, what her system answered, and a
 * way to send one again once it has failed for good, so her staff can put a broken link right without a developer.
 */
export async function providerMessageRoutes(app: FastifyInstance, { apis }: { apis: Apis }) {
  const api = (request: FastifyRequest) => treatmentContinuity(apis.treatmentContinuity, tokenOf(request));

  app.get<{ Querystring: { page?: string } }>(PAGE, providers, async (request, reply) => {
    const answer = await api(request).webhookDeliveries();
    const rows = answer.ok ? answer.body.map(messageRow) : [];
    const page = Math.min(pageAsked(request.query.page), pagesFor(rows.length, PAGE_SIZE));
    return reply.page('provider/messages.njk', {
      title: 'Messages to your system',
      messages: itemsOfPage(rows, page, PAGE_SIZE),
      failed: rows.filter((row) => row.canSendAgain).length,
      capped: rows.length >= LISTED,
      unavailable: !answer.ok,
      pagination: paginationOf(page, pagesFor(rows.length, PAGE_SIZE), (number) => `${PAGE}?page=${number}`),
      flash: takeFlash(request),
      breadcrumbs: [{ text: 'Resettle', href: '/' }],
    });
  });

  app.post<{ Params: { id: string } }>(`${PAGE}/:id/send-again`, providers, async (request, reply) => {
    const sent = await api(request).sendAgain(request.params.id);
    if (!sent.ok) {
      const message = 'There is no message with that reference sent to your organisation.';
      return reply.page('error.njk', { title: 'Message not found', message }, 404);
    }
    request.session.set('flash', 'The message will be sent again within a minute.');
    return reply.redirect(PAGE, 303);
  });
}

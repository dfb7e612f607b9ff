import { randomUUID } from 'node:crypto';
import { Conflict, NotFound, problemsFor, type Server, type ServiceContext, usableRelease } from '@resettle/platform';
import { insertHandoff } from '../db/handoffs.js';
import { findRelease } from '../db/releases.js';
import { statusOnRecording } from '../domain/index.js';
import { handoffBooked, handoffSent } from '../events/handoff-events.js';
import { publish } from '../events/publish.js';
import { ownPrisonHandoff } from './access.js';
import { checkBooking } from './rules.js';
import { BookingRequest, HandoffStatusView, IdParams } from './schemas.js';
import { statusView } from './views.js';

export async function bookingRoutes(app: Server, context: ServiceContext): Promise<void> {
  app.post(
    '/api/handoffs',
    {
      onRequest: app.requireRole('prison-healthcare'),
      schema: {
        summary: 'Book a handoff to a community provider',
        tags: ['handoffs'],
        body: BookingRequest,
        response: { 201: HandoffStatusView, ...problemsFor(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const booking = request.body;
      const handoff = await context.transact(
        request,
        async (work) => {
          const release = usableRelease(await findRelease(work.tx, booking.releaseId), booking.personId);
          if (release.prisonCode !== request.user.prison) throw new NotFound('no such release');
          if (release.status !== 'scheduled') {
            throw new Conflict('RELEASE_NOT_SCHEDULED', `the release is ${release.status}`);
          }
          checkBooking(booking, release, work.now());
          const recorded = statusOnRecording(booking);
          const sendNow = recorded.status === 'booked';
          const created = await insertHandoff(work.tx, {
            ...booking,
            id: randomUUID(),
            prisonCode: release.prisonCode,
            status: sendNow ? 'sent' : recorded.status,
            statusReason: sendNow ? null : recorded.reason,
            expectedArrivalAt: booking.expectedArrivalAt ? new Date(booking.expectedArrivalAt) : null,
          });
          await publish(work, created, [handoffBooked(created), ...(sendNow ? [handoffSent(created, release)] : [])]);
          await work.audit({
            action: 'book-handoff',
            personId: created.personId,
            resourceId: created.id,
            categories: ['clinical'],
            outcome: 'allowed',
            recipient: sendNow ? created.providerId : null,
          });
          return created;
        },
        { personId: booking.personId },
      );
      return reply.code(201).send(statusView(handoff));
    },
  );

  app.get(
    '/api/handoffs/:id',
    {
      onRequest: app.requireRole('prison-healthcare'),
      schema: {
        summary: 'A handoff: status and the provider’s answer',
        tags: ['handoffs'],
        params: IdParams,
        response: { 200: HandoffStatusView, ...problemsFor(400, 401, 403, 404) },
      },
    },
    async (request) => statusView(await ownPrisonHandoff(context, request, request.params.id, 'read-handoff')),
  );
}

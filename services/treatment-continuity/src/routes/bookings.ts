import { randomUUID } from 'node:crypto';
import { Conflict, NotFound, problemsFor, type Server, type ServiceContext, usableRelease } from '@resettle/platform';
import { type HandoffRow, insertHandoff, standingHandoff } from '../db/handoffs.js';
import { findRelease } from '../db/releases.js';
import { LIVE, statusOnRecording } from '../domain/index.js';
import { handoffBooked } from '../events/handoff-events.js';
import { handoffSentToProvider } from '../events/provider-messages.js';
import { publish } from '../events/publish.js';
import { ownPrisonHandoff } from './access.js';
import { checkBooking } from './rules.js';
import { BookingRequest, HandoffConflict, HandoffStatusView, IdParams } from './schemas.js';
import { statusView } from './views.js';

export async function bookingRoutes(app: Server, context: ServiceContext): Promise<void> {
  app.post(
    '/api/handoffs',
    {
      onRequest: app.requireRole('prison-healthcare'),
      schema: {
        summary: 'Book a handoff to a community provider (one live handoff per release)',
        tags: ['handoffs'],
        body: BookingRequest,
        response: { 201: HandoffStatusView, ...problemsFor(400, 401, 403, 404, 422), 409: HandoffConflict },
      },
    },
    async (request, reply) => {
      const booking = request.body;
      const outcome = await context.transact(
        request,
        async (work): Promise<{ booked: HandoffRow } | { live: HandoffRow }> => {
          const release = usableRelease(await findRelease(work.tx, booking.releaseId), booking.personId);
          if (release.prisonCode !== request.user.prison) throw new NotFound('no such release');
          if (release.status !== 'scheduled') {
            throw new Conflict('RELEASE_NOT_SCHEDULED', `the release is ${release.status}`);
          }
          const standing = await standingHandoff(work.tx, booking.releaseId);
          if (standing && LIVE.includes(standing.status)) return { live: standing };
          checkBooking(booking, release, work.now());
          const recorded = statusOnRecording(booking);
          const sendNow = recorded.status === 'booked';
          const { bridgingPrescription, ...facts } = booking;
          const created = await insertHandoff(work.tx, {
            ...facts,
            bridgingLastDayCovered: bridgingPrescription?.lastDayCovered ?? null,
            id: randomUUID(),
            prisonCode: release.prisonCode,
            status: sendNow ? 'sent' : recorded.status,
            statusReason: sendNow ? null : recorded.reason,
            expectedArrivalAt: booking.expectedArrivalAt ? new Date(booking.expectedArrivalAt) : null,
          });
          // Her lock serialises bookings here; the partial unique index is the guard should anything else race.
          if (!created) return { live: (await standingHandoff(work.tx, booking.releaseId))! };
          await publish(
            work,
            created,
            [handoffBooked(created)],
            sendNow ? [handoffSentToProvider(created, release)] : [],
          );
          await work.audit({
            action: 'book-handoff',
            personId: created.personId,
            resourceId: created.id,
            categories: ['clinical'],
            outcome: 'allowed',
            recipient: sendNow ? created.providerId : null,
          });
          return { booked: created };
        },
        { personId: booking.personId },
      );
      if ('live' in outcome) {
        return reply
          .code(409)
          .type('application/problem+json')
          .send({
            type: 'https://resettle.invalid/problems/conflict',
            title: 'Conflict',
            status: 409,
            rule: 'LIVE_HANDOFF_EXISTS',
            detail:
              `this release already has a live handoff (${outcome.live.id}, ${outcome.live.status}, to ` +
              `${outcome.live.providerId}); withdraw it (POST /api/handoffs/${outcome.live.id}/withdraw) to book another`,
            liveHandoffId: outcome.live.id,
            correlationId: request.id,
          });
      }
      return reply.code(201).send(statusView(outcome.booked));
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

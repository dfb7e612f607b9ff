import { randomUUID } from 'node:crypto';
import { audit, Conflict, InvalidField, NotFound, type Server, type ServiceContext } from '@resettle/platform';
import { findRelease } from '../db/handoffs.js';
import { handoffs } from '../db/schema.js';
import { statusOnRecording } from '../domain/index.js';
import { handoffBooked, handoffSent } from '../events/handoff-events.js';
import { publish } from '../events/publish.js';
import { ownPrisonHandoff } from './access.js';
import { checkBooking } from './rules.js';
import { BookingRequest, IdParams } from './schemas.js';
import { statusView } from './views.js';

export async function bookingRoutes(app: Server, context: ServiceContext): Promise<void> {
  const { db } = context;
  app.post(
    '/api/handoffs',
    {
      onRequest: app.requireRole('prison-healthcare'),
      schema: { summary: 'Book a handoff to a community provider', tags: ['handoffs'], body: BookingRequest },
    },
    async (request, reply) => {
      const booking = request.body;
      const release = await findRelease(db, booking.releaseId);
      if (!release || release.personId !== booking.personId) {
        throw new InvalidField(
          'body.releaseId',
          'unknown-release',
          'no scheduled release with this id for this person',
        );
      }
      if (release.prisonCode !== request.user.prison) throw new NotFound('no such release');
      if (release.status !== 'scheduled') {
        throw new Conflict('RELEASE_NOT_SCHEDULED', `the release is ${release.status}`);
      }
      checkBooking(booking, release, context.clock());
      const recorded = statusOnRecording(booking);
      const sendNow = recorded.status === 'booked';
      const handoff = await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(handoffs)
          .values({
            ...booking,
            id: randomUUID(),
            prisonCode: release.prisonCode,
            status: sendNow ? 'sent' : recorded.status,
            statusReason: sendNow ? null : recorded.reason,
            expectedArrivalAt: booking.expectedArrivalAt ? new Date(booking.expectedArrivalAt) : null,
          })
          .returning();
        const created = row!;
        const cause = { correlationId: request.id };
        const events = [handoffBooked(created, cause), ...(sendNow ? [handoffSent(created, release, cause)] : [])];
        await publish(tx, context.topicPrefix, created, events);
        await audit(tx, request, {
          action: 'book-handoff',
          personId: created.personId,
          resourceId: created.id,
          categories: ['clinical'],
          outcome: 'allowed',
          recipient: sendNow ? created.providerId : null,
        });
        return created;
      });
      return reply.code(201).send(statusView(handoff));
    },
  );

  app.get(
    '/api/handoffs/:id',
    {
      onRequest: app.requireRole('prison-healthcare'),
      schema: { summary: 'A handoff: status and the provider’s answer', tags: ['handoffs'], params: IdParams },
    },
    async (request) => statusView(await ownPrisonHandoff(context, request, request.params.id, 'read-handoff')),
  );
}

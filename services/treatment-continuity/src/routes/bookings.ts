import { randomUUID } from 'node:crypto';
import { audit, Conflict, InvalidField, NotFound, type Server, type ServiceContext } from '@resettle/platform';
import type { FastifyRequest } from 'fastify';
import { findHandoff, findRelease, type HandoffRow, updateHandoff } from '../db/handoffs.js';
import { handoffs } from '../db/schema.js';
import { checkAppointmentNotInPast, checkChildcareConstraints, statusOnRecording } from '../domain/index.js';
import { appointmentChanged, handoffBooked, handoffSent } from '../events/handoff-events.js';
import { publish } from '../events/publish.js';
import { checkBooking, domainFromRow, refuseIfBroken } from './rules.js';
import { AppointmentRequest, BookingRequest, IdParams } from './schemas.js';
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
      if (release.status !== 'scheduled')
        throw new Conflict('RELEASE_NOT_SCHEDULED', `the release is ${release.status}`);
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
        await publish(tx, context.topicPrefix, created.providerId, events);
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

  app.put(
    '/api/handoffs/:id/appointment',
    {
      onRequest: app.requireRole('prison-healthcare'),
      schema: {
        summary: 'Change the first appointment',
        tags: ['handoffs'],
        params: IdParams,
        body: AppointmentRequest,
      },
    },
    async (request) => {
      const handoff = await ownPrisonHandoff(context, request, request.params.id, 'change-appointment');
      const { firstAppointment } = request.body;
      const domain = { ...domainFromRow(handoff), firstAppointment };
      refuseIfBroken([
        ...checkChildcareConstraints(domain),
        ...checkAppointmentNotInPast(domain, context.clock().toISOString()),
      ]);
      const updated = await db.transaction(async (tx) => {
        const row = await updateHandoff(tx, handoff, { firstAppointment });
        if (!row) throw new Conflict('CHANGED_MEANWHILE', 'the handoff changed while this request ran');
        const previous = handoff.firstAppointment as { at: string; place: string } | null;
        await publish(tx, context.topicPrefix, row.providerId, [
          appointmentChanged(row, previous, { correlationId: request.id }),
        ]);
        return row;
      });
      return statusView(updated);
    },
  );
}

/** Prison healthcare sees its own prison's women only; anything else is a 404, and the denial is audited. */
async function ownPrisonHandoff(
  context: ServiceContext,
  request: FastifyRequest,
  id: string,
  action: string,
): Promise<HandoffRow> {
  const handoff = await findHandoff(context.db, id);
  const allowed = handoff !== undefined && handoff.prisonCode === request.user.prison;
  await audit(context.db, request, {
    action,
    personId: handoff?.personId ?? null,
    resourceId: id,
    categories: ['treatment-status'],
    outcome: allowed ? 'allowed' : 'denied',
  });
  if (!allowed) throw new NotFound('no such handoff');
  return handoff;
}

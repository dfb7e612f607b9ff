import { Conflict, type Server, type ServiceContext } from '@resettle/platform';
import { findRelease, updateHandoff } from '../db/handoffs.js';
import { violation } from '../domain/index.js';
import { appointmentChanged } from '../events/handoff-events.js';
import { publish } from '../events/publish.js';
import { ownPrisonHandoff } from './access.js';
import { checkAgainstRelease, domainFromRow, refuseIfBroken } from './rules.js';
import { AppointmentRequest, IdParams } from './schemas.js';
import { statusView } from './views.js';

export async function appointmentRoutes(app: Server, context: ServiceContext): Promise<void> {
  app.put(
    '/api/handoffs/:id/appointment',
    {
      onRequest: app.requireRole('prison-healthcare'),
      schema: {
        summary: 'Change the first appointment (every rule runs again)',
        tags: ['handoffs'],
        params: IdParams,
        body: AppointmentRequest,
      },
    },
    async (request) => {
      const handoff = await ownPrisonHandoff(context, request, request.params.id, 'change-appointment');
      if (handoff.status === 'declined') {
        refuseIfBroken([violation('ILLEGAL_TRANSITION', 'status', 'The provider declined: book a new handoff.')]);
      }
      const release = await findRelease(context.db, handoff.releaseId);
      if (release?.status !== 'scheduled') {
        throw new Conflict('RELEASE_NOT_SCHEDULED', `the release is ${release?.status ?? 'unknown'}`);
      }
      const { firstAppointment } = request.body;
      const expectedArrivalAt = handoff.expectedArrivalAt?.toISOString() ?? null;
      checkAgainstRelease({ ...domainFromRow(handoff), firstAppointment }, release, context.clock(), expectedArrivalAt);
      const updated = await context.db.transaction(async (tx) => {
        const row = await updateHandoff(tx, handoff, { firstAppointment });
        if (!row) throw new Conflict('CHANGED_MEANWHILE', 'the handoff changed while this request ran');
        const previous = handoff.firstAppointment as { at: string; place: string } | null;
        await publish(tx, context.topicPrefix, row, [appointmentChanged(row, previous, { correlationId: request.id })]);
        return row;
      });
      return statusView(updated);
    },
  );
}

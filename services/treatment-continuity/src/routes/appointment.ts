import { Conflict, problemsFor, type Server, type ServiceContext } from '@resettle/platform';
import { updateHandoff } from '../db/handoffs.js';
import { findRelease } from '../db/releases.js';
import { violation } from '../domain/index.js';
import { appointmentChanged } from '../events/handoff-events.js';
import { publish } from '../events/publish.js';
import { lockedHandoff, ownPrisonHandoff } from './access.js';
import { checkAgainstRelease, domainFromRow, refuseIfBroken } from './rules.js';
import { AppointmentRequest, HandoffStatusView, IdParams } from './schemas.js';
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
        response: { 200: HandoffStatusView, ...problemsFor(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const { id } = await ownPrisonHandoff(context, request, request.params.id, 'change-appointment');
      const { firstAppointment } = request.body;
      const updated = await context.transact(request, async (work) => {
        const handoff = await lockedHandoff(work, id);
        if (handoff.status === 'declined') {
          refuseIfBroken([violation('ILLEGAL_TRANSITION', 'status', 'The provider declined: book a new handoff.')]);
        }
        const release = await findRelease(work.tx, handoff.releaseId);
        if (release?.status !== 'scheduled') {
          throw new Conflict('RELEASE_NOT_SCHEDULED', `the release is ${release?.status ?? 'unknown'}`);
        }
        const expectedArrivalAt = handoff.expectedArrivalAt?.toISOString() ?? null;
        const changed = { ...domainFromRow(handoff), firstAppointment };
        checkAgainstRelease(changed, release, work.now(), expectedArrivalAt);
        const row = await updateHandoff(work.tx, handoff, { firstAppointment });
        if (!row) throw new Conflict('CHANGED_MEANWHILE', 'the handoff changed while this request ran');
        await publish(work, row, [appointmentChanged(row, firstAppointment, handoff.firstAppointment)]);
        return row;
      });
      return statusView(updated);
    },
  );
}

import { Conflict, problemsFor, type Server, type ServiceContext } from '@resettle/platform';
import { updateHandoff } from '../db/handoffs.js';
import { findRelease } from '../db/releases.js';
import { type Appointment, decideAppointmentConfirmation, nextStatus } from '../domain/index.js';
import { appointmentChanged, handoffAccepted } from '../events/handoff-events.js';
import { publish } from '../events/publish.js';
import { addressedTo, lockedHandoff } from './access.js';
import { appointmentToConfirm, refuseUnlessCurrentRelease } from './confirm-appointment.js';
import { refuseIfBroken } from './rules.js';
import { IdParams, ProviderAppointmentRequest, ProviderHandoffView } from './schemas.js';
import { providerView } from './views.js';

/**
 * The provider confirms or moves the first appointment of a handoff it has accepted (or one waiting for re-confirmation
 * after her release moved, which it accepts again). Every booking rule runs against the release as it is now; a move
 * is told as healthcare's change is, and every change gives transport and accommodation a new handoff revision.
 */
export async function providerAppointmentRoutes(app: Server, context: ServiceContext): Promise<void> {
  app.put(
    '/api/provider/handoffs/:id/appointment',
    {
      onRequest: app.requireRole('provider'),
      schema: {
        summary: 'Confirm or move the first appointment of a handoff you accepted (every rule runs again)',
        tags: ['provider'],
        params: IdParams,
        body: ProviderAppointmentRequest,
        response: { 200: ProviderHandoffView, ...problemsFor(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const { id } = await addressedTo(context, request, request.params.id, 'provider-confirm-appointment');
      const { firstAppointment: offered, releaseRevision } = request.body;
      const confirmed = await context.transact(request, async (work) => {
        const handoff = await lockedHandoff(work, id);
        const decision = decideAppointmentConfirmation(handoff.status, handoff.keyWorker !== null);
        refuseIfBroken(decision.violations);
        const release = await findRelease(work.tx, handoff.releaseId);
        refuseUnlessCurrentRelease(releaseRevision, release);
        if (release?.status === 'released') {
          throw new Conflict(
            'RELEASE_ALREADY_HAPPENED',
            'she has been released: record what happened to the first appointment instead (moved, with the new time)',
          );
        }
        const firstAppointment = appointmentToConfirm(handoff, offered, release, work.now());
        const status = decision.reconfirms ? nextStatus(handoff.status, 'reconfirm').status : handoff.status;
        const reconfirmed = decision.reconfirms ? { statusReason: null } : {};
        const row = await updateHandoff(work.tx, handoff, {
          firstAppointment,
          status: status ?? handoff.status,
          ...reconfirmed,
        });
        if (!row) throw new Conflict('CHANGED_MEANWHILE', 'the handoff changed while this request ran');
        const moved = !sameAppointment(handoff.firstAppointment, firstAppointment);
        await publish(work, row, [
          ...(decision.reconfirms && row.keyWorker
            ? [handoffAccepted(row, { keyWorker: row.keyWorker, firstAppointment })]
            : []),
          ...(moved ? [appointmentChanged(row, firstAppointment, handoff.firstAppointment)] : []),
        ]);
        return { row, release };
      });
      return providerView(confirmed.row, confirmed.release);
    },
  );
}

function sameAppointment(before: Appointment | null, after: Appointment): boolean {
  return before !== null && Date.parse(before.at) === Date.parse(after.at) && before.place === after.place;
}

import { Conflict, RuleRefusal, type ServiceContext } from '@resettle/platform';
import { findRelease, type HandoffRow } from '../db/handoffs.js';
import { checkAgainstRelease, domainFromRow } from './rules.js';

type Appointment = { at: string; place: string };

/**
 * The provider confirms the booked appointment or offers its own. Either must fit the release as it is now (it may
 * have moved since the booking), so every rule runs again while the release is still to come.
 */
export async function appointmentToConfirm(
  context: ServiceContext,
  handoff: HandoffRow,
  offered: Appointment | undefined,
): Promise<Appointment> {
  const appointment = offered ?? (handoff.firstAppointment as Appointment | null);
  if (!appointment) {
    throw new RuleRefusal('FIRST_APPOINTMENT_REQUIRED', 'Give the first appointment you will see her at.', {
      field: 'body.firstAppointment',
    });
  }
  const release = await findRelease(context.db, handoff.releaseId);
  if (release?.status === 'cancelled') throw new Conflict('RELEASE_NOT_SCHEDULED', 'the release was cancelled');
  if (release?.status === 'scheduled') {
    const expectedArrivalAt = handoff.expectedArrivalAt?.toISOString() ?? null;
    const domain = { ...domainFromRow(handoff), firstAppointment: appointment };
    checkAgainstRelease(domain, release, context.clock(), expectedArrivalAt);
  }
  return appointment;
}

import { type Violation, violation } from '@resettle/platform/rules';
import type { HandoffStatus } from './status.js';

/**
 * What the provider's confirmation (or move) of the first appointment does to the handoff: an accepted handoff stays
 * accepted; one waiting for re-confirmation after her release moved is accepted again, with the key worker she already
 * has. Anything else must be answered first (accepted naming the key worker), so it is refused.
 */
export interface AppointmentConfirmation {
  reconfirms: boolean;
  violations: Violation[];
}

export function decideAppointmentConfirmation(status: HandoffStatus, hasKeyWorker: boolean): AppointmentConfirmation {
  if (status === 'accepted') return { reconfirms: false, violations: [] };
  if (status === 'needs-reconfirmation' && hasKeyWorker) return { reconfirms: true, violations: [] };
  const message =
    status === 'needs-reconfirmation'
      ? 'The handoff has no key worker yet: accept it, naming the key worker, with the appointment.'
      : `Only an accepted handoff's appointment can be confirmed or moved here (this one is ${status}).`;
  return { reconfirms: false, violations: [violation('HANDOFF_NOT_ACCEPTED', 'status', message)] };
}

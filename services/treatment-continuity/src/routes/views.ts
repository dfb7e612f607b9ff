import type { HandoffRow } from '../db/handoffs.js';

/** Prison healthcare sees the status and the provider's answer. */
export function statusView(handoff: HandoffRow) {
  return {
    id: handoff.id,
    personId: handoff.personId,
    releaseId: handoff.releaseId,
    providerId: handoff.providerId,
    status: handoff.status,
    statusReason: handoff.statusReason,
    firstAppointment: handoff.firstAppointment,
    keyWorker: handoff.keyWorker,
    declineReason: handoff.declineReason,
    revision: handoff.revision,
  };
}

/** The provider, as the recipient, sees the clinical detail it needs to take over her care. */
export function providerView(handoff: HandoffRow) {
  return {
    ...statusView(handoff),
    treatment: handoff.treatment,
    naloxoneSupplied: handoff.naloxoneSupplied,
    bridgingPrescription: handoff.bridgingPrescription,
    weekendCoverPlan: handoff.weekendCoverPlan,
    preferences: handoff.preferences,
    referrals: handoff.referrals,
  };
}

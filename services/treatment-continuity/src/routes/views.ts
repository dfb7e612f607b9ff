import type { HandoffRow } from '../db/handoffs.js';
import type { ReleaseRow } from '../db/releases.js';
import type { deliveriesOf } from '../db/webhook-deliveries.js';

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

// Staff's own words (a planner's reason for moving the release, a nurse's for withdrawing) stay in the prison: the
// provider reads what happened, as the webhook tells it by category. Its own decline reason it may read back.
const TOLD_TO_PROVIDER: Partial<Record<HandoffRow['status'], string>> = {
  'needs-reconfirmation': 'The release moved or was cancelled: confirm the handoff for the current release.',
  withdrawn: 'Prison healthcare withdrew the handoff.',
};

/** The provider, as the recipient, sees the clinical detail it needs to take over her care. */
export function providerView(handoff: HandoffRow, release?: ReleaseRow) {
  return {
    ...statusView(handoff),
    statusReason: TOLD_TO_PROVIDER[handoff.status] ?? handoff.statusReason,
    ...(release
      ? {
          release: {
            releaseDate: release.releaseDate,
            gateAt: release.gateAt.toISOString(),
            revision: release.revision,
            status: release.status,
            gatePassedAt: release.gatePassedAt?.toISOString() ?? null,
          },
        }
      : {}),
    treatment: handoff.treatment,
    naloxoneSupplied: handoff.naloxoneSupplied,
    bridgingPrescription: handoff.bridgingLastDayCovered ? { lastDayCovered: handoff.bridgingLastDayCovered } : null,
    weekendCoverPlan: handoff.weekendCoverPlan,
    preferences: handoff.preferences,
    referrals: handoff.referrals,
    alarm: handoff.missedFirstAppointment
      ? { kind: 'missed-first-appointment' as const, ...handoff.missedFirstAppointment }
      : null,
  };
}

type Delivery = Awaited<ReturnType<typeof deliveriesOf>>[number];

/** A delivery and its attempts, times as ISO instants (the retry bookkeeping stays inside). */
export function deliveryView({ retryFromAttempt: _from, retrySince: _since, ...delivery }: Delivery) {
  return {
    ...delivery,
    nextAttemptAt: delivery.nextAttemptAt.toISOString(),
    deliveredAt: delivery.deliveredAt?.toISOString() ?? null,
    failedAt: delivery.failedAt?.toISOString() ?? null,
    createdAt: delivery.createdAt.toISOString(),
    log: delivery.log.map((attempt) => ({ ...attempt, at: attempt.at.toISOString() })),
  };
}

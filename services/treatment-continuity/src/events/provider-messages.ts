import type { EventDraft, ProviderMessageDraft, ReconfirmationReason, WithdrawalReason } from '@resettle/contracts';
import type { HandoffRow } from '../db/handoffs.js';
import type { ReleaseRow } from '../db/releases.js';

function facts(handoff: HandoffRow) {
  return {
    handoffId: handoff.id,
    releaseId: handoff.releaseId,
    providerId: handoff.providerId,
    providerArea: handoff.providerArea,
  };
}

/** The handoff with its clinical detail: for the provider it is addressed to, and nobody else. */
export function handoffSentToProvider(handoff: HandoffRow, release: ReleaseRow): ProviderMessageDraft {
  return {
    key: 'treatment.handoff.sent@v1',
    personId: handoff.personId,
    data: {
      ...facts(handoff),
      releaseDate: release.releaseDate,
      gateAt: release.gateAt.toISOString(),
      treatment: handoff.treatment,
      naloxoneSupplied: handoff.naloxoneSupplied,
      bridgingPrescription: handoff.bridgingLastDayCovered !== null,
      firstAppointment: handoff.firstAppointment,
      preferences: handoff.preferences,
      referrals: handoff.referrals,
    },
  };
}

/** The release moved or was cancelled: the category, never the planner's words. */
export function reconfirmationAsked(
  handoff: HandoffRow,
  release: ReleaseRow | null,
  reasonCategory: ReconfirmationReason,
): ProviderMessageDraft {
  return {
    key: 'treatment.handoff.needs-reconfirmation@v2',
    personId: handoff.personId,
    data: {
      ...facts(handoff),
      reasonCategory,
      releaseDate: release?.releaseDate ?? null,
      gateAt: release?.gateAt.toISOString() ?? null,
    },
  };
}

/** Prison healthcare withdrew the handoff: the category, never the nurse's words. */
export function withdrawalTold(handoff: HandoffRow, reasonCategory: WithdrawalReason): ProviderMessageDraft {
  return {
    key: 'treatment.handoff.withdrawn@v2',
    personId: handoff.personId,
    data: { ...facts(handoff), reasonCategory },
  };
}

/** Status events a provider must act on and that hold nothing it may not see are told to it as they are. */
export function toldAsIs(draft: EventDraft): ProviderMessageDraft[] {
  if (draft.type === 'treatment.handoff.appointment-changed') {
    return [{ key: 'treatment.handoff.appointment-changed@v1', personId: draft.personId, data: draft.data }];
  }
  return [];
}

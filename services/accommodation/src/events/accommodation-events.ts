import type { EventDraft } from '@resettle/contracts';
import type { KnownRelease } from '@resettle/platform/release-copy';
import type { AccommodationRow } from '../db/accommodations.js';
import type { SafeguardingAlertRow } from '../db/safeguarding-alerts.js';
import type { AccommodationVerdict } from '../domain/index.js';

/** What others may know: never her restricted areas, nor who confirmed it. */
function accommodationFacts(row: AccommodationRow) {
  return {
    accommodationId: row.id,
    releaseId: row.releaseId,
    type: row.type,
    localAuthority: row.localAuthority,
    postcodeDistrict: row.postcodeDistrict,
    confirmedFrom: row.confirmedFrom,
    womenOnly: row.womenOnly,
    localTreatmentMismatch: row.localTreatmentMismatch,
  };
}

export function accommodationConfirmed(row: AccommodationRow): EventDraft<'accommodation.confirmed'> {
  return { type: 'accommodation.confirmed', personId: row.personId, data: accommodationFacts(row) };
}

export function accommodationChanged(row: AccommodationRow): EventDraft<'accommodation.changed'> {
  return { type: 'accommodation.changed', personId: row.personId, data: accommodationFacts(row) };
}

export function accommodationAtRisk(row: AccommodationRow, releaseDate: string): EventDraft<'accommodation.at-risk'> {
  const reason = row.statusReason ?? 'Accommodation no longer fits';
  const data = {
    accommodationId: row.id,
    releaseId: row.releaseId,
    reason,
    releaseDate,
    confirmedFrom: row.confirmedFrom,
  };
  return { type: 'accommodation.at-risk', personId: row.personId, data };
}

export function accommodationWithdrawn(row: AccommodationRow, reason: string): EventDraft<'accommodation.withdrawn'> {
  const data = { accommodationId: row.id, releaseId: row.releaseId, reason };
  return { type: 'accommodation.withdrawn', personId: row.personId, data };
}

/** accommodation's verdict on the pathway, stamped with the release revision it was judged against. */
export function accommodationPathwayJudged(
  release: KnownRelease,
  verdict: AccommodationVerdict,
): EventDraft<'accommodation.pathway-judged'> {
  return {
    type: 'accommodation.pathway-judged',
    personId: release.personId,
    data: {
      releaseId: release.releaseId,
      pathway: 'accommodation',
      required: true,
      ...verdict,
      judgedAgainst: { releaseRevision: release.revision },
    },
  };
}

/** Repeated declines for her: for her offender manager. No place, area or reason. */
export function accommodationSafeguardingAlert(
  alert: SafeguardingAlertRow,
): EventDraft<'accommodation.safeguarding-alert'> {
  return {
    type: 'accommodation.safeguarding-alert',
    personId: alert.personId,
    data: {
      alertId: alert.id,
      releaseId: alert.releaseId,
      probationRegion: alert.probationRegion,
      declinedProposals: alert.declinedProposals,
    },
  };
}

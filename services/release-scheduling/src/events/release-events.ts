import type { EventDraft, ReleaseScheduled } from '@resettle/contracts';
import type { ReleaseRow } from '../db/releases.js';

/** What every other service needs to know about a release: dates, gate time, the rules that moved it, the flags. */
export function releaseFacts(release: ReleaseRow): ReleaseScheduled {
  return {
    releaseId: release.id,
    prisonCode: release.prisonCode,
    probationRegion: release.probationRegion,
    legalReleaseDate: release.legalReleaseDate,
    releaseDate: release.releaseDate,
    gateTime: release.gateTime,
    gateAt: release.gateAt.toISOString(),
    rulesApplied: release.rulesApplied,
    dayOfReleaseMoveEligible: !release.rulesApplied.some(
      (applied) => applied.rule === 'INELIGIBLE_DAY_OF_RELEASE_MOVE',
    ),
    weekendCoverPlanRequired: release.weekendCoverPlanRequired,
    shortNotice: release.shortNotice,
    shortNoticeReason: release.shortNoticeReason,
    shortSentence: release.shortSentence,
  };
}

export function releaseScheduled(release: ReleaseRow): EventDraft<'release.scheduled'> {
  return { type: 'release.scheduled', personId: release.personId, data: releaseFacts(release) };
}

export function releaseRescheduled(
  release: ReleaseRow,
  previous: ReleaseRow,
  reason: string,
): EventDraft<'release.rescheduled'> {
  const { releaseDate, gateTime, gateAt } = previous;
  return {
    type: 'release.rescheduled',
    personId: release.personId,
    data: { ...releaseFacts(release), previous: { releaseDate, gateTime, gateAt: gateAt.toISOString() }, reason },
  };
}

export function releaseCancelled(release: ReleaseRow, reason: string): EventDraft<'release.cancelled'> {
  return {
    type: 'release.cancelled',
    personId: release.personId,
    data: { releaseId: release.id, prisonCode: release.prisonCode, reason },
  };
}

export function releaseOccurred(release: ReleaseRow, gatePassedAt: Date): EventDraft<'release.occurred'> {
  return {
    type: 'release.occurred',
    personId: release.personId,
    data: {
      releaseId: release.id,
      prisonCode: release.prisonCode,
      releaseDate: release.releaseDate,
      gatePassedAt: gatePassedAt.toISOString(),
    },
  };
}

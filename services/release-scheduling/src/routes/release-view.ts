import type { ReleaseRow } from '../db/releases.js';

export function asReleaseView(release: ReleaseRow) {
  return {
    id: release.id,
    personId: release.personId,
    prisonCode: release.prisonCode,
    probationRegion: release.probationRegion,
    status: release.status,
    legalReleaseDate: release.legalReleaseDate,
    releaseDate: release.releaseDate,
    gateTime: release.gateTime,
    gateAt: release.gateAt.toISOString(),
    releaseFrom: release.releaseFrom,
    rulesApplied: release.rulesApplied,
    weekendCoverPlanRequired: release.weekendCoverPlanRequired,
    shortNotice: release.shortNotice,
    shortNoticeReason: release.shortNoticeReason,
    shortSentence: release.shortSentence,
    revision: release.revision,
  };
}

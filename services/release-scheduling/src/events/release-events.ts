import type { EventDraft, ReleaseScheduled } from '@resettle/contracts';
import type { ReleaseRow } from '../db/releases.js';
import { judgeRelease } from '../domain/judge-release.js';

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

// Every release event is v2: it names the revision the change made, which every pathway owner judges against.

export function releaseScheduled(release: ReleaseRow): EventDraft<'release.scheduled'> {
  return {
    type: 'release.scheduled',
    version: 2,
    personId: release.personId,
    data: { ...releaseFacts(release), revision: release.revision },
  };
}

export function releaseRescheduled(
  release: ReleaseRow,
  previous: ReleaseRow,
  reason: string,
): EventDraft<'release.rescheduled'> {
  const { releaseDate, gateTime, gateAt } = previous;
  return {
    type: 'release.rescheduled',
    version: 2,
    personId: release.personId,
    data: {
      ...releaseFacts(release),
      previous: { releaseDate, gateTime, gateAt: gateAt.toISOString() },
      reason,
      revision: release.revision,
    },
  };
}

export function releaseCancelled(release: ReleaseRow, reason: string): EventDraft<'release.cancelled'> {
  return {
    type: 'release.cancelled',
    version: 2,
    personId: release.personId,
    data: { releaseId: release.id, prisonCode: release.prisonCode, reason, revision: release.revision },
  };
}

export function releaseOccurred(release: ReleaseRow, gatePassedAt: Date): EventDraft<'release.occurred'> {
  return {
    type: 'release.occurred',
    version: 2,
    personId: release.personId,
    data: {
      releaseId: release.id,
      prisonCode: release.prisonCode,
      releaseDate: release.releaseDate,
      gatePassedAt: gatePassedAt.toISOString(),
      revision: release.revision,
    },
  };
}

/** release-scheduling's verdict on the release pathway, published with every change (same unit of work). */
export function releasePathwayJudged(release: ReleaseRow): EventDraft<'release.pathway-judged'> {
  return {
    type: 'release.pathway-judged',
    personId: release.personId,
    data: judgeRelease({ ...release, releaseId: release.id }),
  };
}

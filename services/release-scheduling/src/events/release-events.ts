import { createEvent, type EventEnvelope } from '@resettle/contracts';
import type { ReleaseRow } from '../db/releases.js';

const SOURCE = 'release-scheduling';

interface Cause {
  correlationId: string;
  causationId?: string | null;
}

/** What every other service needs to know about a release: dates, gate time, the rules that moved it, the flags. */
export function releaseFacts(release: ReleaseRow) {
  return {
    releaseId: release.id,
    prisonCode: release.prisonCode,
    probationRegion: release.probationRegion,
    legalReleaseDate: release.legalReleaseDate,
    releaseDate: release.releaseDate,
    gateTime: release.gateTime,
    gateAt: release.gateAt.toISOString(),
    rulesApplied: release.rulesApplied as { rule: string; from: string; to: string; explanation: string }[],
    dayOfReleaseMoveEligible: !(release.rulesApplied as { rule: string }[]).some(
      (applied) => applied.rule === 'INELIGIBLE_DAY_OF_RELEASE_MOVE',
    ),
    weekendCoverPlanRequired: release.weekendCoverPlanRequired,
    shortNotice: release.shortNotice,
    shortNoticeReason: release.shortNoticeReason as 'COURT' | 'VIDEO_LINK' | 'UNDER_48_HOURS_NOTICE' | null,
    shortSentence: release.shortSentence,
  };
}

export function releaseScheduled(release: ReleaseRow, cause: Cause): EventEnvelope {
  return createEvent({
    type: 'release.scheduled',
    personId: release.personId,
    source: SOURCE,
    ...cause,
    data: releaseFacts(release),
  });
}

export function releaseRescheduled(release: ReleaseRow, previous: ReleaseRow, reason: string, cause: Cause) {
  return createEvent({
    type: 'release.rescheduled',
    personId: release.personId,
    source: SOURCE,
    ...cause,
    data: {
      ...releaseFacts(release),
      previous: {
        releaseDate: previous.releaseDate,
        gateTime: previous.gateTime,
        gateAt: previous.gateAt.toISOString(),
      },
      reason,
    },
  });
}

export function releaseCancelled(release: ReleaseRow, reason: string, cause: Cause): EventEnvelope {
  return createEvent({
    type: 'release.cancelled',
    personId: release.personId,
    source: SOURCE,
    ...cause,
    data: { releaseId: release.id, prisonCode: release.prisonCode, reason },
  });
}

export function releaseOccurred(release: ReleaseRow, cause: Cause): EventEnvelope {
  return createEvent({
    type: 'release.occurred',
    personId: release.personId,
    source: SOURCE,
    ...cause,
    data: {
      releaseId: release.id,
      prisonCode: release.prisonCode,
      releaseDate: release.releaseDate,
      gatePassedAt: (release.gatePassedAt ?? new Date()).toISOString(),
    },
  });
}

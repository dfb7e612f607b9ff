import type { UnitOfWork } from '@resettle/platform';
import { type HandoffRow, standingHandoff } from '../db/handoffs.js';
import { findRelease, type ReleaseRow } from '../db/releases.js';
import { type HandoffToJudge, judgeTreatment, type ReleaseToJudge } from '../domain/judge-treatment.js';
import { domainFromRow } from '../routes/rules.js';

/**
 * Judges the treatment pathway and the referral pathways of one release from what this service holds now (its copy
 * of the release read now, unless the caller has just written it), and publishes every verdict in the unit of work:
 * after every change of a handoff and every release event, even when nothing is booked and even when the verdict is
 * unchanged, so silence never means "still fine".
 */
export async function publishJudgements(
  work: UnitOfWork,
  releaseId: string,
  personId: string,
  kept?: ReleaseRow,
): Promise<void> {
  const release = kept ?? (await findRelease(work.tx, releaseId));
  const handoff = await standingHandoff(work.tx, releaseId);
  const verdicts = judgeTreatment({
    releaseId,
    release: release ? releaseToJudge(release) : null,
    handoff: handoff ? handoffToJudge(handoff) : null,
    handoffRevision: release?.handoffRevision ?? 0,
  });
  work.publish(...verdicts.map((data) => ({ type: 'treatment.pathway-judged' as const, personId, data })));
}

/** The release as the rules read it, from this service's copy. */
export function releaseToJudge(release: ReleaseRow): ReleaseToJudge {
  return {
    status: release.status,
    releaseDate: release.releaseDate,
    gateAt: release.gateAt.toISOString(),
    weekendCoverPlanRequired: release.weekendCoverPlanRequired,
    shortNotice: release.shortNotice,
    revision: release.revision,
    gatePassedAt: release.gatePassedAt?.toISOString() ?? null,
  };
}

function handoffToJudge(handoff: HandoffRow): HandoffToJudge {
  return {
    ...domainFromRow(handoff),
    status: handoff.status,
    statusReason: handoff.statusReason,
    declineReason: handoff.declineReason,
    keyWorker: handoff.keyWorker,
    expectedArrivalAt: handoff.expectedArrivalAt?.toISOString() ?? null,
  };
}

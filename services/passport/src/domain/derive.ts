import { shortNoticeChecklist } from './checklist.js';
import { composePathways } from './compose.js';
import type { Passport, PassportFacts } from './passport.js';

/** The passport is a pure function of the facts: every pathway is its owner's verdict on the current release. */
export function derivePassport(ids: { personId: string; releaseId: string }, facts: PassportFacts): Passport {
  const release = facts.release;
  const pathways = composePathways(facts);
  return {
    ...ids,
    prisonCode: release?.prisonCode ?? null,
    probationRegion: release?.probationRegion ?? null,
    releaseDate: release?.releaseDate ?? null,
    gateTime: release?.gateTime ?? null,
    gateAt: release?.gateAt ?? null,
    releaseStatus: release?.status ?? 'unknown',
    releaseRevision: release?.revision ?? 0,
    shortNotice: release?.shortNotice ?? false,
    shortSentence: release?.shortSentence ?? false,
    weekendCoverPlanRequired: release?.weekendCoverPlanRequired ?? false,
    pathways,
    shortNoticeChecklist: shortNoticeChecklist(facts, pathways),
    alarm: facts.aftercare?.alarm ?? null,
    facts,
  };
}

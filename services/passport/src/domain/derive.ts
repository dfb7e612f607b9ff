import { shortNoticeChecklist } from './checklist.js';
import type { Passport, PassportFacts, PassportSettings } from './passport.js';
import { accommodationPathway } from './pathway-accommodation.js';
import { optionalPathways } from './pathway-optional.js';
import { releasePathway } from './pathway-release.js';
import { transportPathway } from './pathway-transport.js';
import { treatmentPathway } from './pathway-treatment.js';

/** The passport is a pure function of the facts: every pathway is judged against the current release. */
export function derivePassport(
  ids: { personId: string; releaseId: string },
  facts: PassportFacts,
  settings: PassportSettings,
): Passport {
  const release = facts.release;
  const accommodation = accommodationPathway(facts.accommodation, release);
  const transport = transportPathway(facts.transport, release, facts.handoff, settings.eveningCutoff);
  const checklist = shortNoticeChecklist(facts, accommodation, transport);
  return {
    ...ids,
    prisonCode: release?.prisonCode ?? null,
    probationRegion: release?.probationRegion ?? null,
    releaseDate: release?.releaseDate ?? null,
    gateTime: release?.gateTime ?? null,
    gateAt: release?.gateAt ?? null,
    releaseStatus: release?.status ?? 'unknown',
    shortNotice: release?.shortNotice ?? false,
    shortSentence: release?.shortSentence ?? false,
    weekendCoverPlanRequired: release?.weekendCoverPlanRequired ?? false,
    pathways: {
      release: releasePathway(release, checklist),
      treatment: treatmentPathway(facts.handoff, release),
      accommodation,
      transport,
      ...optionalPathways(facts.handoff),
    },
    shortNoticeChecklist: checklist,
    facts,
  };
}

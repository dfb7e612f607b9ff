import type { Folded } from './fold-release.js';
import {
  type Judgement,
  PATHWAY_LABELS,
  PATHWAY_OWNER,
  type PassportFacts,
  type PathwayOwner,
  STATUS_WORDS,
} from './passport.js';
import type { JudgementEvent } from './upstream.js';

const OWNER_OF_EVENT: Record<JudgementEvent['type'], PathwayOwner> = {
  'release.pathway-judged': 'release-scheduling',
  'treatment.pathway-judged': 'treatment-continuity',
  'accommodation.pathway-judged': 'accommodation',
  'transport.pathway-judged': 'transport',
};

export function isJudgement(event: { type: string }): event is JudgementEvent {
  return event.type in OWNER_OF_EVENT;
}

/**
 * Keeps each pathway's latest verdict as its owner said it (each owner's topic keeps its order, so the latest to
 * arrive is the latest given). A verdict from a service that does not own the pathway is not the passport's to use.
 */
export function foldJudgement(facts: PassportFacts, event: JudgementEvent): Folded<PassportFacts> {
  const owner = OWNER_OF_EVENT[event.type];
  const { pathway, required, status, reasons, missing, judgedAgainst } = event.data;
  const label = PATHWAY_LABELS[pathway];
  if (PATHWAY_OWNER[pathway] !== owner) {
    return { facts, summary: `${owner} judged ${label}, which it does not own: not used` };
  }
  const judgement: Judgement = {
    owner,
    required,
    status,
    reasons: reasons.map(({ rule, message }) => ({ rule, message })),
    missing: [...missing],
    judgedAgainst: {
      releaseRevision: judgedAgainst.releaseRevision,
      handoffRevision: judgedAgainst.handoffRevision ?? null,
    },
  };
  const first = facts.firstJudgements[pathway];
  const sameRevision = first?.judgedAgainst.releaseRevision === judgement.judgedAgainst.releaseRevision;
  const handoffRevision = judgement.judgedAgainst.handoffRevision;
  const newestHandoffRevision =
    handoffRevision === null
      ? facts.newestHandoffRevision
      : Math.max(facts.newestHandoffRevision ?? 0, handoffRevision);
  const because = reasons.length > 0 ? `: ${reasons.map((reason) => reason.message).join('; ')}` : '';
  const against = `release revision ${judgedAgainst.releaseRevision}${
    handoffRevision === null ? '' : `, handoff revision ${handoffRevision}`
  }`;
  return {
    facts: {
      ...facts,
      judgements: { ...facts.judgements, [pathway]: judgement },
      firstJudgements: sameRevision ? facts.firstJudgements : { ...facts.firstJudgements, [pathway]: judgement },
      newestHandoffRevision,
    },
    summary: `${owner} judged ${label} ${verdictWords(status, required)} against ${against}${because}`,
  };
}

/** As the pages show it: a pathway she does not need is "not needed", and only its status when there is one. */
function verdictWords(status: Judgement['status'], required: boolean): string {
  if (required) return STATUS_WORDS[status];
  return status === 'not-started' ? 'not needed' : `not needed, ${STATUS_WORDS[status]}`;
}

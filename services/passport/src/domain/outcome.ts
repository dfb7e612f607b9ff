import { PATHWAYS } from '@resettle/contracts';
import { ALWAYS_REQUIRED, PATHWAY_LABELS, PATHWAY_OWNER, type Passport, type PathwayOwner } from './passport.js';

export type ReleaseOutcome =
  | { status: 'awaiting-re-check'; owedBy: PathwayOwner[]; reasons: string[] }
  | { status: 'complete'; reasons: [] }
  | { status: 'incomplete'; reasons: string[] };

/**
 * Whether she left with a complete passport, judged against what happened: each owner re-judges the revision of
 * release.occurred (a gate passed after the transport left, or after the first appointment, is not complete), and the
 * verdict that counts is each owner's first on that revision, whatever came after she left. Until every required
 * owner has given it, the outcome awaits their re-check. Null while she has not left.
 */
export function releaseOutcome(passport: Passport): ReleaseOutcome | null {
  const release = passport.facts.release;
  // A passport saved before verdicts existed has no outcome to give here (its recorded one stands).
  if (passport.releaseStatus !== 'released' || !release || !passport.facts.firstJudgements) return null;
  const { firstJudgements, judgements } = passport.facts;
  const atGate = (name: (typeof PATHWAYS)[number]) => {
    const first = firstJudgements[name];
    return first?.judgedAgainst.releaseRevision === release.revision ? first : undefined;
  };
  const required = PATHWAYS.filter(
    (name) => ALWAYS_REQUIRED.includes(name) || (atGate(name) ?? judgements[name])?.required === true,
  );
  const owed = required.filter((name) => atGate(name) === undefined);
  if (owed.length > 0) {
    const owedBy = [...new Set(owed.map((name) => PATHWAY_OWNER[name]))];
    const reasons = owed.map(
      (name) => `${PATHWAY_LABELS[name]}: ${PATHWAY_OWNER[name]} has not judged it since she left`,
    );
    return { status: 'awaiting-re-check', owedBy, reasons };
  }
  const short = required.flatMap((name) => {
    const verdict = atGate(name)!;
    if (verdict.status === 'complete') return [];
    const words = verdict.reasons.map((reason) => reason.message).join('; ') || verdict.status.replace('-', ' ');
    return [`${PATHWAY_LABELS[name]}: ${words}`];
  });
  return short.length === 0 ? { status: 'complete', reasons: [] } : { status: 'incomplete', reasons: short };
}

import { ANONYMISED } from '@resettle/platform';
import type { Judgement, Passport, PathwayName } from './passport.js';

const withoutMessages = (judgements: Partial<Record<PathwayName, Judgement>>) =>
  Object.fromEntries(
    Object.entries(judgements).map(([pathway, judgement]) => [
      pathway,
      { ...judgement, reasons: judgement.reasons.map((reason) => ({ rule: reason.rule, message: ANONYMISED })) },
    ]),
  );

/**
 * Her passport with every free-text reason replaced: statuses, dates, flags, rule codes and what happened after her
 * release (which the continuity figures count) stay as they were.
 */
export function anonymisedPassport(passport: Passport): Passport {
  const pathways = Object.fromEntries(
    Object.entries(passport.pathways).map(([name, pathway]) => [
      name,
      {
        ...pathway,
        reason: pathway.reason === null ? null : ANONYMISED,
        reasons: pathway.reasons.map(() => ANONYMISED),
      },
    ]),
  ) as Passport['pathways'];
  const release = passport.facts.release && { ...passport.facts.release, cancelledReason: null };
  return {
    ...passport,
    pathways,
    facts: {
      ...passport.facts,
      release,
      judgements: withoutMessages(passport.facts.judgements),
      firstJudgements: withoutMessages(passport.facts.firstJudgements),
    },
  };
}

import type { HandoffFacts, Pathway } from './passport.js';

/**
 * A mental-health or domestic-abuse referral travels with the treatment handoff (one joined-up plan, not separate
 * doors): it switches its pathway on, and the pathway is complete once the community provider has accepted the
 * handoff that carries it. No separate service reports on these pathways yet.
 */
export const AWAITING_CONFIRMATION = 'Referral made; the community provider has not yet accepted it';

const notNeeded: Pathway = { required: false, status: 'not-started', reason: null };

export function referralPathway(referred: boolean, handoff: HandoffFacts | null): Pathway {
  if (!referred) return notNeeded;
  if (handoff?.status === 'accepted') return { required: true, status: 'complete', reason: null };
  return { required: true, status: 'in-progress', reason: AWAITING_CONFIRMATION };
}

export function optionalPathways(handoff: HandoffFacts | null) {
  return {
    'mental-health': referralPathway(handoff?.referrals.mentalHealth ?? false, handoff),
    'domestic-abuse-support': referralPathway(handoff?.referrals.domesticAbuse ?? false, handoff),
    'children-and-family': notNeeded,
    'id-and-finance': notNeeded,
  };
}

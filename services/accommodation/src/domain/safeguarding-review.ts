import type { Accommodation } from './accommodation.js';

/**
 * Where a proposed place stands with her offender manager. Every place (any type but `none`) is reviewed by probation
 * of her region before it counts; the coordinator learns only the outcome, never why.
 */
export const SAFEGUARDING_REVIEWS = ['awaiting-review', 'approved', 'not-suitable'] as const;
export type SafeguardingReview = (typeof SAFEGUARDING_REVIEWS)[number];

/** What the coordinator and every event may say about a place found not suitable: no reason, no category. */
export const NOT_SUITABLE_REASON = 'Found not suitable at safeguarding review: propose another place.';

/** Repeated declines for one woman alert her offender manager from this many on (each further one alerts again). */
export const DEFAULT_ALERT_AFTER_DECLINES = 3;

type Place = Pick<Accommodation, 'type' | 'localAuthority' | 'postcodeDistrict'>;

/**
 * The review a proposed or changed place needs. A new place, or a change of type or area, goes to review whatever
 * the restricted areas say (so the answer cannot tell anyone where they are); a change of dates or contact keeps an
 * approval. `none` is not a place and needs no review.
 */
export function reviewOnProposal(
  asked: Place,
  current: (Place & { safeguardingReview: SafeguardingReview | null }) | null,
): SafeguardingReview | null {
  if (asked.type === 'none') return null;
  if (current?.safeguardingReview === 'approved' && samePlace(asked, current)) return 'approved';
  return 'awaiting-review';
}

/** After her restricted areas changed: an approved place that now falls in one goes back to review, never kept. */
export function reviewAfterRestrictionsChanged(
  review: SafeguardingReview | null,
  matchesRestrictedArea: boolean,
): SafeguardingReview | null {
  return review === 'approved' && matchesRestrictedArea ? 'awaiting-review' : review;
}

export type ReviewRefusal = 'REVIEW_ALREADY_DECIDED' | 'ACCOMMODATION_CHANGED_SINCE_VIEWED';

/** A decision is on the place as probation saw it: awaiting review, at the revision on her page. */
export function refusedDecision(
  current: { safeguardingReview: SafeguardingReview | null; revision: number },
  seenRevision: number,
): ReviewRefusal | null {
  if (current.safeguardingReview !== 'awaiting-review') return 'REVIEW_ALREADY_DECIDED';
  if (current.revision !== seenRevision) return 'ACCOMMODATION_CHANGED_SINCE_VIEWED';
  return null;
}

/** Whether this many declined proposals for her call for an alert to her offender manager. */
export function alertDue(declinedProposals: number, alertAfter: number): boolean {
  return declinedProposals >= alertAfter;
}

function samePlace(one: Place, other: Place): boolean {
  const same = (a: string | null, b: string | null) =>
    (a ?? '').trim().toUpperCase() === (b ?? '').trim().toUpperCase();
  return (
    one.type === other.type &&
    same(one.localAuthority, other.localAuthority) &&
    same(one.postcodeDistrict, other.postcodeDistrict)
  );
}

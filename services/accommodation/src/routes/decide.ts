import type { Transaction } from '@resettle/messaging';
import { refuseFirstBroken } from '@resettle/platform';
import { findUsableRelease, type KnownRelease } from '@resettle/platform/release-copy';
import { findProviderArea, type ProviderArea } from '../db/treatment-providers.js';
import {
  checkAccommodation,
  checkConfirmedFromRelease,
  localTreatmentMismatch,
  reviewOnProposal,
  type SafeguardingReview,
  standingOf,
} from '../domain/index.js';
import type { AccommodationChange } from './schemas.js';

/**
 * What a coordinator's proposal is judged against. Her restricted areas are deliberately not among them: a proposal
 * is never refused or marked because of them (that would tell the coordinator where they are); probation's
 * safeguarding review weighs them.
 */
export interface KnownFacts {
  release: KnownRelease;
  provider: ProviderArea | undefined;
}

/** The release as we know it (unknown or someone else's is a 400 or 409) and her provider's area. */
export async function knownFacts(tx: Transaction, releaseId: string, personId: string): Promise<KnownFacts> {
  return {
    release: await findUsableRelease(tx, releaseId, personId),
    provider: await findProviderArea(tx, releaseId),
  };
}

type Current = Parameters<typeof reviewOnProposal>[1];

/**
 * The rules' verdict on a proposal; a refusal is a 422 naming the first rule broken. The place goes to safeguarding
 * review unless it is the same place as an approved one (`current`), whatever her restricted areas are.
 */
export function decideAccommodation(
  asked: AccommodationChange,
  { release, provider }: KnownFacts,
  current: Current,
  at: Date,
) {
  const wellFormed = checkAccommodation(asked);
  refuseFirstBroken([
    ...wellFormed,
    ...(wellFormed.length === 0 ? checkConfirmedFromRelease(asked, release.releaseDate) : []),
  ]);
  const standing = standingOf(asked, release.releaseDate);
  return {
    status: standing.status,
    statusReason: standing.reason,
    localTreatmentMismatch: provider ? localTreatmentMismatch(asked, provider) : false,
    ...reviewColumns(reviewOnProposal(asked, current), current?.safeguardingReview === 'approved', at),
  };
}

/** The review columns for a place whose review is (again) awaited, or that needs none; an approval kept as it was. */
function reviewColumns(review: SafeguardingReview | null, wasApproved: boolean, at: Date) {
  if (wasApproved && review === 'approved') return {};
  return {
    safeguardingReview: review,
    proposedAt: review ? at : null,
    reviewedBy: null,
    reviewedAt: null,
    declineReason: null,
  };
}

import type { Transaction } from '@resettle/messaging';
import { refuseFirstBroken, usableRelease } from '@resettle/platform';
import { findRelease, type KnownRelease, type ProviderArea } from '../db/facts.js';
import {
  checkAccommodation,
  checkConfirmedFromRelease,
  checkRestrictedAreas,
  localTreatmentMismatch,
  type RestrictedArea,
  standingOf,
} from '../domain/index.js';
import type { AccommodationChange } from './schemas.js';

/** The release as we know it from release-scheduling's events; unknown or someone else's is a 400. */
export async function releaseFor(tx: Transaction, releaseId: string, personId: string): Promise<KnownRelease> {
  return usableRelease(await findRelease(tx, releaseId), personId);
}

/** The rules' verdict; a refusal is a 422 naming the first rule broken, and never which restricted area. */
export function decideAccommodation(
  asked: AccommodationChange,
  release: KnownRelease,
  restrictedAreas: readonly RestrictedArea[],
  provider: ProviderArea | undefined,
) {
  const wellFormed = checkAccommodation(asked);
  const violations = [
    ...wellFormed,
    ...checkRestrictedAreas(asked, restrictedAreas),
    ...(wellFormed.length === 0 ? checkConfirmedFromRelease(asked, release.releaseDate) : []),
  ];
  refuseFirstBroken(violations);
  const standing = standingOf(asked, release.releaseDate, restrictedAreas);
  return {
    status: standing.status,
    statusReason: standing.reason,
    localTreatmentMismatch: provider ? localTreatmentMismatch(asked, provider) : false,
  };
}

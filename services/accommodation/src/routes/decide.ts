import type { Transaction } from '@resettle/messaging';
import { refuseFirstBroken } from '@resettle/platform';
import { findUsableRelease, type KnownRelease } from '@resettle/platform/release-copy';
import { restrictedAreasOf } from '../db/restricted-areas.js';
import { findProviderArea, type ProviderArea } from '../db/treatment-providers.js';
import {
  checkAccommodation,
  checkConfirmedFromRelease,
  checkRestrictedAreas,
  localTreatmentMismatch,
  type RestrictedArea,
  standingOf,
} from '../domain/index.js';
import type { AccommodationChange } from './schemas.js';

/** What her accommodation is judged against. */
export interface KnownFacts {
  release: KnownRelease;
  restrictedAreas: readonly RestrictedArea[];
  provider: ProviderArea | undefined;
}

/** The release as we know it (unknown or someone else's is a 400), her restricted areas and her provider's area. */
export async function knownFacts(tx: Transaction, releaseId: string, personId: string): Promise<KnownFacts> {
  return {
    release: await findUsableRelease(tx, releaseId, personId),
    restrictedAreas: await restrictedAreasOf(tx, personId),
    provider: await findProviderArea(tx, releaseId),
  };
}

/** The rules' verdict; a refusal is a 422 naming the first rule broken, and never which restricted area. */
export function decideAccommodation(asked: AccommodationChange, { release, restrictedAreas, provider }: KnownFacts) {
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

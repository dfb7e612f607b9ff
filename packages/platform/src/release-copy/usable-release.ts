import type { DatabaseOrTransaction } from '@resettle/messaging';
import { Conflict, InvalidField } from '../http/problems.js';
import { findRelease } from './queries.js';
import type { KnownRelease } from './table.js';

/** What a service keeps of a release from release-scheduling's events, enough to accept a request naming it. */
export interface ReleaseCopy {
  personId: string;
  status: string;
}

/**
 * The release a request names, as this service knows it: unknown or someone else's is a 400 naming the field (it
 * may simply not have arrived yet); a cancelled one is a 409.
 */
export function usableRelease<Release extends ReleaseCopy>(release: Release | undefined, personId: string): Release {
  if (!release) throw new InvalidField('body.releaseId', 'unknown-release', 'no scheduled release has this id');
  if (release.personId !== personId) {
    throw new InvalidField('body.personId', 'not-this-release', 'the release belongs to someone else');
  }
  if (release.status === 'cancelled') throw new Conflict('RELEASE_CANCELLED', 'the release was cancelled');
  return release;
}

/** The release a request names, from this service's copy (see `usableRelease`). */
export async function findUsableRelease(
  db: DatabaseOrTransaction,
  releaseId: string,
  personId: string,
): Promise<KnownRelease> {
  return usableRelease(await findRelease(db, releaseId), personId);
}

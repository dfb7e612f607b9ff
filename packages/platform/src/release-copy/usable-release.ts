import type { DatabaseOrTransaction } from '@resettle/messaging';
import { Conflict, InvalidField } from '../http/problems.js';
import { findRelease } from './queries.js';
import type { KnownRelease } from './table.js';

/** What a service keeps of a release from release-scheduling's events, enough to accept a request naming it. */
export interface ReleaseCopy {
  personId: string;
  status: string;
}

/** Seconds a caller waits before asking again about a release whose event is still on its way. */
export const RELEASE_NOT_YET_KNOWN_RETRY_SECONDS = 2;

/**
 * The release a request names, as this service knows it. Unknown is not the caller's mistake: release-scheduling's
 * event may still be on its way, so it is a 409 RELEASE_NOT_YET_KNOWN with `Retry-After`. Someone else's is a 400
 * naming the field; a cancelled one is a 409.
 */
export function usableRelease<Release extends ReleaseCopy>(release: Release | undefined, personId: string): Release {
  if (!release) {
    throw new Conflict(
      'RELEASE_NOT_YET_KNOWN',
      'this release has not reached this service yet (its schedule is on its way from release-scheduling); ' +
        'try again in a moment',
      { field: 'body.releaseId', retryAfterSeconds: RELEASE_NOT_YET_KNOWN_RETRY_SECONDS },
    );
  }
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

export { inCaseload, type ReleasePlace } from './caseload.js';
export { type ReleaseChange, type ReleaseCopyOptions, releaseCopyHandlers } from './handlers.js';
export { findRelease, markReleaseCancelled, markReleaseOccurred, releasesOf, saveRelease } from './queries.js';
export { type KnownRelease, RELEASE_COPY_STATUSES, releases } from './table.js';
export {
  findUsableRelease,
  RELEASE_NOT_YET_KNOWN_RETRY_SECONDS,
  type ReleaseCopy,
  usableRelease,
} from './usable-release.js';

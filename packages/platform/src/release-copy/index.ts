export { type ReleaseCopyOptions, releaseCopyHandlers } from './handlers.js';
export { findRelease, markReleaseCancelled, saveRelease } from './queries.js';
export { type KnownRelease, RELEASE_COPY_STATUSES, releases } from './table.js';
export { findUsableRelease, type ReleaseCopy, usableRelease } from './usable-release.js';

/**
 * Other services' events, built as the owning service would build them, for tests that publish them straight onto
 * that service's topic (`@resettle/testing/upstream-events`).
 */
export { accommodationConfirmed, accommodationWithdrawn } from './accommodation.js';
export { upstreamEvent } from './event.js';
export { asKnown, atLaterVersion, eventOf } from './known.js';
export { releaseCancelled, releaseRescheduled, releaseScheduled } from './release.js';
export { handoffLogistics, type TreatmentLogistics } from './treatment.js';

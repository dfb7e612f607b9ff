export { anonymisedPassport } from './anonymised.js';
export { type Applied, applyEvent, type Change } from './apply-event.js';
export { gapsOf, isComplete, missingOf, pathwayEntries } from './completeness.js';
export { composePathways } from './compose.js';
export * from './continuity.js';
export { calendarDaysUntil, londonDateOf, workingDaysUntil } from './dates.js';
export { derivePassport } from './derive.js';
export { type AftercareFacts, foldAftercare, NO_AFTERCARE } from './fold-aftercare.js';
export { type ReleaseOutcome, releaseOutcome } from './outcome.js';
export * from './passport.js';
export { assessRisk, type RiskAssessment, thresholdFor } from './risk.js';
export { sameValue } from './same-value.js';
export {
  type SubjectAccessDocument,
  type SubjectAccessPart,
  type SubjectAccessProgress,
  subjectAccessDocument,
  subjectAccessProgress,
} from './subject-access.js';
export * from './suppression.js';
export { isUpstreamEvent, PASSPORT_EVENT_KEYS, type PassportEventKey, type UpstreamEvent } from './upstream.js';

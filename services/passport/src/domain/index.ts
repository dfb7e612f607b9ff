export { type Applied, applyEvent, type Change } from './apply-event.js';
export { gapsOf, isComplete, missingOf, pathwayEntries } from './completeness.js';
export { calendarDaysUntil, londonDateOf, workingDaysUntil } from './dates.js';
export { derivePassport } from './derive.js';
export * from './passport.js';
export { assessRisk, type RiskAssessment, thresholdFor } from './risk.js';
export { sameValue } from './same-value.js';
export { isUpstreamEvent, PASSPORT_EVENT_KEYS, type PassportEventKey, type UpstreamEvent } from './upstream.js';

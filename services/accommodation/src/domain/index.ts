export { type Violation, violation } from '@resettle/platform/rules';
export * from './accommodation.js';
export * from './check-accommodation.js';
export * from './dates.js';
export * from './local-treatment.js';
export * from './postcode-district.js';
export * from './release-date.js';
export * from './restricted-areas.js';
export * from './standing.js';

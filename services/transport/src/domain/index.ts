export { type Violation, violation } from '@resettle/platform/rules';
export * from './check-travel-plan.js';
export * from './destination.js';
export * from './judge-transport.js';
export * from './plan-status.js';
export * from './reassess.js';
export * from './time.js';
export * from './travel-plan.js';

export * from './check-travel-plan.js';
export * from './destination.js';
export * from './plan-status.js';
export * from './reassess.js';
export * from './time.js';
export * from './travel-plan.js';
export * from './violation.js';

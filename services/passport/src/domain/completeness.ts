import { PATHWAYS } from '@resettle/contracts';
import { PATHWAY_LABELS, type Passport } from './passport.js';

/** In the order practitioners read them (a passport loaded from jsonb has its keys in another order). */
export function pathwayEntries(passport: Passport) {
  return PATHWAYS.map((name) => ({ name, ...passport.pathways[name] }));
}

/** Required pathways that are not complete (each pathway is already judged against the current release). */
export function gapsOf(passport: Passport) {
  return pathwayEntries(passport).filter((pathway) => pathway.required && pathway.status !== 'complete');
}

export function isComplete(passport: Passport): boolean {
  return passport.releaseStatus !== 'unknown' && gapsOf(passport).length === 0;
}

/** 'Treatment: Provider has not yet accepted the handoff'. */
export function missingOf(passport: Passport): string[] {
  return gapsOf(passport).map((gap) => `${PATHWAY_LABELS[gap.name]}: ${gap.reason ?? gap.status}`);
}

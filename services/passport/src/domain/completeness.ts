import { PATHWAYS } from '@resettle/contracts';
import { PATHWAY_LABELS, type PassportOutline } from './passport.js';

/** In the order practitioners read them (a passport loaded from jsonb has its keys in another order). */
export function pathwayEntries(passport: PassportOutline) {
  return PATHWAYS.map((name) => ({ name, ...passport.pathways[name] }));
}

/** Required pathways not complete: an owner's verdict short of complete, or one not yet given for this release. */
export function gapsOf(passport: PassportOutline) {
  return pathwayEntries(passport).filter((pathway) => pathway.required && pathway.status !== 'complete');
}

/** Every required pathway complete by its owner's verdict on the current release, and the release going ahead. */
export function isComplete(passport: PassportOutline): boolean {
  const going = passport.releaseStatus === 'scheduled' || passport.releaseStatus === 'released';
  return going && gapsOf(passport).length === 0;
}

/** 'Treatment: Provider has not yet accepted the handoff'. */
export function missingOf(passport: PassportOutline): string[] {
  return gapsOf(passport).map((gap) => `${PATHWAY_LABELS[gap.name]}: ${gap.reason ?? gap.status}`);
}

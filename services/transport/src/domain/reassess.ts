import type { Violation } from '@resettle/platform/rules';
import { checkTravelPlan } from './check-travel-plan.js';
import { DEFAULT_TRAVEL_SETTINGS, type TravelFacts, type TravelPlan, type TravelSettings } from './travel-plan.js';

export interface Reassessment {
  status: 'arranged' | 'at-risk';
  /** The rules the existing plan now breaks; flags are not reasons. */
  reasons: Violation[];
}

/** Re-checks an arranged plan when the release, appointment or accommodation changes. */
export function reassess(
  plan: TravelPlan,
  newFacts: TravelFacts,
  settings: TravelSettings = DEFAULT_TRAVEL_SETTINGS,
): Reassessment {
  const { violations } = checkTravelPlan(plan, newFacts, settings);
  return { status: violations.length === 0 ? 'arranged' : 'at-risk', reasons: violations };
}

import type { AccommodationType } from '@resettle/contracts';
import { type Violation, violation } from '@resettle/platform/rules';
import { checkTravelPlan, type TravelCheck } from './check-travel-plan.js';
import { type Reassessment, reassess } from './reassess.js';
import { DEFAULT_TRAVEL_SETTINGS, type TravelFacts, type TravelPlan, type TravelSettings } from './travel-plan.js';

export const ACCOMMODATION_FACT_STATUSES = ['current', 'withdrawn'] as const;

/** What transport knows of her release-night accommodation (from accommodation's events). */
export interface AccommodationFact {
  status: (typeof ACCOMMODATION_FACT_STATUSES)[number];
  type: AccommodationType;
}

/** A journey to her accommodation needs accommodation to go to; not yet knowing of any is not a refusal. */
export function checkDestination(
  plan: Pick<TravelPlan, 'destination'>,
  accommodation: AccommodationFact | null,
): Violation[] {
  if (plan.destination !== 'accommodation' || accommodation === null) return [];
  if (accommodation.status === 'current' && accommodation.type !== 'none') return [];
  return [
    violation(
      'NO_ACCOMMODATION_TO_TRAVEL_TO',
      'destination',
      'The journey ends at her accommodation, but none is confirmed for this release (withdrawn or recorded as none).',
    ),
  ];
}

/** checkTravelPlan, plus the destination against what is known of her accommodation. */
export function checkPlanAgainst(
  plan: TravelPlan,
  facts: TravelFacts,
  accommodation: AccommodationFact | null,
  settings: TravelSettings = DEFAULT_TRAVEL_SETTINGS,
): TravelCheck {
  const check = checkTravelPlan(plan, facts, settings);
  return { ...check, violations: [...check.violations, ...checkDestination(plan, accommodation)] };
}

/** reassess, plus the destination: what a change to the release, appointment or accommodation does to the plan. */
export function reassessPlan(
  plan: TravelPlan,
  facts: TravelFacts,
  accommodation: AccommodationFact | null,
  settings: TravelSettings = DEFAULT_TRAVEL_SETTINGS,
): Reassessment {
  const reasons = [...reassess(plan, facts, settings).reasons, ...checkDestination(plan, accommodation)];
  return { status: reasons.length === 0 ? 'arranged' : 'at-risk', reasons };
}

import type { Transaction } from '@resettle/messaging';
import { refuseFirstBroken } from '@resettle/platform';
import { findUsableRelease } from '@resettle/platform/release-copy';
import { travelFactsFor } from '../db/travel-facts.js';
import {
  type AccommodationFact,
  checkPlanAgainst,
  type TravelFacts,
  type TravelPlan,
  type TravelSettings,
} from '../domain/index.js';
import type { TravelPlanChange } from './schemas.js';

/** What a journey is judged against. */
export interface KnownFacts {
  facts: TravelFacts;
  accommodation: AccommodationFact | null;
}

/** Her release as we know it (unknown or someone else's is a 400), her first appointment and her accommodation. */
export async function knownFacts(tx: Transaction, releaseId: string, personId: string): Promise<KnownFacts> {
  return travelFactsFor(tx, await findUsableRelease(tx, releaseId, personId));
}

/** The plan as the rules read it: instants normalised to UTC ISO strings. */
export function asPlan(asked: TravelPlanChange): TravelPlan {
  return {
    ...asked,
    metBy: asked.metBy ?? null,
    departureAt: new Date(asked.departureAt).toISOString(),
    expectedArrivalAt: new Date(asked.expectedArrivalAt).toISOString(),
  };
}

/** The rules' verdict: a 422 naming the first rule broken, or the plan as arranged with the flags to store. */
export function decidePlan(plan: TravelPlan, { facts, accommodation }: KnownFacts, settings: TravelSettings) {
  const { violations, flags } = checkPlanAgainst(plan, facts, accommodation, settings);
  refuseFirstBroken(violations);
  return { status: 'arranged' as const, reasons: [], flags };
}

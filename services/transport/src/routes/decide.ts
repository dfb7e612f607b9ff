import type { Transaction } from '@resettle/messaging';
import { refuseFirstBroken, usableRelease } from '@resettle/platform';
import { findRelease, type KnownRelease, travelFactsFor } from '../db/facts.js';
import { checkPlanAgainst, type TravelPlan, type TravelSettings } from '../domain/index.js';
import type { TravelPlanChange } from './schemas.js';

/** The release as we know it from release-scheduling's events; unknown or someone else's is a 400. */
export async function releaseFor(tx: Transaction, releaseId: string, personId: string): Promise<KnownRelease> {
  return usableRelease(await findRelease(tx, releaseId), personId);
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

/** The rules' verdict: a 422 naming the first rule broken, or the flags to store with the plan. */
export async function decidePlan(tx: Transaction, plan: TravelPlan, release: KnownRelease, settings: TravelSettings) {
  const { facts, accommodation } = await travelFactsFor(tx, release);
  const { violations, flags } = checkPlanAgainst(plan, facts, accommodation, settings);
  refuseFirstBroken(violations);
  return flags;
}

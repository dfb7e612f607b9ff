import type { UnitOfWork } from '@resettle/platform';
import { findRelease } from '@resettle/platform/release-copy';
import { travelFactsFor } from '../db/travel-facts.js';
import { activeTravelPlansForRelease, asTravelPlan, updateTravelPlan } from '../db/travel-plans.js';
import { eventForReassessment, reassessPlan, type TravelSettings } from '../domain/index.js';
import { transportAtRisk, transportChanged } from './transport-events.js';

/** Re-checks her plans for this release against what is known now; publishes one event per real change, if any. */
export async function reassessPlans(work: UnitOfWork, releaseId: string, settings: TravelSettings): Promise<void> {
  const release = await findRelease(work.tx, releaseId);
  if (!release || release.status === 'cancelled') return;
  const { facts, accommodation } = await travelFactsFor(work.tx, release);
  for (const plan of await activeTravelPlansForRelease(work.tx, releaseId)) {
    const next = reassessPlan(asTravelPlan(plan), facts, accommodation, settings);
    const kind = eventForReassessment(plan, next);
    if (!kind) continue;
    const updated = await updateTravelPlan(work.tx, plan, { status: next.status, reasons: next.reasons }, work.now());
    work.publish(kind === 'at-risk' ? transportAtRisk(updated) : transportChanged(updated));
  }
}

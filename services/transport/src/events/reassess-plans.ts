import type { EventEnvelope } from '@resettle/contracts';
import type { Transaction } from '@resettle/messaging';
import { findRelease, travelFactsFor } from '../db/facts.js';
import { activeTravelPlansForRelease, asTravelPlan, updateTravelPlan } from '../db/travel-plans.js';
import { eventForReassessment, reassessPlan, type TravelSettings } from '../domain/index.js';
import { type Cause, transportAtRisk, transportChanged } from './transport-events.js';

/** Re-checks her plans for this release against what is known now; returns one event per real change, if any. */
export async function reassessPlans(
  tx: Transaction,
  releaseId: string,
  settings: TravelSettings,
  cause: Cause,
): Promise<EventEnvelope[]> {
  const release = await findRelease(tx, releaseId);
  if (!release || release.status === 'cancelled') return [];
  const { facts, accommodation } = await travelFactsFor(tx, release);
  const events: EventEnvelope[] = [];
  for (const plan of await activeTravelPlansForRelease(tx, releaseId)) {
    const next = reassessPlan(asTravelPlan(plan), facts, accommodation, settings);
    const kind = eventForReassessment(plan, next);
    if (!kind) continue;
    const updated = await updateTravelPlan(tx, plan, { status: next.status, reasons: next.reasons });
    events.push(kind === 'at-risk' ? transportAtRisk(updated, cause) : transportChanged(updated, cause));
  }
  return events;
}

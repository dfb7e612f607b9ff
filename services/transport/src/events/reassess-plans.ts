import type { UnitOfWork } from '@resettle/platform';
import type { KnownRelease } from '@resettle/platform/release-copy';
import { asTravelPlan, type TravelPlanRow, updateTravelPlan } from '../db/travel-plans.js';
import { eventForReassessment, reassessPlan, type TravelSettings } from '../domain/index.js';
import type { PathwayFacts } from './judge.js';
import { transportAtRisk, transportChanged } from './transport-events.js';

/**
 * Re-checks her plans for this release against what is known now; publishes one event per real change, if any (a
 * cancelled plan never has one: eventForReassessment). Returns the facts as they now are. A cancelled release leaves
 * its plans as they were.
 */
export async function reassessPlans(
  work: UnitOfWork,
  release: KnownRelease,
  pathway: PathwayFacts,
  settings: TravelSettings,
): Promise<PathwayFacts> {
  if (release.status === 'cancelled') return pathway;
  const plans: TravelPlanRow[] = [];
  for (const plan of pathway.plans) plans.push(await reassess(work, plan, pathway, settings));
  return { ...pathway, plans };
}

async function reassess(
  work: UnitOfWork,
  plan: TravelPlanRow,
  { travel }: PathwayFacts,
  settings: TravelSettings,
): Promise<TravelPlanRow> {
  const next = reassessPlan(asTravelPlan(plan), travel.facts, travel.accommodation, settings);
  const kind = eventForReassessment(plan, next);
  if (!kind) return plan;
  const updated = await updateTravelPlan(work.tx, plan, { status: next.status, reasons: next.reasons }, work.now());
  work.publish(kind === 'at-risk' ? transportAtRisk(updated) : transportChanged(updated));
  return updated;
}

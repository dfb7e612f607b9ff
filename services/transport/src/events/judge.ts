import type { UnitOfWork } from '@resettle/platform';
import { findRelease, type KnownRelease } from '@resettle/platform/release-copy';
import { travelFactsFor } from '../db/travel-facts.js';
import { asTravelPlan, type TravelPlanRow, travelPlansForRelease } from '../db/travel-plans.js';
import { judgeTransport, type PlanOnRecord, type TravelSettings } from '../domain/index.js';
import { transportPathwayJudged } from './transport-events.js';

/**
 * Judges the travel pathway of a release as things stand and publishes the verdict in the caller's unit of work,
 * whether or not it changed: the passport must hear a verdict for every revision and every change of our facts.
 */
export async function judgeRelease(work: UnitOfWork, release: KnownRelease, settings: TravelSettings): Promise<void> {
  const { facts, accommodation, handoffRevision } = await travelFactsFor(work.tx, release);
  const verdict = judgeTransport({
    plan: currentOf(await travelPlansForRelease(work.tx, release.releaseId)),
    release: {
      releaseDate: release.releaseDate,
      gateAt: release.gateAt.toISOString(),
      gatePassedAt: release.gatePassedAt?.toISOString() ?? null,
    },
    firstAppointmentAt: facts.firstAppointmentAt,
    accommodation,
    settings,
  });
  work.publish(transportPathwayJudged(release, verdict, handoffRevision));
}

/** As `judgeRelease`, for a release named by id; nothing when we have no copy of it yet. */
export async function judgeReleaseById(work: UnitOfWork, releaseId: string, settings: TravelSettings): Promise<void> {
  const release = await findRelease(work.tx, releaseId);
  if (release) await judgeRelease(work, release, settings);
}

/** The plan not cancelled (there is at most one), else the latest cancelled one, else none. */
function currentOf(rows: readonly TravelPlanRow[]): PlanOnRecord | null {
  const row = rows.find((plan) => plan.status !== 'cancelled') ?? rows.at(-1);
  return row ? { ...asTravelPlan(row), status: row.status, cancelledReason: row.cancelledReason } : null;
}

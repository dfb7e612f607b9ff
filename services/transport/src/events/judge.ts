import type { UnitOfWork } from '@resettle/platform';
import { findRelease, type KnownRelease } from '@resettle/platform/release-copy';
import { type TravelFactsOnRecord, travelFactsFor } from '../db/travel-facts.js';
import { asTravelPlan, type TravelPlanRow, travelPlansForRelease } from '../db/travel-plans.js';
import { judgeTransport, type PlanOnRecord, type TravelSettings } from '../domain/index.js';
import { transportPathwayJudged } from './transport-events.js';

/** What the pathway of one release is judged on: what we know of her day and her plans for it, oldest first. */
export interface PathwayFacts {
  travel: TravelFactsOnRecord;
  plans: TravelPlanRow[];
}

/** Read side by side: the transaction's connection sends the queries together (one round trip, not three). */
export async function pathwayFactsOf(work: UnitOfWork, release: KnownRelease): Promise<PathwayFacts> {
  const [travel, plans] = await Promise.all([
    travelFactsFor(work.tx, release),
    travelPlansForRelease(work.tx, release.releaseId),
  ]);
  return { travel, plans };
}

/**
 * Judges the travel pathway of a release as things stand (read now, unless the caller has just read them) and
 * publishes the verdict in the caller's unit of work, whether or not it changed: the passport must hear a verdict for
 * every revision and every change of our facts.
 */
export async function judgeRelease(
  work: UnitOfWork,
  release: KnownRelease,
  settings: TravelSettings,
  pathway?: PathwayFacts,
): Promise<void> {
  const { travel, plans } = pathway ?? (await pathwayFactsOf(work, release));
  const verdict = judgeTransport({
    plan: currentOf(plans),
    release: {
      releaseDate: release.releaseDate,
      gateAt: release.gateAt.toISOString(),
      gatePassedAt: release.gatePassedAt?.toISOString() ?? null,
    },
    firstAppointmentAt: travel.facts.firstAppointmentAt,
    accommodation: travel.accommodation,
    settings,
  });
  work.publish(transportPathwayJudged(release, verdict, travel.handoffRevision));
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

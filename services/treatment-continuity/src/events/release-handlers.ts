import type { EventOf, ReconfirmationReason, ReleaseScheduled } from '@resettle/contracts';
import type { EventHandlers, UnitOfWork } from '@resettle/platform';
import { handoffsHeldForRelease, updateHandoff } from '../db/handoffs.js';
import { findRelease, type ReleaseRow, saveRelease, setReleaseStatus } from '../db/releases.js';
import { nextStatus } from '../domain/index.js';
import { handoffNeedsReconfirmation } from './handoff-events.js';
import { publishJudgements } from './judgement.js';
import { reconfirmationAsked } from './provider-messages.js';
import { publish } from './publish.js';

/** v1 events were published before releases had revisions: they count as revision 0. */
const revisionOf = (data: object): number =>
  'revision' in data && typeof data.revision === 'number' ? data.revision : 0;

/** The copy as saved; undefined when the event is older than the copy we hold. */
function keepRelease(
  work: UnitOfWork,
  personId: string,
  facts: ReleaseScheduled,
  revision: number,
): Promise<ReleaseRow | undefined> {
  return saveRelease(work.tx, {
    releaseId: facts.releaseId,
    personId,
    prisonCode: facts.prisonCode,
    releaseDate: facts.releaseDate,
    gateAt: new Date(facts.gateAt),
    weekendCoverPlanRequired: facts.weekendCoverPlanRequired,
    shortNotice: facts.shortNotice,
    status: 'scheduled',
    gatePassedAt: null,
    revision,
  });
}

/**
 * The handoff belongs to the release as it was: when the release moves or is cancelled, the provider must confirm
 * again. Each handoff changed is told and judged with it; none changed, the release is judged all the same. The
 * planner's words (`reason`) stay in the status reason prison healthcare reads; the provider is told the category.
 */
async function askProvidersAgain(
  work: UnitOfWork,
  releaseId: string,
  personId: string,
  release: ReleaseRow | undefined,
  reason: string,
  category: ReconfirmationReason,
) {
  const held = await handoffsHeldForRelease(work.tx, releaseId);
  for (const handoff of held) {
    // A handoff already waiting for re-confirmation stays so; the provider is told about the newer move too.
    const transition = nextStatus(handoff.status, 'releaseRescheduled');
    // Her expected arrival was worked out from the old gate time; it no longer holds.
    const updated = await updateHandoff(work.tx, handoff, {
      status: transition.status ?? handoff.status,
      statusReason: reason,
      expectedArrivalAt: null,
    });
    if (!updated) throw new Error(`handoff ${handoff.id} changed concurrently`);
    await publish(
      work,
      updated,
      [handoffNeedsReconfirmation(updated, release ?? null, reason)],
      [reconfirmationAsked(updated, release ?? null, category)],
    );
  }
  if (held.length === 0) await publishJudgements(work, releaseId, personId, release);
}

type Scheduled = EventOf<'release.scheduled@v1'> | EventOf<'release.scheduled@v2'>;
type Rescheduled = EventOf<'release.rescheduled@v1'> | EventOf<'release.rescheduled@v2'>;
type Cancelled = EventOf<'release.cancelled@v1'> | EventOf<'release.cancelled@v2'>;
type Occurred = EventOf<'release.occurred@v1'> | EventOf<'release.occurred@v2'>;

/**
 * This service's copy of each release (v1 and v2: a v1 still on the topic counts as revision 0), what a moved or
 * cancelled release means for the handoffs made for it, and a judgement of every pathway it owns on every event.
 */
export function releaseHandlers(): EventHandlers {
  const scheduled = async (event: Scheduled, work: UnitOfWork) => {
    const kept = await keepRelease(work, event.personId, event.data, revisionOf(event.data));
    await publishJudgements(work, event.data.releaseId, event.personId, kept);
  };
  const rescheduled = async (event: Rescheduled, work: UnitOfWork) => {
    const facts = event.data;
    const kept = await keepRelease(work, event.personId, facts, revisionOf(facts));
    const release = kept ?? (await findRelease(work.tx, facts.releaseId));
    const reason = `Release moved from ${facts.previous.releaseDate} ${facts.previous.gateTime} to ${facts.releaseDate} ${facts.gateTime}: ${facts.reason}`;
    await askProvidersAgain(work, facts.releaseId, event.personId, release, reason, 'release-moved');
  };
  const cancelled = async (event: Cancelled, work: UnitOfWork) => {
    const { releaseId, reason } = event.data;
    await setReleaseStatus(work.tx, releaseId, { status: 'cancelled', revision: revisionOf(event.data) });
    const why = `Release cancelled: ${reason}`;
    await askProvidersAgain(work, releaseId, event.personId, undefined, why, 'release-cancelled');
  };
  const occurred = async (event: Occurred, work: UnitOfWork) => {
    const { releaseId, gatePassedAt } = event.data;
    const changes = {
      status: 'released' as const,
      gatePassedAt: new Date(gatePassedAt),
      revision: revisionOf(event.data),
    };
    await setReleaseStatus(work.tx, releaseId, changes);
    await publishJudgements(work, releaseId, event.personId);
  };
  return {
    'release.scheduled@v1': scheduled,
    'release.scheduled@v2': scheduled,
    'release.rescheduled@v1': rescheduled,
    'release.rescheduled@v2': rescheduled,
    'release.cancelled@v1': cancelled,
    'release.cancelled@v2': cancelled,
    'release.occurred@v1': occurred,
    'release.occurred@v2': occurred,
  };
}

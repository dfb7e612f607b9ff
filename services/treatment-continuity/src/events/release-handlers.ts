import type { ReleaseScheduled } from '@resettle/contracts';
import type { EventHandlers, UnitOfWork } from '@resettle/platform';
import { handoffsHeldForRelease, updateHandoff } from '../db/handoffs.js';
import { findRelease, type ReleaseRow, saveRelease, setReleaseStatus } from '../db/releases.js';
import { nextStatus } from '../domain/index.js';
import { handoffNeedsReconfirmation } from './handoff-events.js';
import { publish } from './publish.js';

function keepRelease(work: UnitOfWork, personId: string, facts: ReleaseScheduled): Promise<void> {
  return saveRelease(work.tx, {
    releaseId: facts.releaseId,
    personId,
    prisonCode: facts.prisonCode,
    releaseDate: facts.releaseDate,
    gateAt: new Date(facts.gateAt),
    weekendCoverPlanRequired: facts.weekendCoverPlanRequired,
    status: 'scheduled',
  });
}

/** The handoff belongs to the release as it was: when the release moves or is cancelled, the provider must confirm again. */
async function askProvidersAgain(work: UnitOfWork, releaseId: string, release: ReleaseRow | null, reason: string) {
  for (const handoff of await handoffsHeldForRelease(work.tx, releaseId)) {
    // A handoff already waiting for re-confirmation stays so; the provider is told about the newer move too.
    const transition = nextStatus(handoff.status, 'releaseRescheduled');
    // Her expected arrival was worked out from the old gate time; it no longer holds.
    const updated = await updateHandoff(work.tx, handoff, {
      status: transition.status ?? handoff.status,
      statusReason: reason,
      expectedArrivalAt: null,
    });
    if (!updated) throw new Error(`handoff ${handoff.id} changed concurrently`);
    await publish(work, updated, [handoffNeedsReconfirmation(updated, release, reason)]);
  }
}

/** This service's copy of each release, and what a moved or cancelled release means for the handoffs made for it. */
export function releaseHandlers(): EventHandlers {
  return {
    'release.scheduled@v1': (event, work) => keepRelease(work, event.personId, event.data),
    'release.rescheduled@v1': async (event, work) => {
      const facts = event.data;
      await keepRelease(work, event.personId, facts);
      const reason = `Release moved from ${facts.previous.releaseDate} ${facts.previous.gateTime} to ${facts.releaseDate} ${facts.gateTime}: ${facts.reason}`;
      await askProvidersAgain(work, facts.releaseId, (await findRelease(work.tx, facts.releaseId)) ?? null, reason);
    },
    'release.cancelled@v1': async (event, work) => {
      const { releaseId, reason } = event.data;
      await setReleaseStatus(work.tx, releaseId, 'cancelled');
      await askProvidersAgain(work, releaseId, null, `Release cancelled: ${reason}`);
    },
    'release.occurred@v1': (event, work) => setReleaseStatus(work.tx, event.data.releaseId, 'released'),
  };
}

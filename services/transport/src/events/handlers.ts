import type { EventOf } from '@resettle/contracts';
import type { EventHandlers, UnitOfWork } from '@resettle/platform';
import { findRelease, type KnownRelease, releaseCopyHandlers } from '@resettle/platform/release-copy';
import { saveAccommodation, saveAppointment } from '../db/travel-facts.js';
import { type TransportContext, travelSettingsOf } from '../settings.js';
import { judgeRelease, pathwayFactsOf } from './judge.js';
import { reassessPlans } from './reassess-plans.js';

type AccommodationKnown = EventOf<'accommodation.confirmed@v1'> | EventOf<'accommodation.changed@v1'>;
type Logistics = EventOf<'treatment.handoff.logistics@v1'> | EventOf<'treatment.handoff.logistics@v2'>;

/**
 * Keeps our copy of the release, first appointment and accommodation, re-checks her plans when they change, and
 * publishes a verdict on every one of these events (every release revision), even when nothing changed for her plan.
 */
export function transportHandlers(context: TransportContext): EventHandlers {
  // Settings are read when an event comes, so the map of handlers can be built (and its keys read) without a context.
  // What her plans hang on is read once, the plans re-checked, and the pathway judged as the re-check left them.
  const recheckAndJudge = async (work: UnitOfWork, release: KnownRelease) => {
    const settings = travelSettingsOf(context);
    const pathway = await pathwayFactsOf(work, release);
    await judgeRelease(work, release, settings, await reassessPlans(work, release, pathway, settings));
  };
  const recheck = async (work: UnitOfWork, releaseId: string) => {
    const release = await findRelease(work.tx, releaseId);
    if (release) await recheckAndJudge(work, release);
  };
  const accommodationKnown = async ({ personId, data }: AccommodationKnown, work: UnitOfWork) => {
    const { releaseId, accommodationId, type } = data;
    await saveAccommodation(work.tx, { releaseId, personId, accommodationId, type, status: 'current' }, work.now());
    await recheck(work, releaseId);
  };
  const logistics = async ({ personId, data }: Logistics, work: UnitOfWork) => {
    const { releaseId, firstAppointmentAt } = data;
    const at = firstAppointmentAt ? new Date(firstAppointmentAt) : null;
    // v1 came before handoffs had revisions: revision 0.
    const handoffRevision = 'handoffRevision' in data ? data.handoffRevision : 0;
    await saveAppointment(work.tx, { releaseId, personId, at, handoffRevision }, work.now());
    await recheck(work, releaseId);
  };
  return {
    ...releaseCopyHandlers({
      onChanged: (release, work) => recheckAndJudge(work, release),
    }),
    'treatment.handoff.logistics@v1': logistics,
    'treatment.handoff.logistics@v2': logistics,
    'accommodation.confirmed@v1': accommodationKnown,
    'accommodation.changed@v1': accommodationKnown,
    'accommodation.withdrawn@v1': async ({ personId, data }, work) => {
      const { releaseId, accommodationId } = data;
      // The type is no longer relevant once withdrawn; 'none' keeps the column honest.
      const withdrawn = { releaseId, personId, accommodationId, type: 'none' as const, status: 'withdrawn' as const };
      await saveAccommodation(work.tx, withdrawn, work.now());
      await recheck(work, releaseId);
    },
  };
}

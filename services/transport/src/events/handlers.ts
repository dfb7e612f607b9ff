import type { EventOf } from '@resettle/contracts';
import type { EventHandlers, UnitOfWork } from '@resettle/platform';
import { releaseCopyHandlers } from '@resettle/platform/release-copy';
import { saveAccommodation, saveAppointment } from '../db/travel-facts.js';
import { type TransportContext, travelSettingsOf } from '../settings.js';
import { reassessPlans } from './reassess-plans.js';

type AccommodationKnown = EventOf<'accommodation.confirmed@v1'> | EventOf<'accommodation.changed@v1'>;

/** Keeps our copy of the release, first appointment and accommodation, and re-checks her plans when they change. */
export function transportHandlers(context: TransportContext): EventHandlers {
  // Settings are read when an event comes, so the map of handlers can be built (and its keys read) without a context.
  const reassess = (work: UnitOfWork, releaseId: string) => reassessPlans(work, releaseId, travelSettingsOf(context));

  const accommodationKnown = async ({ personId, data }: AccommodationKnown, work: UnitOfWork) => {
    const { releaseId, accommodationId, type } = data;
    await saveAccommodation(work.tx, { releaseId, personId, accommodationId, type, status: 'current' }, work.now());
    await reassess(work, releaseId);
  };

  return {
    ...releaseCopyHandlers({ onChanged: (release, work) => reassess(work, release.releaseId) }),
    'treatment.handoff.logistics@v1': async ({ personId, data }, work) => {
      const { releaseId, firstAppointmentAt } = data;
      const at = firstAppointmentAt ? new Date(firstAppointmentAt) : null;
      await saveAppointment(work.tx, { releaseId, personId, at }, work.now());
      await reassess(work, releaseId);
    },
    'accommodation.confirmed@v1': accommodationKnown,
    'accommodation.changed@v1': accommodationKnown,
    'accommodation.withdrawn@v1': async ({ personId, data }, work) => {
      const { releaseId, accommodationId } = data;
      // The type is no longer relevant once withdrawn; 'none' keeps the column honest.
      const withdrawn = { releaseId, personId, accommodationId, type: 'none' as const, status: 'withdrawn' as const };
      await saveAccommodation(work.tx, withdrawn, work.now());
      await reassess(work, releaseId);
    },
  };
}

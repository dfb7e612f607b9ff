import type {
  AccommodationConfirmed,
  AccommodationWithdrawn,
  EventEnvelope,
  HandoffLogistics,
  ReleaseCancelled,
  ReleaseScheduled,
} from '@resettle/contracts';
import { appendToOutbox, type EventHandler, type EventHandlers, type Transaction } from '@resettle/messaging';
import { markReleaseCancelled, saveAccommodation, saveAppointment, saveRelease } from '../db/facts.js';
import { lockPerson } from '../db/travel-plans.js';
import { type TransportContext, travelSettingsOf } from '../settings.js';
import { reassessPlans } from './reassess-plans.js';

/** Keeps our copy of the release, first appointment and accommodation, and re-checks her plans when they change. */
export function transportHandlers(context: TransportContext): EventHandlers {
  const settings = travelSettingsOf(context);

  /** Records a fact about one release, then re-checks that release's plans. */
  const thenReassess =
    (record: (tx: Transaction, event: EventEnvelope) => Promise<string>): EventHandler =>
    async (tx, event) => {
      await lockPerson(tx, event.personId);
      const releaseId = await record(tx, event);
      const cause = { correlationId: event.correlationId, causationId: event.id };
      const events = await reassessPlans(tx, releaseId, settings, cause);
      await appendToOutbox(tx, events, { topicPrefix: context.topicPrefix });
    };

  const release = thenReassess(async (tx, { personId, data }) => {
    const { releaseId, releaseDate, gateAt } = data as ReleaseScheduled;
    await saveRelease(tx, { releaseId, personId, releaseDate, gateAt: new Date(gateAt), status: 'scheduled' });
    return releaseId;
  });
  const appointment = thenReassess(async (tx, { personId, data }) => {
    const { releaseId, firstAppointmentAt } = data as HandoffLogistics;
    await saveAppointment(tx, { releaseId, personId, at: firstAppointmentAt ? new Date(firstAppointmentAt) : null });
    return releaseId;
  });
  const accommodation = thenReassess(async (tx, { personId, data }) => {
    const { releaseId, accommodationId, type } = data as AccommodationConfirmed;
    await saveAccommodation(tx, { releaseId, personId, accommodationId, type, status: 'current' });
    return releaseId;
  });
  const accommodationWithdrawn = thenReassess(async (tx, { personId, data }) => {
    const { releaseId, accommodationId } = data as AccommodationWithdrawn;
    // The type is no longer relevant once withdrawn; 'none' keeps the column honest.
    await saveAccommodation(tx, { releaseId, personId, accommodationId, type: 'none', status: 'withdrawn' });
    return releaseId;
  });

  return {
    'release.scheduled@v1': release,
    'release.rescheduled@v1': release,
    'release.cancelled@v1': async (tx, event) => {
      await markReleaseCancelled(tx, (event.data as ReleaseCancelled).releaseId);
    },
    'treatment.handoff.logistics@v1': appointment,
    'accommodation.confirmed@v1': accommodation,
    'accommodation.changed@v1': accommodation,
    'accommodation.withdrawn@v1': accommodationWithdrawn,
  };
}

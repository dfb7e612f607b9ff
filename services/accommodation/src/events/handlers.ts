import type { EventEnvelope, HandoffLogistics, ReleaseCancelled, ReleaseScheduled } from '@resettle/contracts';
import { appendToOutbox, type EventHandlers, type Transaction } from '@resettle/messaging';
import type { ServiceContext } from '@resettle/platform';
import { activeAccommodationsForRelease, lockPerson } from '../db/accommodations.js';
import { markReleaseCancelled, saveProviderArea, saveRelease } from '../db/facts.js';
import { recheckAccommodations } from './recheck.js';

/** Keeps our copy of the release date and the provider's area, and re-checks her accommodation when they change. */
export function accommodationHandlers(context: ServiceContext): EventHandlers {
  const recheckRelease = async (tx: Transaction, event: EventEnvelope, releaseId: string) => {
    const cause = { correlationId: event.correlationId, causationId: event.id };
    const rows = await activeAccommodationsForRelease(tx, releaseId);
    const events = await recheckAccommodations(tx, rows, cause);
    await appendToOutbox(tx, events, { topicPrefix: context.topicPrefix });
  };

  const releaseDateKnown = async (tx: Transaction, event: EventEnvelope) => {
    const { releaseId, releaseDate } = event.data as ReleaseScheduled;
    await lockPerson(tx, event.personId);
    await saveRelease(tx, { releaseId, personId: event.personId, releaseDate, status: 'scheduled' });
    await recheckRelease(tx, event, releaseId);
  };

  return {
    'release.scheduled@v1': releaseDateKnown,
    'release.rescheduled@v1': releaseDateKnown,
    'release.cancelled@v1': async (tx, event) => {
      await markReleaseCancelled(tx, (event.data as ReleaseCancelled).releaseId);
    },
    'treatment.handoff.logistics@v1': async (tx, event) => {
      const { releaseId, providerArea } = event.data as HandoffLogistics;
      await lockPerson(tx, event.personId);
      await saveProviderArea(tx, { releaseId, personId: event.personId, ...providerArea });
      await recheckRelease(tx, event, releaseId);
    },
  };
}

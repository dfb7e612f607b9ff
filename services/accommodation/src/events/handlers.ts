import type { EventHandlers, UnitOfWork } from '@resettle/platform';
import { releaseCopyHandlers } from '@resettle/platform/release-copy';
import { activeAccommodationsForRelease } from '../db/accommodations.js';
import { saveProviderArea } from '../db/treatment-providers.js';
import { recheckAccommodations } from './recheck.js';

/** Keeps our copy of the release date and the provider's area, and re-checks her accommodation when they change. */
export function accommodationHandlers(): EventHandlers {
  const recheckRelease = async (work: UnitOfWork, releaseId: string) =>
    recheckAccommodations(work, await activeAccommodationsForRelease(work.tx, releaseId));

  return {
    ...releaseCopyHandlers({
      // A cancelled release leaves its accommodation as it was: nothing about it is judged any more.
      onChanged: async (release, work) => {
        if (release.status === 'scheduled') await recheckRelease(work, release.releaseId);
      },
    }),
    'treatment.handoff.logistics@v1': async (event, work) => {
      const { releaseId, providerArea } = event.data;
      await saveProviderArea(work.tx, { releaseId, personId: event.personId, ...providerArea }, work.now());
      await recheckRelease(work, releaseId);
    },
  };
}

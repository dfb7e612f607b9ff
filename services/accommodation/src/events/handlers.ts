import type { EventOf } from '@resettle/contracts';
import type { EventHandlers, UnitOfWork } from '@resettle/platform';
import { releaseCopyHandlers } from '@resettle/platform/release-copy';
import { activeAccommodationsForRelease } from '../db/accommodations.js';
import { saveProviderArea } from '../db/treatment-providers.js';
import { judgeRelease, judgeReleaseById } from './judge.js';
import { recheckAccommodations } from './recheck.js';

type Logistics = EventOf<'treatment.handoff.logistics@v1'> | EventOf<'treatment.handoff.logistics@v2'>;

/**
 * Keeps our copy of the release and the provider's area, re-checks her accommodation when they change, and publishes
 * a verdict on every release event (every revision) and every change of the provider's area.
 */
export function accommodationHandlers(): EventHandlers {
  const recheckRelease = async (work: UnitOfWork, releaseId: string) =>
    recheckAccommodations(work, await activeAccommodationsForRelease(work.tx, releaseId));
  const logistics = async (event: Logistics, work: UnitOfWork) => {
    const { releaseId, providerArea } = event.data;
    await saveProviderArea(work.tx, { releaseId, personId: event.personId, ...providerArea }, work.now());
    await recheckRelease(work, releaseId);
    await judgeReleaseById(work, releaseId);
  };

  return {
    ...releaseCopyHandlers({
      onChanged: async (release, work) => {
        // A cancelled or past release leaves its stored accommodation as it was; it is still judged for the revision.
        if (release.status === 'scheduled') await recheckRelease(work, release.releaseId);
        await judgeRelease(work, release);
      },
    }),
    'treatment.handoff.logistics@v1': logistics,
    'treatment.handoff.logistics@v2': logistics,
  };
}

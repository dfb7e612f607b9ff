import type { EventOf } from '@resettle/contracts';
import type { EventHandlers, UnitOfWork } from '@resettle/platform';
import { findRelease, type KnownRelease, releaseCopyHandlers } from '@resettle/platform/release-copy';
import { saveProviderArea } from '../db/treatment-providers.js';
import { judgeRelease, pathwayFactsOf } from './judge.js';
import { recheckAccommodations } from './recheck.js';

type Logistics = EventOf<'treatment.handoff.logistics@v1'> | EventOf<'treatment.handoff.logistics@v2'>;

/**
 * Keeps our copy of the release and the provider's area, re-checks her accommodation when they change, and publishes
 * a verdict on every release event (every revision) and every change of the provider's area.
 */
export function accommodationHandlers(): EventHandlers {
  // Her records and her provider's area are read once, re-checked, and judged as the re-check left them.
  const recheckAndJudge = async (work: UnitOfWork, release: KnownRelease, recheck: boolean) => {
    const facts = await pathwayFactsOf(work, release.releaseId);
    await judgeRelease(work, release, recheck ? await recheckAccommodations(work, release, facts) : facts);
  };
  const logistics = async (event: Logistics, work: UnitOfWork) => {
    const { releaseId, providerArea } = event.data;
    await saveProviderArea(work.tx, { releaseId, personId: event.personId, ...providerArea }, work.now());
    const release = await findRelease(work.tx, releaseId);
    if (release) await recheckAndJudge(work, release, true);
  };

  return {
    ...releaseCopyHandlers({
      // A cancelled or past release leaves its stored accommodation as it was; it is still judged for the revision.
      onChanged: (release, work) => recheckAndJudge(work, release, release.status === 'scheduled'),
    }),
    'treatment.handoff.logistics@v1': logistics,
    'treatment.handoff.logistics@v2': logistics,
  };
}

import type { EventOf } from '@resettle/contracts';
import type { EventHandlers } from '../kernel/consumption.js';
import type { UnitOfWork } from '../kernel/unit-of-work.js';
import { markReleaseCancelled, markReleaseOccurred, saveRelease } from './queries.js';
import type { KnownRelease } from './table.js';

export type ReleaseChange = 'scheduled' | 'rescheduled' | 'cancelled' | 'occurred';

export interface ReleaseCopyOptions {
  /**
   * Runs in the same unit of work once the copy is saved, for every release event of either version that is not
   * older than the copy (scheduled, moved, cancelled, gate passed): re-judge what hangs on it, even when nothing
   * changed for this service, so its verdict names the new revision.
   */
  onChanged?(release: KnownRelease, work: UnitOfWork, change: ReleaseChange): Promise<void>;
}

type Scheduled =
  | EventOf<'release.scheduled@v1'>
  | EventOf<'release.scheduled@v2'>
  | EventOf<'release.rescheduled@v1'>
  | EventOf<'release.rescheduled@v2'>;

/** v1 events were published before releases had revisions: they count as revision 0. */
const revisionOf = (data: object): number =>
  'revision' in data && typeof data.revision === 'number' ? data.revision : 0;

/** Keeps this service's copy of each release; spread into the service's own handlers. */
export function releaseCopyHandlers(options: ReleaseCopyOptions = {}): EventHandlers {
  const changed = async (release: KnownRelease | undefined, work: UnitOfWork, change: ReleaseChange) => {
    if (release && options.onChanged) await options.onChanged(release, work, change);
  };
  const scheduled = (change: ReleaseChange) => async (event: Scheduled, work: UnitOfWork) => {
    const { releaseId, releaseDate, gateAt, prisonCode, probationRegion } = event.data;
    const copy = {
      releaseId,
      personId: event.personId,
      prisonCode,
      probationRegion,
      releaseDate,
      gateAt: new Date(gateAt),
      status: 'scheduled' as const,
      revision: revisionOf(event.data),
    };
    await changed(await saveRelease(work.tx, copy, work.now()), work, change);
  };
  const cancelled = async (
    event: EventOf<'release.cancelled@v1'> | EventOf<'release.cancelled@v2'>,
    work: UnitOfWork,
  ) => {
    const release = await markReleaseCancelled(work.tx, event.data.releaseId, work.now(), revisionOf(event.data));
    await changed(release, work, 'cancelled');
  };
  const occurred = async (event: EventOf<'release.occurred@v1'> | EventOf<'release.occurred@v2'>, work: UnitOfWork) => {
    const { releaseId, gatePassedAt } = event.data;
    const facts = { releaseId, gatePassedAt: new Date(gatePassedAt), revision: revisionOf(event.data) };
    await changed(await markReleaseOccurred(work.tx, facts, work.now()), work, 'occurred');
  };
  return {
    'release.scheduled@v1': scheduled('scheduled'),
    'release.scheduled@v2': scheduled('scheduled'),
    'release.rescheduled@v1': scheduled('rescheduled'),
    'release.rescheduled@v2': scheduled('rescheduled'),
    'release.cancelled@v1': cancelled,
    'release.cancelled@v2': cancelled,
    'release.occurred@v1': occurred,
    'release.occurred@v2': occurred,
  };
}

import type { EventOf } from '@resettle/contracts';
import type { EventHandlers } from '../kernel/consumption.js';
import type { UnitOfWork } from '../kernel/unit-of-work.js';
import { markReleaseCancelled, saveRelease } from './queries.js';
import type { KnownRelease } from './table.js';

export interface ReleaseCopyOptions {
  /** Runs in the same unit of work once the copy is saved (scheduled, moved or cancelled): re-check what hangs on it. */
  onChanged?(release: KnownRelease, work: UnitOfWork): Promise<void>;
}

/** Keeps this service's copy of each release; spread into the service's own handlers. */
export function releaseCopyHandlers(options: ReleaseCopyOptions = {}): EventHandlers {
  const changed = async (release: KnownRelease | undefined, work: UnitOfWork) => {
    if (release && options.onChanged) await options.onChanged(release, work);
  };
  const scheduled = async (
    event: EventOf<'release.scheduled@v1'> | EventOf<'release.rescheduled@v1'>,
    work: UnitOfWork,
  ) => {
    const { releaseId, releaseDate, gateAt } = event.data;
    const copy = {
      releaseId,
      personId: event.personId,
      releaseDate,
      gateAt: new Date(gateAt),
      status: 'scheduled' as const,
    };
    await changed(await saveRelease(work.tx, copy, work.now()), work);
  };
  return {
    'release.scheduled@v1': scheduled,
    'release.rescheduled@v1': scheduled,
    'release.cancelled@v1': async (event, work) => {
      await changed(await markReleaseCancelled(work.tx, event.data.releaseId, work.now()), work);
    },
  };
}

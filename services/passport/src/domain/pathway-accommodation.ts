import { longDate } from './dates.js';
import type { AccommodationFacts, Pathway, ReleaseFacts } from './passport.js';

const atRisk = (reason: string): Pathway => ({ required: true, status: 'at-risk', reason });

export function accommodationPathway(accommodation: AccommodationFacts | null, release: ReleaseFacts | null): Pathway {
  if (!accommodation) {
    return { required: true, status: 'not-started', reason: 'No release-night accommodation recorded yet' };
  }
  if (accommodation.status === 'withdrawn') return atRisk(`Accommodation withdrawn: ${accommodation.withdrawnReason}`);
  if (accommodation.type === 'none') return atRisk('No accommodation: she has nowhere to stay on release night');
  const releaseDate = release?.releaseDate ?? null;
  const from = accommodation.confirmedFrom;
  if (from && releaseDate && from > releaseDate) {
    const released = release?.movedFrom ? 'Release moved to' : 'She is released on';
    return atRisk(`${released} ${longDate(releaseDate)}; accommodation is confirmed only from ${longDate(from)}`);
  }
  // An upstream warning stands while it was judged against the release date the passport knows.
  const warning = accommodation.atRisk;
  if (warning && (!releaseDate || warning.releaseDate === releaseDate)) return atRisk(warning.reason);
  if (!from) {
    return {
      required: true,
      status: 'in-progress',
      reason: 'Accommodation found; the date it is available from is not yet confirmed',
    };
  }
  if (!releaseDate) {
    return {
      required: true,
      status: 'in-progress',
      reason: `Accommodation confirmed from ${longDate(from)}; waiting for the release date to check it`,
    };
  }
  return { required: true, status: 'complete', reason: null };
}

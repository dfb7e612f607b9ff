/** Her latest release as a service knows it: the date (YYYY-MM-DD, London) and its status in that service's words. */
export interface LatestRelease {
  releaseDate: string | null;
  status: string;
}

/**
 * Whether her personal content is due to be replaced: `afterDays` after the date of her latest release. A cancelled
 * latest release (she is still in custody, a new date will come) or one with no date yet is never due; a release whose
 * date has passed counts as gone through even if its `released` event never reached this service.
 */
export function anonymisationDue(latest: LatestRelease, today: string, afterDays: number): boolean {
  if (latest.releaseDate === null || latest.status === 'cancelled' || latest.status === 'unknown') return false;
  return latest.releaseDate <= anonymisationThreshold(today, afterDays);
}

/** The latest release date whose people are due today: `afterDays` calendar days before `today`. */
export function anonymisationThreshold(today: string, afterDays: number): string {
  return addDays(today, -afterDays);
}

/** Today's calendar date in London, from an instant. */
export function londonToday(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(now);
}

function addDays(date: string, days: number): string {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

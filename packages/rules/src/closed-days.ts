import { defaultCalendar } from '@resettle/calendar';

/**
 * The day community services are open again after her release day: the next working day in England and Wales
 * (weekends and bank holidays skipped). A prescription that must bridge closed days covers her up to and including
 * the day before this, and she is seen on it at the earliest.
 */
export function servicesReopenOn(releaseDate: string): string {
  return defaultCalendar().nextWorkingDay(releaseDate);
}

/** Whether services are closed on the day after her release (a Friday, or the eve of a bank holiday). */
export function closedDaysFollow(releaseDate: string): boolean {
  const calendar = defaultCalendar();
  const reopen = calendar.nextWorkingDay(releaseDate);
  return reopen !== nextCalendarDay(releaseDate);
}

/**
 * The last day a bridging prescription must cover for daily opioid substitution treatment: every day from release
 * until the day before her first community dose, and over closed days until services reopen. Null when no day needs
 * covering (her first community dose is on her release day and no closed days follow). Without a first dose date,
 * at least the release day itself.
 */
export function lastDayToCover(releaseDate: string, firstCommunityDoseDate: string | null): string | null {
  const candidates = [
    closedDaysFollow(releaseDate) ? previousCalendarDay(servicesReopenOn(releaseDate)) : null,
    firstCommunityDoseDate === null ? releaseDate : previousCalendarDay(firstCommunityDoseDate),
  ].filter((day): day is string => day !== null && day >= releaseDate);
  return candidates.sort().at(-1) ?? null;
}

function nextCalendarDay(date: string): string {
  return shift(date, 1);
}

function previousCalendarDay(date: string): string {
  return shift(date, -1);
}

function shift(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const shifted = new Date(Date.UTC(year!, month! - 1, day! + days));
  return shifted.toISOString().slice(0, 10);
}

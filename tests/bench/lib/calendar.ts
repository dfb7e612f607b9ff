/** Prison number for woman `n`: letter, four digits, two letters (unique below 175 million). */
export function personIdOf(n: number): string {
  const letter = (i: number) => String.fromCharCode(65 + (i % 26));
  const digits = String(Math.floor(n / 676) % 10_000).padStart(4, '0');
  return `${letter(Math.floor(n / 6_760_000))}${digits}${letter(Math.floor(n / 26))}${letter(n)}`;
}

/**
 * Tuesdays and Wednesdays between `fromDays` and `toDays` from today, clear of Christmas and New Year: dates the
 * release rules accept as they are (relative to the run date, so the bench never ages).
 */
function releaseDays(fromDays: number, toDays: number): string[] {
  const today = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate());
  const dates: string[] = [];
  for (let day = fromDays; day <= toDays; day += 1) {
    const date = new Date(today + day * 86_400_000);
    const iso = date.toISOString().slice(0, 10);
    const monthDay = iso.slice(5);
    if ([2, 3].includes(date.getUTCDay()) && monthDay < '12-20' && monthDay > '01-03') dates.push(iso);
  }
  return dates;
}

/** Upcoming releases: one to sixteen weeks ahead, the caseload probation watches. */
export const UPCOMING_DATES = releaseDays(7, 112);
/** Releases of the past year (journeys that ended at the gate). */
export const PAST_DATES = releaseDays(-365, -7);

const offsetCache = new Map<string, string>();
/** `2027-06-15T09:30:00+01:00`: a London wall-clock time with its offset on that date. */
export function londonAt(date: string, time: string): string {
  let offset = offsetCache.get(date);
  if (!offset) {
    const name = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', timeZoneName: 'shortOffset' })
      .formatToParts(new Date(`${date}T12:00:00Z`))
      .find((part) => part.type === 'timeZoneName')?.value;
    offset = name === 'GMT+1' ? '+01:00' : '+00:00';
    offsetCache.set(date, offset);
  }
  return `${date}T${time}:00${offset}`;
}

export const previousDay = (date: string) => new Date(Date.parse(date) - 86_400_000).toISOString().slice(0, 10);

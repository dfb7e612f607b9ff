import { DateTime } from 'luxon';

const ZONE = 'Europe/London';

/** "Thursday 10 December 2026" for a calendar date (YYYY-MM-DD, a London date). */
export function longDate(isoDate: string | null | undefined): string {
  if (!isoDate) return 'not set';
  const date = DateTime.fromISO(isoDate, { zone: ZONE });
  return date.isValid ? date.setLocale('en-GB').toFormat('cccc d LLLL yyyy') : isoDate;
}

/** "Thursday 10 December 2026 at 9:30am" for an instant, in London time. */
export function longDateTime(isoInstant: string | null | undefined): string {
  if (!isoInstant) return 'not set';
  const at = DateTime.fromISO(isoInstant, { setZone: false }).setZone(ZONE);
  return at.isValid ? `${at.setLocale('en-GB').toFormat('cccc d LLLL yyyy')} at ${clock(at)}` : isoInstant;
}

/** "9:30am" for a local HH:mm gate time. */
export function localTime(hhmm: string | null | undefined): string {
  if (!hhmm) return 'not set';
  const at = DateTime.fromFormat(hhmm, 'HH:mm', { zone: ZONE });
  return at.isValid ? clock(at) : hhmm;
}

function clock(at: DateTime): string {
  const hour = at.hour % 12 === 0 ? 12 : at.hour % 12;
  const suffix = at.hour < 12 ? 'am' : 'pm';
  if (at.hour === 12 && at.minute === 0) return 'midday';
  return at.minute === 0 ? `${hour}${suffix}` : `${hour}:${String(at.minute).padStart(2, '0')}${suffix}`;
}

/** Today's London date (YYYY-MM-DD), `days` on. */
export function londonDate(now: Date, days = 0): string {
  return DateTime.fromJSDate(now).setZone(ZONE).plus({ days }).toISODate() ?? '';
}

/** A date-input's three fields as YYYY-MM-DD, or undefined when they do not make a real date. */
export function dateFromParts(day: string | undefined, month: string | undefined, year: string | undefined) {
  if (!day || !month || !year) return undefined;
  const date = DateTime.fromObject({ day: Number(day), month: Number(month), year: Number(year) }, { zone: ZONE });
  return date.isValid && /^\d{4}$/.test(year.trim()) ? (date.toISODate() ?? undefined) : undefined;
}

export function dateParts(isoDate: string | undefined): { day: string; month: string; year: string } {
  const [year = '', month = '', day = ''] = (isoDate ?? '').split('-');
  return { day: day.replace(/^0/, ''), month: month.replace(/^0/, ''), year };
}

/** A London date and local time as an instant with its offset (e.g. 2026-12-10T13:00:00.000+00:00). */
export function londonInstant(isoDate: string, hhmm: string): string | undefined {
  const at = DateTime.fromISO(`${isoDate}T${hhmm}`, { zone: ZONE });
  return at.isValid && at.toFormat('HH:mm') === hhmm ? (at.toISO() ?? undefined) : undefined;
}

/** An instant's London date and HH:mm, for filling a form from a stored value. */
export function londonParts(isoInstant: string): { date: string; time: string } {
  const at = DateTime.fromISO(isoInstant).setZone(ZONE);
  return { date: at.toISODate() ?? '', time: at.toFormat('HH:mm') };
}

import type { DateTime } from 'luxon';
import { type FormErrors, formErrors, NO_ERRORS } from '../forms/errors.js';
import { monthName } from './figures.js';

export interface ContinuityFilters {
  prison: string;
  from: string;
  to: string;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const PRISON = /^[A-Z]{3}$/;
/** How many months back the period can reach from this month (the list of choices). */
export const MONTHS_OFFERED = 36;

/** The months offered, newest first, as "January 2027" with their YYYY-MM value. */
export function monthChoices(today: DateTime): { value: string; text: string }[] {
  const start = today.setZone('Europe/London').startOf('month');
  return Array.from({ length: MONTHS_OFFERED }, (_, back) => {
    const value = start.minus({ months: back }).toFormat('yyyy-MM');
    return { value, text: monthName(value) };
  });
}

/**
 * The page's query: prison (3 capital letters, or any), from and to (YYYY-MM; the last 12 months by default). Bad
 * input is named in plain words and nothing is asked of the API.
 */
export function readContinuityFilters(
  query: { prison?: string; from?: string; to?: string },
  today: DateTime,
): { filters: ContinuityFilters; errors: FormErrors } {
  const month = today.setZone('Europe/London').startOf('month');
  const filters = {
    prison: (query.prison ?? '').trim().toUpperCase(),
    from: query.from || month.minus({ months: 11 }).toFormat('yyyy-MM'),
    to: query.to || month.toFormat('yyyy-MM'),
  };
  const problems: { field: string; text: string }[] = [];
  if (filters.prison && !PRISON.test(filters.prison)) {
    problems.push({ field: 'prison', text: 'Enter the prison as its 3-letter code, like EHI, or leave it empty' });
  }
  if (!MONTH.test(filters.from)) problems.push({ field: 'from', text: 'Choose the first month of the period' });
  if (!MONTH.test(filters.to)) problems.push({ field: 'to', text: 'Choose the last month of the period' });
  if (problems.length === 0 && filters.from > filters.to) {
    problems.push({ field: 'from', text: 'The first month must be the same as or before the last month' });
  }
  return { filters, errors: problems.length ? formErrors(problems) : NO_ERRORS };
}

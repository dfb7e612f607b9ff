import { isIsoDate } from './london-date.js';

/** The shape GOV.UK publishes at https://www.gov.uk/bank-holidays.json. */
export interface GovUkEvent {
  title: string;
  date: string;
  notes: string;
  bunting: boolean;
}

export interface GovUkDivision {
  division: string;
  events: GovUkEvent[];
}

export type GovUkBankHolidays = Record<string, GovUkDivision>;

export const ENGLAND_AND_WALES = 'england-and-wales';

/** Validates the GOV.UK shape; throws naming the first problem. Requires the england-and-wales division. */
export function parseGovUkBankHolidays(json: unknown): GovUkBankHolidays {
  if (!isRecord(json)) throw new TypeError('Bank holidays: expected an object keyed by division');
  const result: GovUkBankHolidays = {};
  for (const [key, division] of Object.entries(json)) result[key] = parseDivision(key, division);
  if (!result[ENGLAND_AND_WALES]) throw new TypeError(`Bank holidays: no "${ENGLAND_AND_WALES}" division`);
  return result;
}

function parseDivision(key: string, division: unknown): GovUkDivision {
  if (!isRecord(division) || division.division !== key || !Array.isArray(division.events)) {
    throw new TypeError(`Bank holidays: division "${key}" must be { division: "${key}", events: [...] }`);
  }
  const events = division.events.map((event, index) => parseEvent(`${key}[${index}]`, event));
  const dates = new Set(events.map((event) => event.date));
  if (dates.size !== events.length) throw new TypeError(`Bank holidays: duplicate dates in "${key}"`);
  return { division: key, events };
}

function parseEvent(where: string, event: unknown): GovUkEvent {
  if (
    !isRecord(event) ||
    typeof event.title !== 'string' ||
    typeof event.date !== 'string' ||
    !isIsoDate(event.date) ||
    typeof event.notes !== 'string' ||
    typeof event.bunting !== 'boolean'
  ) {
    throw new TypeError(`Bank holidays: ${where} must be { title, date: YYYY-MM-DD, notes, bunting: boolean }`);
  }
  return { title: event.title, date: event.date, notes: event.notes, bunting: event.bunting };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

import type { Problem } from '../clients/api.js';
import type { ReleaseRequest } from '../clients/release-scheduling.js';
import { dateFromParts } from '../format/dates.js';
import { type FormErrors, formErrors, problemErrors } from './errors.js';
import { ENTER_PRISON_NUMBER, isPrisonNumber, typedPrisonNumber } from './identifiers.js';
import type { FormValues } from './values.js';

export type ReleaseForm = FormValues;

export const PROBATION_REGIONS = [
  'East Midlands',
  'East of England',
  'Greater Manchester',
  'Kent, Surrey and Sussex',
  'London',
  'North East',
  'North West',
  'South Central',
  'South West',
  'Wales',
  'West Midlands',
  'Yorkshire and the Humber',
];

/** Each rule in plain words, as a heading for the service's own explanation. */
export const RULE_TITLES: Record<string, string> = {
  LATE_GATE_TIME: 'The gate time is after the prison’s release window closes, so she would arrive too late in the day',
  EARLY_GATE_TIME: 'The gate time is before the prison’s release window opens',
  NONEXISTENT_LOCAL_TIME: 'That time does not exist on that day because the clocks change',
  FRIDAY_RELEASE: 'No release on a Friday when an earlier working day is allowed',
  PRE_BANK_HOLIDAY: 'No release on the last working day before a bank holiday when an earlier day is allowed',
  NO_ALLOWED_DAY_IN_WINDOW: 'No day she could be released on is allowed',
  RELEASE_DATE_IN_PAST: 'That date has already passed',
  AFTER_LEGAL_RELEASE_DATE: 'Release can never be later than the legal release date',
  NON_WORKING_DAY: 'That day is not a working day',
  TOO_EARLY: 'That is earlier than the rules allow',
};

const GATE_RULES = new Set(['LATE_GATE_TIME', 'EARLY_GATE_TIME', 'NONEXISTENT_LOCAL_TIME']);

export function ruleErrors(problem: Problem): FormErrors {
  if (problem.status !== 422 || !problem.rule) return problemErrors(problem, apiFieldToFormField, 'personId');
  const title = RULE_TITLES[problem.rule] ?? 'The rules do not allow this';
  const field = GATE_RULES.has(problem.rule) ? 'gateTime' : 'legalReleaseDate-day';
  return formErrors([{ field, text: `${title}. ${problem.detail ?? ''}`.trim() }]);
}

export function apiFieldToFormField(field: string): string | undefined {
  const fields: Record<string, string> = {
    'body.personId': 'personId',
    'body.probationRegion': 'probationRegion',
    'body.legalReleaseDate': 'legalReleaseDate-day',
    'body.gateTime': 'gateTime',
    'body.sentenceLengthDays': 'sentenceLengthDays',
    'body.eligibility.daysServedSinceSentence': 'daysServedSinceSentence',
    'body.reason': 'reason',
    'body.releaseFrom': 'releaseFrom',
  };
  return fields[field];
}

/** The form read into an API request, or the errors that stop it being sent. */
export function readReleaseForm(
  form: ReleaseForm,
): { errors: FormErrors } | { request: ReleaseRequest & { personId: string; probationRegion: string } } {
  const problems: { field: string; text: string }[] = [];
  const personId = typedPrisonNumber(form.personId);
  if (!isPrisonNumber(personId)) problems.push({ field: 'personId', text: ENTER_PRISON_NUMBER });
  const legalReleaseDate = dateFromParts(
    form['legalReleaseDate-day'],
    form['legalReleaseDate-month'],
    form['legalReleaseDate-year'],
  );
  if (!legalReleaseDate)
    problems.push({
      field: 'legalReleaseDate-day',
      text: 'Enter the legal release date as a real date, like 10 12 2026',
    });
  const gateTime = normaliseTime(form.gateTime);
  if (!gateTime) problems.push({ field: 'gateTime', text: 'Enter the gate time as hours and minutes, like 09:30' });
  const sentenceLengthDays = wholeNumber(form.sentenceLengthDays);
  if (sentenceLengthDays === undefined || sentenceLengthDays < 1)
    problems.push({ field: 'sentenceLengthDays', text: 'Enter the sentence length in days, like 180' });
  const daysServed = wholeNumber(form.daysServedSinceSentence);
  if (daysServed === undefined)
    problems.push({ field: 'daysServedSinceSentence', text: 'Enter the days she has served since sentence, like 90' });
  const probationRegion = form.probationRegion ?? '';
  if (!PROBATION_REGIONS.includes(probationRegion))
    problems.push({ field: 'probationRegion', text: 'Select the probation region she will be supervised in' });
  const releaseFrom = form.releaseFrom === 'COURT' || form.releaseFrom === 'VIDEO_LINK' ? form.releaseFrom : 'PRISON';
  if (
    problems.length > 0 ||
    !legalReleaseDate ||
    !gateTime ||
    sentenceLengthDays === undefined ||
    daysServed === undefined
  ) {
    return { errors: formErrors(problems) };
  }
  const ticked = new Set((form.eligibility ?? '').split(','));
  return {
    request: {
      personId,
      probationRegion,
      legalReleaseDate,
      gateTime,
      releaseFrom,
      sentenceLengthDays,
      eligibility: {
        homeDetentionCurfew: ticked.has('homeDetentionCurfew'),
        indeterminateSentence: ticked.has('indeterminateSentence'),
        paroleBoardRelease: ticked.has('paroleBoardRelease'),
        daysServedSinceSentence: daysServed,
      },
    },
  };
}

/** "9:30", "09:30", "9.30" all mean 09:30; anything else is not a time. */
export function normaliseTime(value: string | undefined): string | undefined {
  const match = /^\s*([01]?\d|2[0-3])[:.]([0-5]\d)\s*$/.exec(value ?? '');
  return match ? `${match[1]?.padStart(2, '0')}:${match[2]}` : undefined;
}

function wholeNumber(value: string | undefined): number | undefined {
  return /^\s*\d{1,5}\s*$/.test(value ?? '') ? Number(value) : undefined;
}

import type { TravelDetail, TravelPlan } from '../clients/transport.js';
import { dateFromParts, dateParts, londonInstant, londonParts } from '../format/dates.js';
import { choices, isChoice } from './choices.js';
import { fieldsByPrefix, formErrors, type Read } from './errors.js';
import { normaliseTime } from './release-form.js';
import type { FormValues } from './values.js';

export const TRAVEL_MODES = choices({
  'met-at-gate': 'Met at the gate',
  'public-transport-with-warrant': 'Public transport with a travel warrant',
  taxi: 'Taxi',
  'prison-transport': 'Prison transport',
});

/** The journey from the gate: read from the form, refused onto it, and a plan put back into it to change. */
export const travelForm = {
  idField: 'travelPlanId',
  choices: { modes: TRAVEL_MODES },
  fieldFor: fieldsByPrefix({
    'body.mode': 'mode',
    'body.metBy': 'metBy',
    'body.departureAt': 'departure-day',
    'body.expectedArrivalAt': 'arrivalTime',
    'body.destination': 'destination',
    'body.arrangedBy': 'arrangedBy',
    'body.escorted': 'escorted',
  }),
  firstField: 'mode',
  read: readTravelForm,
  valuesOf: travelValues,
};

function travelValues(plan: TravelPlan): FormValues {
  const departure = londonParts(plan.departureAt);
  const day = dateParts(departure.date);
  return {
    travelPlanId: plan.id,
    mode: plan.mode,
    metBy: plan.metBy ?? '',
    'departure-day': day.day,
    'departure-month': day.month,
    'departure-year': day.year,
    departureTime: departure.time,
    arrivalTime: londonParts(plan.expectedArrivalAt).time,
    destination: plan.destination,
    arrangedBy: plan.arrangedBy,
    escorted: plan.escorted ? 'yes' : 'no',
  };
}

function readTravelForm(form: FormValues): Read<TravelDetail> {
  const problems: { field: string; text: string }[] = [];
  const mode = form.mode ?? '';
  if (!isChoice(TRAVEL_MODES, mode)) problems.push({ field: 'mode', text: 'Select how she travels' });
  const metBy = (form.metBy ?? '').trim();
  if (mode === 'met-at-gate' && !metBy) problems.push({ field: 'metBy', text: 'Enter who meets her at the gate' });
  const day = dateFromParts(form['departure-day'], form['departure-month'], form['departure-year']);
  const departure = normaliseTime(form.departureTime);
  const departureAt = day && departure ? londonInstant(day, departure) : undefined;
  if (!departureAt)
    problems.push({
      field: 'departure-day',
      text: 'Enter the day and time she leaves the gate, like 10 12 2026 and 09:45',
    });
  const arrival = normaliseTime(form.arrivalTime);
  const expectedArrivalAt = day && arrival ? londonInstant(day, arrival) : undefined;
  if (!arrival) problems.push({ field: 'arrivalTime', text: 'Enter when she is expected to arrive, like 12:00' });
  const destination = form.destination;
  if (destination !== 'accommodation' && destination !== 'first-appointment')
    problems.push({ field: 'destination', text: 'Select where she is going' });
  const arrangedBy = (form.arrangedBy ?? '').trim();
  if (!arrangedBy) problems.push({ field: 'arrangedBy', text: 'Enter who arranged the journey' });
  if (form.escorted !== 'yes' && form.escorted !== 'no')
    problems.push({ field: 'escorted', text: 'Select whether she is escorted' });
  if (
    problems.length > 0 ||
    !departureAt ||
    !expectedArrivalAt ||
    (destination !== 'accommodation' && destination !== 'first-appointment')
  ) {
    return { errors: formErrors(problems) };
  }
  return {
    detail: {
      mode,
      metBy: metBy || null,
      departureAt,
      expectedArrivalAt,
      destination,
      arrangedBy,
      escorted: form.escorted === 'yes',
    },
  };
}

import type { AccommodationDetail } from '../clients/accommodation.js';
import type { TravelDetail } from '../clients/transport.js';
import { dateFromParts, londonInstant } from '../format/dates.js';
import { type FormErrors, fieldsByPrefix, formErrors } from './errors.js';
import { normaliseTime } from './release-form.js';
import type { FormValues } from './values.js';

export const ACCOMMODATION_TYPES = [
  { value: 'own-tenancy', text: 'Her own tenancy' },
  { value: 'family-or-friends', text: 'Family or friends' },
  { value: 'approved-premises', text: 'Approved premises' },
  { value: 'supported-housing', text: 'Supported housing' },
  { value: 'temporary-or-hostel', text: 'Temporary accommodation or hostel' },
  { value: 'none', text: 'None found' },
];

export const TRAVEL_MODES = [
  { value: 'met-at-gate', text: 'Met at the gate' },
  { value: 'public-transport-with-warrant', text: 'Public transport with a travel warrant' },
  { value: 'taxi', text: 'Taxi' },
  { value: 'prison-transport', text: 'Prison transport' },
];

export const accommodationField = fieldsByPrefix({
  'body.type': 'type',
  'body.localAuthority': 'localAuthority',
  'body.postcodeDistrict': 'postcodeDistrict',
  'body.confirmedFrom': 'confirmedFrom-day',
  'body.womenOnly': 'womenOnly',
  'body.confirmedBy': 'confirmedBy',
});

export const travelField = fieldsByPrefix({
  'body.mode': 'mode',
  'body.metBy': 'metBy',
  'body.departureAt': 'departure-day',
  'body.expectedArrivalAt': 'arrivalTime',
  'body.destination': 'destination',
  'body.arrangedBy': 'arrangedBy',
  'body.escorted': 'escorted',
});

type Read<T> = { errors: FormErrors } | { detail: T };

export function readAccommodationForm(form: FormValues): Read<AccommodationDetail> {
  const problems: { field: string; text: string }[] = [];
  const type = form.type ?? '';
  if (!ACCOMMODATION_TYPES.some((choice) => choice.value === type))
    problems.push({ field: 'type', text: 'Select the type of accommodation' });
  const housed = type !== 'none';
  const localAuthority = (form.localAuthority ?? '').trim();
  if (housed && !localAuthority)
    problems.push({ field: 'localAuthority', text: 'Enter the local authority, like Bristol' });
  const postcodeDistrict = (form.postcodeDistrict ?? '').trim().toUpperCase();
  if (housed && !/^[A-Z]{1,2}[0-9][0-9A-Z]?$/.test(postcodeDistrict))
    problems.push({ field: 'postcodeDistrict', text: 'Enter the postcode district, like BS2' });
  const confirmedFrom = dateFromParts(
    form['confirmedFrom-day'],
    form['confirmedFrom-month'],
    form['confirmedFrom-year'],
  );
  if (housed && !confirmedFrom)
    problems.push({
      field: 'confirmedFrom-day',
      text: 'Enter the date the accommodation is confirmed from, like 10 12 2026',
    });
  if (form.womenOnly !== 'yes' && form.womenOnly !== 'no')
    problems.push({ field: 'womenOnly', text: 'Select whether it is women-only' });
  const confirmedBy = (form.confirmedBy ?? '').trim();
  if (housed && !confirmedBy) problems.push({ field: 'confirmedBy', text: 'Enter who confirmed it' });
  if (problems.length > 0) return { errors: formErrors(problems) };
  return {
    detail: {
      type,
      localAuthority: housed ? localAuthority : null,
      postcodeDistrict: housed ? postcodeDistrict : null,
      confirmedFrom: housed ? (confirmedFrom ?? null) : null,
      womenOnly: form.womenOnly === 'yes',
      confirmedBy: housed ? confirmedBy : null,
    },
  };
}

export function readTravelForm(form: FormValues): Read<TravelDetail> {
  const problems: { field: string; text: string }[] = [];
  const mode = form.mode ?? '';
  if (!TRAVEL_MODES.some((choice) => choice.value === mode))
    problems.push({ field: 'mode', text: 'Select how she travels' });
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

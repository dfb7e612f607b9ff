import type { Accommodation, AccommodationDetail } from '../clients/accommodation.js';
import { dateFromParts, dateParts } from '../format/dates.js';
import { choices, isChoice } from './choices.js';
import { fieldsByPrefix, formErrors, type Read } from './errors.js';
import type { FormValues } from './values.js';

export const ACCOMMODATION_TYPES = choices({
  'own-tenancy': 'Her own tenancy',
  'family-or-friends': 'Family or friends',
  'approved-premises': 'Approved premises',
  'supported-housing': 'Supported housing',
  'temporary-or-hostel': 'Temporary accommodation or hostel',
  none: 'None found',
});

/** Release-night accommodation: read from the form, refused onto it, and a record put back into it to change. */
export const accommodationForm = {
  idField: 'accommodationId',
  choices: { types: ACCOMMODATION_TYPES },
  fieldFor: fieldsByPrefix({
    'body.type': 'type',
    'body.localAuthority': 'localAuthority',
    'body.postcodeDistrict': 'postcodeDistrict',
    'body.confirmedFrom': 'confirmedFrom-day',
    'body.womenOnly': 'womenOnly',
    'body.confirmedBy': 'confirmedBy',
  }),
  firstField: 'type',
  read: readAccommodationForm,
  valuesOf: accommodationValues,
};

function accommodationValues(record: Accommodation): FormValues {
  const from = dateParts(record.confirmedFrom ?? undefined);
  return {
    accommodationId: record.id,
    type: record.type,
    localAuthority: record.localAuthority ?? '',
    postcodeDistrict: record.postcodeDistrict ?? '',
    'confirmedFrom-day': from.day,
    'confirmedFrom-month': from.month,
    'confirmedFrom-year': from.year,
    womenOnly: record.womenOnly ? 'yes' : 'no',
    confirmedBy: record.confirmedBy ?? '',
  };
}

function readAccommodationForm(form: FormValues): Read<AccommodationDetail> {
  const problems: { field: string; text: string }[] = [];
  const type = form.type ?? '';
  if (!isChoice(ACCOMMODATION_TYPES, type)) problems.push({ field: 'type', text: 'Select the type of accommodation' });
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

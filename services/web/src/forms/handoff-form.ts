import type { Release } from '../clients/release-scheduling.js';
import type { Booking } from '../clients/treatment-continuity.js';
import { dateFromParts, londonInstant } from '../format/dates.js';
import { choices, isChoice } from './choices.js';
import { type FormErrors, fieldsByPrefix, formErrors } from './errors.js';
import { normaliseTime } from './release-form.js';
import type { FormValues } from './values.js';

/** The community providers a handoff can be addressed to (their organisation ids are the provider tokens' claim). */
export const PROVIDERS = [{ id: 'bristol-drug-project', name: 'Bristol Drug Project' }];

export const TREATMENTS = choices({
  methadone: 'Methadone',
  buprenorphine: 'Buprenorphine',
  'long-acting-injectable-buprenorphine': 'Long-acting injectable buprenorphine',
  other: 'Other',
  none: 'None',
});

/** The service's rule fields, as the form's field ids. */
export const handoffField = fieldsByPrefix({
  'body.consentToShare': 'consentToShare',
  'body.treatment': 'treatmentKind',
  'body.treatment.dose': 'dose',
  'body.treatment.lastDoseInCustodyAt': 'lastDose-day',
  'body.treatment.nextInjectionDue': 'nextInjectionDue-day',
  'body.naloxoneSupplied': 'naloxoneSupplied',
  'body.bridgingPrescription': 'bridgingUntil-day',
  'body.bridgingPrescription.lastDayCovered': 'bridgingUntil-day',
  'body.weekendCoverPlan': 'coverUntil-day',
  'body.providerId': 'providerId',
  'body.providerArea': 'localAuthority',
  'body.providerArea.postcodeDistrict': 'postcodeDistrict',
  'body.firstAppointment': 'appointment-day',
  'body.firstAppointment.place': 'appointmentPlace',
  'body.expectedArrivalAt': 'expectedArrivalTime',
  'body.preferences': 'preferences',
  'body.preferences.childcareConstraints': 'childcareDay',
  'body.referrals': 'referrals',
});

type Problems = { field: string; text: string }[];

/** The booking form read into the API's request, or the errors that stop it being sent. */
export function readHandoffForm(form: FormValues, release: Release): { errors: FormErrors } | { booking: Booking } {
  const problems: Problems = [];
  const need = (ok: unknown, field: string, text: string) => {
    if (!ok) problems.push({ field, text });
  };
  need(
    form.consentToShare === 'yes' || form.consentToShare === 'no',
    'consentToShare',
    'Select whether she consents to share her treatment details with the provider',
  );
  const kind = form.treatmentKind ?? '';
  need(isChoice(TREATMENTS, kind), 'treatmentKind', 'Select her current treatment');
  const onTreatment = kind !== '' && kind !== 'none';
  const dose = (form.dose ?? '').trim();
  need(!onTreatment || dose.length > 0, 'dose', 'Enter her dose, like 60 mg daily');
  const lastDose = instantFrom(form, 'lastDose', form.lastDoseTime);
  need(
    !onTreatment || lastDose,
    'lastDose-day',
    'Enter the date and time of her last dose in custody, like 10 12 2026 and 08:00',
  );
  const injectionDue = dateFromParts(
    form['nextInjectionDue-day'],
    form['nextInjectionDue-month'],
    form['nextInjectionDue-year'],
  );
  need(
    kind !== 'long-acting-injectable-buprenorphine' || injectionDue,
    'nextInjectionDue-day',
    'Enter when her next injection is due',
  );
  need(
    form.naloxoneSupplied === 'yes' || form.naloxoneSupplied === 'no',
    'naloxoneSupplied',
    'Select whether naloxone is supplied on release',
  );
  const bridgingUntil = dateFromParts(
    form['bridgingUntil-day'],
    form['bridgingUntil-month'],
    form['bridgingUntil-year'],
  );
  need(
    !form['bridgingUntil-day'] || bridgingUntil,
    'bridgingUntil-day',
    'Enter the last day the bridging prescription covers as a real date, like 12 12 2026',
  );
  const provider = PROVIDERS.find((candidate) => candidate.id === form.providerId);
  need(provider, 'providerId', 'Select the community treatment provider');
  const localAuthority = (form.localAuthority ?? '').trim();
  need(localAuthority, 'localAuthority', 'Enter the provider’s local authority, like Bristol');
  const postcodeDistrict = (form.postcodeDistrict ?? '').trim().toUpperCase();
  need(
    /^[A-Z]{1,2}[0-9][0-9A-Z]?$/.test(postcodeDistrict),
    'postcodeDistrict',
    'Enter the provider’s postcode district, like BS1',
  );
  const appointmentDate = dateFromParts(form['appointment-day'], form['appointment-month'], form['appointment-year']);
  const appointmentTime = normaliseTime(form.appointmentTime);
  const place = (form.appointmentPlace ?? '').trim();
  const anyAppointment = Boolean(form['appointment-day'] || form.appointmentTime || place);
  const appointmentAt =
    appointmentDate && appointmentTime ? londonInstant(appointmentDate, appointmentTime) : undefined;
  if (anyAppointment) {
    need(appointmentAt, 'appointment-day', 'Enter the first appointment’s date and time, like 10 12 2026 and 13:00');
    need(place, 'appointmentPlace', 'Enter where the first appointment is');
  }
  const arrivalTime = normaliseTime(form.expectedArrivalTime);
  need(
    !form.expectedArrivalTime || arrivalTime,
    'expectedArrivalTime',
    'Enter her expected arrival time as hours and minutes, like 12:00',
  );
  const constraint = childcare(form, problems);
  const coverUntil = dateFromParts(form['coverUntil-day'], form['coverUntil-month'], form['coverUntil-year']);
  need(
    !form['coverUntil-day'] || coverUntil,
    'coverUntil-day',
    'Enter the date the prescription covers until as a real date',
  );
  if (problems.length > 0) return { errors: formErrors(problems) };
  const ticked = (name: string) => (form[name] ?? '').split(',');
  return {
    booking: {
      personId: release.personId,
      releaseId: release.id,
      consentToShare: form.consentToShare === 'yes',
      treatment: {
        kind,
        dose: onTreatment ? dose : null,
        lastDoseInCustodyAt: onTreatment ? (lastDose ?? null) : null,
        nextInjectionDue: kind === 'long-acting-injectable-buprenorphine' ? (injectionDue ?? null) : null,
      },
      naloxoneSupplied: form.naloxoneSupplied === 'yes',
      bridgingPrescription: bridgingUntil ? { lastDayCovered: bridgingUntil } : null,
      weekendCoverPlan: coverUntil
        ? { prescriptionCoversUntil: coverUntil, outOfHoursContact: form.outOfHoursContact === 'yes' }
        : null,
      providerId: provider?.id ?? '',
      providerArea: { localAuthority, postcodeDistrict },
      firstAppointment: appointmentAt ? { at: appointmentAt, place } : null,
      expectedArrivalAt: arrivalTime ? (londonInstant(release.releaseDate, arrivalTime) ?? null) : null,
      preferences: {
        femaleKeyWorker: ticked('preferences').includes('femaleKeyWorker'),
        womenOnlyService: ticked('preferences').includes('womenOnlyService'),
        childcareConstraints: constraint ? [constraint] : [],
      },
      referrals: {
        mentalHealth: ticked('referrals').includes('mentalHealth'),
        domesticAbuse: ticked('referrals').includes('domesticAbuse'),
      },
    },
  };
}

function instantFrom(form: FormValues, prefix: string, time: string | undefined) {
  const date = dateFromParts(form[`${prefix}-day`], form[`${prefix}-month`], form[`${prefix}-year`]);
  const hhmm = normaliseTime(time);
  return date && hhmm ? londonInstant(date, hhmm) : undefined;
}

/** One time she cannot attend (e.g. school pick-up): a day and a span, or nothing. */
function childcare(form: FormValues, problems: Problems) {
  if (!form.childcareDay && !form.childcareFrom && !form.childcareTo) return undefined;
  const dayOfWeek = Number(form.childcareDay);
  const from = normaliseTime(form.childcareFrom);
  const to = normaliseTime(form.childcareTo);
  if (!(dayOfWeek >= 1 && dayOfWeek <= 7) || !from || !to || from >= to) {
    problems.push({
      field: 'childcareDay',
      text: 'Enter the day and the times she cannot attend, like Monday 15:00 to 16:00',
    });
    return undefined;
  }
  return { dayOfWeek, from, to };
}

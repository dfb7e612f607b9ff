import type { Acceptance, OutcomeRecord } from '../clients/treatment-continuity.js';
import { dateFromParts, londonInstant } from '../format/dates.js';
import { fieldsByPrefix, formErrors, type Read } from './errors.js';
import { normaliseTime } from './release-form.js';
import type { FormValues } from './values.js';

/** The service's rule fields, as the answer forms' field ids. */
export const answerField = fieldsByPrefix({
  'body.keyWorker': 'keyWorkerName',
  'body.keyWorker.gender': 'keyWorkerGender',
  'body.appointmentConfirmed': 'appointmentConfirmed',
  'body.firstAppointment': 'newAppointment-day',
  'body.firstAppointment.place': 'newAppointmentPlace',
  'body.reason': 'reason',
  'body.outcome': 'outcome',
  'body.newAppointmentAt': 'movedTo-day',
});

/** Accepting names the key worker; the appointment stays as booked unless she moves it, with a date, time and place. */
export function readAcceptance(values: FormValues): Read<Acceptance> {
  const problems: { field: string; text: string }[] = [];
  const name = (values.keyWorkerName ?? '').trim();
  if (!name) problems.push({ field: 'keyWorkerName', text: 'Enter the name of the key worker who will see her' });
  const gender = values.keyWorkerGender ?? '';
  if (!['female', 'male', 'other'].includes(gender))
    problems.push({ field: 'keyWorkerGender', text: 'Select the key worker’s gender' });
  const moving = Boolean(values['newAppointment-day'] || values.newAppointmentTime || values.newAppointmentPlace);
  const date = dateFromParts(
    values['newAppointment-day'],
    values['newAppointment-month'],
    values['newAppointment-year'],
  );
  const time = normaliseTime(values.newAppointmentTime);
  const at = date && time ? londonInstant(date, time) : undefined;
  const place = (values.newAppointmentPlace ?? '').trim();
  if (moving && !at)
    problems.push({
      field: 'newAppointment-day',
      text: 'Enter the new appointment’s date and time, like 10 12 2026 and 13:00',
    });
  if (moving && !place) problems.push({ field: 'newAppointmentPlace', text: 'Enter where the new appointment is' });
  if (problems.length > 0) return { errors: formErrors(problems) };
  return {
    detail: {
      keyWorker: { name, gender },
      appointmentConfirmed: values.appointmentConfirmed === 'yes',
      ...(moving && at && { firstAppointment: { at, place } }),
    },
  };
}

/** Declining needs a reason: healthcare reads it to find another provider. */
export function readDecline(values: FormValues): Read<string> {
  const reason = (values.reason ?? '').trim();
  if (reason) return { detail: reason };
  return {
    errors: formErrors([
      { field: 'reason', text: 'Enter why you are declining, so healthcare can find another provider' },
    ]),
  };
}

const OUTCOMES: readonly string[] = ['attended', 'not-attended', 'moved'];

/** After her release: was the first appointment attended, missed, or moved (then with its new date and time)? */
export function readOutcome(values: FormValues): Read<OutcomeRecord> {
  const outcome = values.outcome ?? '';
  if (!OUTCOMES.includes(outcome)) {
    return { errors: formErrors([{ field: 'outcome', text: 'Select what happened at the first appointment' }]) };
  }
  if (outcome !== 'moved') return { detail: { outcome: outcome as OutcomeRecord['outcome'] } };
  const date = dateFromParts(values['movedTo-day'], values['movedTo-month'], values['movedTo-year']);
  const time = normaliseTime(values.movedToTime);
  const at = date && time ? londonInstant(date, time) : undefined;
  if (!at) {
    return {
      errors: formErrors([
        { field: 'movedTo-day', text: 'Enter the new appointment’s date and time, like 10 12 2026 and 13:00' },
      ]),
    };
  }
  return { detail: { outcome: 'moved', newAppointmentAt: at } };
}

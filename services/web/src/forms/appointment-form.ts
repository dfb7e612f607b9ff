import type { Appointment, AppointmentConfirmation } from '../clients/treatment-continuity.js';
import { dateFromParts, londonInstant } from '../format/dates.js';
import { fieldsByPrefix, formErrors, type Read } from './errors.js';
import { normaliseTime } from './release-form.js';
import type { FormValues } from './values.js';

/** The service's rule fields, as the appointment and aftercare forms' field ids. */
export const appointmentField = fieldsByPrefix({
  'body.firstAppointment': 'appointment-day',
  'body.firstAppointment.place': 'appointmentPlace',
  'body.status': 'appointment-day',
  'body.releaseRevision': 'appointment-day',
  'body.startedOn': 'startedOn-day',
  'body.reason': 'disengagedReason',
});

/** A new first appointment: a date, a time and a place, all three. */
export function readAppointment(values: FormValues): Read<Appointment> {
  const date = dateFromParts(values['appointment-day'], values['appointment-month'], values['appointment-year']);
  const time = normaliseTime(values.appointmentTime);
  const at = date && time ? londonInstant(date, time) : undefined;
  const place = (values.appointmentPlace ?? '').trim();
  const problems: { field: string; text: string }[] = [];
  if (!at)
    problems.push({
      field: 'appointment-day',
      text: 'Enter the appointment’s date and time, like 10 12 2026 and 13:00',
    });
  if (!place) problems.push({ field: 'appointmentPlace', text: 'Enter where the appointment is' });
  if (problems.length > 0 || !at) return { errors: formErrors(problems) };
  return { detail: { at, place } };
}

/** The provider confirms the appointment as booked, or moves it (then with the new date, time and place). */
export function readAppointmentConfirmation(values: FormValues): Read<AppointmentConfirmation> {
  if (values.change !== 'move') return { detail: {} };
  const appointment = readAppointment(values);
  return 'errors' in appointment ? appointment : { detail: { firstAppointment: appointment.detail } };
}

/** The day community treatment started: her first community dose or first assessment. */
export function readTreatmentStarted(values: FormValues): Read<string> {
  const date = dateFromParts(values['startedOn-day'], values['startedOn-month'], values['startedOn-year']);
  if (date) return { detail: date };
  return {
    errors: formErrors([{ field: 'startedOn-day', text: 'Enter the date treatment started, like 10 12 2026' }]),
  };
}

/** Disengaging needs a reason: probation reads it. */
export function readDisengaged(values: FormValues): Read<string> {
  const reason = (values.disengagedReason ?? '').trim();
  if (reason) return { detail: reason };
  return { errors: formErrors([{ field: 'disengagedReason', text: 'Enter why she is no longer in treatment' }]) };
}

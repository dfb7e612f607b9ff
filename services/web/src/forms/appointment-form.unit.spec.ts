import { describe, expect, it } from 'vitest';
import {
  appointmentField,
  readAppointment,
  readAppointmentConfirmation,
  readDisengaged,
  readTreatmentStarted,
} from './appointment-form.js';

const moved = {
  change: 'move',
  'appointment-day': '10',
  'appointment-month': '12',
  'appointment-year': '2026',
  appointmentTime: '13:30',
  appointmentPlace: ' Bristol Drug Project ',
};

describe('the appointment and aftercare forms', () => {
  it('confirms the booked appointment when she does not move it', () => {
    expect(readAppointmentConfirmation({ change: 'confirm' })).toEqual({ detail: {} });
  });

  it('reads a moved appointment as a London instant and a place', () => {
    expect(readAppointmentConfirmation(moved)).toEqual({
      detail: { firstAppointment: { at: '2026-12-10T13:30:00.000+00:00', place: 'Bristol Drug Project' } },
    });
  });

  it('asks for every part of a moved appointment, beside its field', () => {
    const read = readAppointmentConfirmation({ change: 'move', 'appointment-day': '31', 'appointment-month': '2' });
    expect(read).toEqual({
      errors: {
        summary: [
          { text: 'Enter the appointment’s date and time, like 10 12 2026 and 13:00', href: '#appointment-day' },
          { text: 'Enter where the appointment is', href: '#appointmentPlace' },
        ],
        fields: {
          'appointment-day': { text: 'Enter the appointment’s date and time, like 10 12 2026 and 13:00' },
          appointmentPlace: { text: 'Enter where the appointment is' },
        },
      },
    });
    expect('errors' in readAppointment({})).toBe(true);
  });

  it('reads the start of treatment and the reason for disengaging, or asks for them', () => {
    expect(readTreatmentStarted({ 'startedOn-day': '3', 'startedOn-month': '12', 'startedOn-year': '2026' })).toEqual({
      detail: '2026-12-03',
    });
    expect(readTreatmentStarted({ 'startedOn-day': '3' })).toMatchObject({
      errors: { summary: [{ href: '#startedOn-day' }] },
    });
    expect(readDisengaged({ disengagedReason: '  Moved away ' })).toEqual({ detail: 'Moved away' });
    expect(readDisengaged({ disengagedReason: ' ' })).toMatchObject({
      errors: { summary: [{ href: '#disengagedReason' }] },
    });
  });

  it('places the service’s refusals beside the fields that caused them', () => {
    expect(appointmentField('body.firstAppointment.at')).toBe('appointment-day');
    expect(appointmentField('body.firstAppointment.place')).toBe('appointmentPlace');
    expect(appointmentField('body.startedOn')).toBe('startedOn-day');
    expect(appointmentField('body.reason')).toBe('disengagedReason');
  });
});

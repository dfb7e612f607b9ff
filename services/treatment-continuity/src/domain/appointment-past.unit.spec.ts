import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { checkAppointmentNotInPast } from './appointment-past.js';
import { aHandoff, appointmentAt, rules } from './handoff.fixture.js';

describe('checkAppointmentNotInPast', () => {
  const handoff = aHandoff(appointmentAt('2026-04-16T14:00:00+01:00'));

  it('accepts a future appointment and one exactly now', () => {
    expect(checkAppointmentNotInPast(handoff, '2026-04-10T09:00:00+01:00')).toEqual([]);
    expect(checkAppointmentNotInPast(handoff, '2026-04-16T13:00:00Z')).toEqual([]);
  });

  it('refuses an appointment a minute ago', () => {
    const now = DateTime.fromISO('2026-04-16T14:01:00', { zone: 'Europe/London' });
    expect(rules(checkAppointmentNotInPast(handoff, now))).toEqual(['APPOINTMENT_IN_PAST']);
  });

  it('has nothing to say without an appointment', () => {
    expect(checkAppointmentNotInPast(aHandoff({ firstAppointment: null }), '2026-04-16T14:01:00Z')).toEqual([]);
  });

  it('refuses an unusable clock', () => {
    expect(() => checkAppointmentNotInPast(handoff, '2026-04-16')).toThrow(RangeError);
  });
});

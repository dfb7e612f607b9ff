import { describe, expect, it } from 'vitest';
import { checkChildcareConstraints } from './childcare.js';
import { aHandoff, appointmentAt, rules } from './handoff.fixture.js';
import type { ChildcareConstraint } from './handoff.js';

// 2026-04-20 is a Monday.
const mondayAfternoon: ChildcareConstraint = { dayOfWeek: 1, from: '15:00', to: '17:00' };
const withConstraint = (at: string, constraints = [mondayAfternoon]) =>
  aHandoff({
    ...appointmentAt(at),
    preferences: { femaleKeyWorker: false, womenOnlyService: false, childcareConstraints: constraints },
  });

describe('checkChildcareConstraints', () => {
  it('refuses an appointment inside the constraint', () => {
    expect(checkChildcareConstraints(withConstraint('2026-04-20T16:00:00+01:00'))).toEqual([
      expect.objectContaining({ rule: 'APPOINTMENT_IN_CHILDCARE_CONSTRAINT', field: 'firstAppointment.at' }),
    ]);
  });

  it('refuses exactly at the start and accepts exactly at the end', () => {
    expect(rules(checkChildcareConstraints(withConstraint('2026-04-20T15:00:00+01:00')))).toEqual([
      'APPOINTMENT_IN_CHILDCARE_CONSTRAINT',
    ]);
    expect(checkChildcareConstraints(withConstraint('2026-04-20T17:00:00+01:00'))).toEqual([]);
    expect(checkChildcareConstraints(withConstraint('2026-04-20T14:59:00+01:00'))).toEqual([]);
  });

  it('counts the appointment length when set', () => {
    const handoff = withConstraint('2026-04-20T14:30:00+01:00');
    expect(rules(checkChildcareConstraints(handoff, { appointmentMinutes: 45 }))).toEqual([
      'APPOINTMENT_IN_CHILDCARE_CONSTRAINT',
    ]);
    expect(checkChildcareConstraints(handoff, { appointmentMinutes: 30 })).toEqual([]);
  });

  it('accepts the same time on another weekday', () => {
    expect(checkChildcareConstraints(withConstraint('2026-04-21T16:00:00+01:00'))).toEqual([]);
  });

  it('compares in London local time, not UTC', () => {
    // 14:30 UTC is 15:30 BST on Monday.
    expect(rules(checkChildcareConstraints(withConstraint('2026-04-20T14:30:00Z')))).toEqual([
      'APPOINTMENT_IN_CHILDCARE_CONSTRAINT',
    ]);
  });

  it('uses ISO weekdays: 7 is Sunday, on the spring-forward day too', () => {
    const sundayMorning = { dayOfWeek: 7, from: '09:00', to: '12:00' };
    expect(rules(checkChildcareConstraints(withConstraint('2026-03-29T09:30:00+01:00', [sundayMorning])))).toEqual([
      'APPOINTMENT_IN_CHILDCARE_CONSTRAINT',
    ]);
    // 08:30 UTC on 25 Oct 2026 is 08:30 GMT (clocks went back): outside 09:00-12:00.
    expect(checkChildcareConstraints(withConstraint('2026-10-25T08:30:00Z', [sundayMorning]))).toEqual([]);
  });

  it('rejects a malformed constraint', () => {
    const bad = [
      { dayOfWeek: 8, from: '09:00', to: '10:00' },
      { dayOfWeek: 1, from: '17:00', to: '15:00' },
    ];
    expect(checkChildcareConstraints(withConstraint('2026-04-20T16:00:00+01:00', bad)).map((v) => v.field)).toEqual([
      'preferences.childcareConstraints[0]',
      'preferences.childcareConstraints[1]',
    ]);
  });
});

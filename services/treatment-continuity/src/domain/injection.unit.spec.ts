import { describe, expect, it } from 'vitest';
import { aHandoff, appointmentAt, release, rules } from './handoff.fixture.js';
import { checkInjectionCovered } from './injection.js';

const injectable = (nextInjectionDue: string | null, at: string | null) =>
  aHandoff({
    treatment: {
      kind: 'long-acting-injectable-buprenorphine',
      dose: '128mg',
      lastDoseInCustodyAt: null,
      nextInjectionDue,
    },
    ...(at ? appointmentAt(at) : { firstAppointment: null }),
  });

describe('checkInjectionCovered', () => {
  it('accepts an appointment before the due date', () => {
    expect(checkInjectionCovered(injectable('2026-04-30', '2026-04-20T10:00:00+01:00'), release)).toEqual([]);
  });

  it('accepts an appointment late on the due date itself', () => {
    expect(checkInjectionCovered(injectable('2026-04-30', '2026-04-30T23:59:00+01:00'), release)).toEqual([]);
  });

  it('refuses an appointment the day after the due date', () => {
    expect(checkInjectionCovered(injectable('2026-04-30', '2026-05-01T00:00:00+01:00'), release)).toEqual([
      expect.objectContaining({ rule: 'INJECTION_DUE_NOT_COVERED', field: 'firstAppointment.at' }),
    ]);
  });

  it('refuses a missing appointment or due date', () => {
    expect(checkInjectionCovered(injectable('2026-04-30', null), release)).toEqual([
      expect.objectContaining({ rule: 'INJECTION_DUE_NOT_COVERED', field: 'firstAppointment' }),
    ]);
    expect(checkInjectionCovered(injectable(null, '2026-04-20T10:00:00+01:00'), release)).toEqual([
      expect.objectContaining({ rule: 'INJECTION_DUE_NOT_COVERED', field: 'treatment.nextInjectionDue' }),
    ]);
  });

  it('refuses an appointment she cannot reach in time', () => {
    expect(rules(checkInjectionCovered(injectable('2026-04-30', '2026-04-16T10:00:00+01:00'), release))).toEqual([
      'APPOINTMENT_BEFORE_ARRIVAL',
    ]);
  });

  it('ignores other treatments', () => {
    expect(checkInjectionCovered(aHandoff({ firstAppointment: null }), release)).toEqual([]);
  });
});

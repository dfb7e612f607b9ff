import { describe, expect, it } from 'vitest';
import { type AftercareFacts, decideDisengaged, decideOutcome, decideTreatmentStart } from './aftercare.js';

const facts: AftercareFacts = {
  status: 'accepted',
  appointmentAt: '2026-11-19T13:00:00Z',
  releaseDate: '2026-11-19',
  now: new Date('2026-11-20T10:00:00Z'),
};
const rules = (violations: { rule: string }[]) => violations.map((broken) => broken.rule);

describe('first appointment outcome', () => {
  it('records an attended or missed appointment that has happened', () => {
    expect(decideOutcome({ outcome: 'attended' }, facts)).toEqual([]);
    expect(decideOutcome({ outcome: 'not-attended' }, facts)).toEqual([]);
  });
  it('refuses a handoff that is not accepted', () => {
    expect(rules(decideOutcome({ outcome: 'attended' }, { ...facts, status: 'sent' }))).toEqual([
      'HANDOFF_NOT_ACCEPTED',
    ]);
  });
  it('refuses an appointment still to come', () => {
    const early = { ...facts, now: new Date('2026-11-19T12:00:00Z') };
    expect(rules(decideOutcome({ outcome: 'attended' }, early))).toEqual(['APPOINTMENT_NOT_YET']);
  });
  it('needs a later new time for a moved appointment, and none otherwise', () => {
    expect(rules(decideOutcome({ outcome: 'moved' }, facts))).toEqual(['NEW_APPOINTMENT_REQUIRED']);
    expect(rules(decideOutcome({ outcome: 'moved', newAppointmentAt: '2026-11-18T10:00:00Z' }, facts))).toEqual([
      'NEW_APPOINTMENT_NOT_LATER',
    ]);
    expect(decideOutcome({ outcome: 'moved', newAppointmentAt: '2026-11-23T10:00:00Z' }, facts)).toEqual([]);
    expect(rules(decideOutcome({ outcome: 'attended', newAppointmentAt: '2026-11-23T10:00:00Z' }, facts))).toEqual([
      'NEW_APPOINTMENT_ONLY_WHEN_MOVED',
    ]);
  });
});

describe('treatment started', () => {
  it('accepts a start from the release date to today, a late one included', () => {
    expect(decideTreatmentStart('2026-11-19', facts)).toEqual([]);
    expect(decideTreatmentStart('2026-11-20', facts)).toEqual([]);
  });
  it('refuses a start before release or in the future', () => {
    expect(rules(decideTreatmentStart('2026-11-18', facts))).toEqual(['STARTED_BEFORE_RELEASE']);
    expect(rules(decideTreatmentStart('2026-11-21', facts))).toEqual(['STARTED_IN_FUTURE']);
  });
});

describe('disengaged', () => {
  it('is recorded only on an accepted handoff', () => {
    expect(decideDisengaged(facts)).toEqual([]);
    expect(rules(decideDisengaged({ ...facts, status: 'declined' }))).toEqual(['HANDOFF_NOT_ACCEPTED']);
  });
});

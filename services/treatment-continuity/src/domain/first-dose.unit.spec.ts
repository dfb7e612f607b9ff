import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { checkFirstDose } from './first-dose.js';
import { aHandoff, appointmentAt, release, rules } from './handoff.fixture.js';
import type { TreatmentKind } from './handoff.js';

const methadone = (at: string | null, extra = {}) =>
  aHandoff({ ...(at ? appointmentAt(at) : { firstAppointment: null }), ...extra });

describe('checkFirstDose (daily OST)', () => {
  it('accepts an appointment on release day after the assumed 3-hour journey', () => {
    expect(checkFirstDose(methadone('2026-04-16T14:00:00+01:00'), release)).toEqual([]);
  });

  it('accepts an appointment exactly the shared arrival margin (30 minutes) after the expected arrival', () => {
    expect(checkFirstDose(methadone('2026-04-16T12:30:00+01:00'), release)).toEqual([]);
    expect(rules(checkFirstDose(methadone('2026-04-16T12:29:00+01:00'), release))).toEqual([
      'APPOINTMENT_BEFORE_ARRIVAL',
    ]);
  });

  it('refuses an appointment one minute before the assumed arrival', () => {
    const violations = checkFirstDose(methadone('2026-04-16T11:59:00+01:00'), release);
    expect(violations).toEqual([
      expect.objectContaining({ rule: 'APPOINTMENT_BEFORE_ARRIVAL', field: 'firstAppointment.at' }),
    ]);
  });

  it('uses the travel plan arrival when known instead of the assumed journey', () => {
    const handoff = methadone('2026-04-16T11:00:00+01:00');
    expect(checkFirstDose(handoff, release, '2026-04-16T10:30:00+01:00')).toEqual([]);
    expect(rules(checkFirstDose(handoff, release, '2026-04-16T11:30:00+01:00'))).toEqual([
      'APPOINTMENT_BEFORE_ARRIVAL',
    ]);
  });

  it('honours a different assumedJourney setting', () => {
    const handoff = methadone('2026-04-16T11:00:00+01:00');
    expect(checkFirstDose(handoff, release, null, { assumedJourney: { hours: 1 } })).toEqual([]);
  });

  it('refuses an appointment the day after release', () => {
    expect(rules(checkFirstDose(methadone('2026-04-17T09:00:00+01:00'), release))).toEqual(['FIRST_DOSE_GAP']);
  });

  it('refuses a missing appointment', () => {
    expect(checkFirstDose(methadone(null), release)).toEqual([
      expect.objectContaining({ rule: 'FIRST_DOSE_GAP', field: 'firstAppointment' }),
    ]);
  });

  it('accepts a missing or next-day appointment when a bridging prescription covers her release day', () => {
    const releaseDay = { bridgingPrescription: { lastDayCovered: '2026-04-16' } };
    expect(checkFirstDose(methadone(null, releaseDay), release)).toEqual([]);
    expect(checkFirstDose(methadone('2026-04-17T09:00:00+01:00', releaseDay), release)).toEqual([]);
  });

  it('a bridging prescription must cover every day to the day before her first community dose', () => {
    const covers = (lastDayCovered: string, at: string) =>
      checkFirstDose(methadone(at, { bridgingPrescription: { lastDayCovered } }), release);
    expect(covers('2026-04-19', '2026-04-20T10:00:00+01:00')).toEqual([]);
    expect(covers('2026-04-18', '2026-04-20T10:00:00+01:00')).toEqual([
      expect.objectContaining({
        rule: 'BRIDGING_PRESCRIPTION_TOO_SHORT',
        field: 'bridgingPrescription.lastDayCovered',
        message: expect.stringContaining('must cover every day to Sun 19 Apr 2026'),
      }),
    ]);
    // Seen on her release day (a Thursday): no day needs covering, whatever the prescription says.
    expect(covers('2026-04-15', '2026-04-16T14:00:00+01:00')).toEqual([]);
  });

  it('given daily methadone, a first appointment three weeks after release and 2 days covered, is too short', () => {
    const threeWeeks = methadone('2026-05-07T10:00:00+01:00', {
      bridgingPrescription: { lastDayCovered: '2026-04-17' },
    });
    const violations = checkFirstDose(threeWeeks, release);
    expect(rules(violations)).toEqual(['BRIDGING_PRESCRIPTION_TOO_SHORT']);
    expect(violations[0]!.message).toContain('Wed 6 May 2026');
    const enough = methadone('2026-05-07T10:00:00+01:00', { bridgingPrescription: { lastDayCovered: '2026-05-06' } });
    expect(checkFirstDose(enough, release)).toEqual([]);
  });

  it('a Friday release seen the same day still needs cover over the weekend until services reopen', () => {
    const friday = { releaseDate: '2026-04-17', gateAt: '2026-04-17T09:00:00+01:00' };
    expect(rules(checkFirstDose(methadone('2026-04-17T14:00:00+01:00'), friday))).toEqual(['FIRST_DOSE_GAP']);
    const weekend = { bridgingPrescription: { lastDayCovered: '2026-04-19' } };
    expect(checkFirstDose(methadone('2026-04-17T14:00:00+01:00', weekend), friday)).toEqual([]);
    // The weekend cover plan's prescription counts as cover too.
    const plan = { weekendCoverPlan: { prescriptionCoversUntil: '2026-04-20', outOfHoursContact: true } };
    expect(checkFirstDose(methadone('2026-04-17T14:00:00+01:00', plan), friday)).toEqual([]);
  });

  it('a short-notice release needs a bridging prescription for at least her release day', () => {
    const seenToday = methadone('2026-04-16T14:00:00+01:00');
    expect(checkFirstDose(seenToday, release)).toEqual([]);
    expect(rules(checkFirstDose(seenToday, release, null, undefined, { shortNotice: true }))).toEqual([
      'FIRST_DOSE_GAP',
    ]);
  });

  it('ignores treatment that is not daily', () => {
    for (const kind of ['none', 'other', 'long-acting-injectable-buprenorphine'] as TreatmentKind[]) {
      const handoff = aHandoff({ firstAppointment: null, treatment: { ...aHandoff().treatment, kind } });
      expect(checkFirstDose(handoff, release)).toEqual([]);
    }
  });

  it('treats buprenorphine as daily', () => {
    const handoff = aHandoff({ firstAppointment: null, treatment: { ...aHandoff().treatment, kind: 'buprenorphine' } });
    expect(rules(checkFirstDose(handoff, release))).toEqual(['FIRST_DOSE_GAP']);
  });

  describe('near midnight', () => {
    const late = { releaseDate: '2026-04-16', gateAt: '2026-04-16T20:00:00+01:00' };

    it('arrival at 23:30 with the appointment next morning is a gap', () => {
      const violations = checkFirstDose(methadone('2026-04-17T09:00:00+01:00'), late, '2026-04-16T23:30:00+01:00');
      expect(rules(violations)).toEqual(['FIRST_DOSE_GAP']);
    });

    it('arrival at 23:20 with an appointment at 23:50 is fine', () => {
      expect(checkFirstDose(methadone('2026-04-16T23:50:00+01:00'), late, '2026-04-16T23:20:00+01:00')).toEqual([]);
    });

    it('arrival after midnight misses any release-day appointment', () => {
      const violations = checkFirstDose(methadone('2026-04-16T23:45:00+01:00'), late, '2026-04-17T00:15:00+01:00');
      expect(rules(violations)).toEqual(['APPOINTMENT_BEFORE_ARRIVAL']);
    });

    it('judges the release day on the London calendar, not UTC', () => {
      // 00:30 BST on the 17th is still 23:30 UTC on the 16th: the appointment is after release day.
      const violations = checkFirstDose(methadone('2026-04-17T00:30:00+01:00'), late, '2026-04-16T23:55:00+01:00');
      expect(rules(violations)).toEqual(['FIRST_DOSE_GAP']);
    });
  });

  describe('DST weekends', () => {
    it('spring forward 2026-03-29: a 3-hour journey from 00:30 GMT arrives 04:30 BST', () => {
      const spring = { releaseDate: '2026-03-29', gateAt: '2026-03-29T00:30:00+00:00' };
      expect(rules(checkFirstDose(methadone('2026-03-29T04:59:00+01:00'), spring))).toEqual([
        'APPOINTMENT_BEFORE_ARRIVAL',
      ]);
      expect(checkFirstDose(methadone('2026-03-29T05:00:00+01:00'), spring)).toEqual([]);
    });

    it('fall back 2026-10-25: arrival 00:30 BST on the 25th is the day after a release on the 24th', () => {
      const autumn = { releaseDate: '2026-10-24', gateAt: '2026-10-24T21:30:00+01:00' };
      // A Saturday: cover is needed over the weekend too.
      expect(rules(checkFirstDose(methadone('2026-10-24T23:50:00+01:00'), autumn))).toEqual([
        'FIRST_DOSE_GAP',
        'APPOINTMENT_BEFORE_ARRIVAL',
      ]);
    });

    it('fall back 2026-10-25: a 3-hour journey from 00:30 BST arrives 02:30 GMT', () => {
      const autumn = { releaseDate: '2026-10-25', gateAt: '2026-10-25T00:30:00+01:00' };
      expect(rules(checkFirstDose(methadone('2026-10-25T02:59:00+00:00'), autumn))).toEqual([
        'APPOINTMENT_BEFORE_ARRIVAL',
      ]);
      expect(checkFirstDose(methadone('2026-10-25T03:00:00+00:00'), autumn)).toEqual([]);
    });
  });

  it('reports an unreadable appointment time', () => {
    expect(rules(checkFirstDose(methadone('2026-04-16 14:00'), release))).toEqual(['INVALID_TIME']);
  });

  it('property: any release-day appointment at or after arrival passes, any later day fails', () => {
    const gate = DateTime.fromISO('2026-04-16T08:00:00', { zone: 'Europe/London' });
    fc.assert(
      fc.property(fc.integer({ min: 210, max: 15 * 60 }), fc.integer({ min: 1, max: 30 }), (minutes, days) => {
        const facts = { releaseDate: '2026-04-16', gateAt: gate.toISO() ?? '' };
        const sameDay = gate.plus({ minutes }).toISO() ?? '';
        const laterDay = gate.plus({ days, minutes }).toISO() ?? '';
        expect(checkFirstDose(methadone(sameDay), facts)).toEqual([]);
        expect(rules(checkFirstDose(methadone(laterDay), facts))).toEqual(['FIRST_DOSE_GAP']);
      }),
    );
  });
});

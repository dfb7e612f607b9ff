import { describe, expect, it } from 'vitest';
import { isComplete } from './completeness.js';
import { eventsFor } from './events.fixture.js';
import { fold } from './fold.fixture.js';

const her = () => eventsFor('A1234BC');

describe('treatment pathway', () => {
  it('goes not started → in progress (booked) → complete (accepted)', () => {
    const e = her();
    const scheduled = fold([e.scheduled()]);
    expect(scheduled.pathways.treatment.status).toBe('not-started');
    const booked = fold([e.booked()], scheduled);
    expect(booked.pathways.treatment).toEqual({
      required: true,
      status: 'in-progress',
      reason: 'Provider has not yet accepted the handoff',
    });
    const accepted = fold([e.accepted()], booked);
    expect(accepted.pathways.treatment).toEqual({ required: true, status: 'complete', reason: null });
  });

  it('is at risk without consent to share', () => {
    const e = her();
    const passport = fold([e.scheduled(), e.booked({ consentToShare: false })]);
    expect(passport.pathways.treatment).toMatchObject({
      status: 'at-risk',
      reason: 'No consent to share: nothing has been sent to the provider',
    });
  });

  it('is at risk when the provider declines, and in progress again on a new booking', () => {
    const e = her();
    const declined = fold([e.scheduled(), e.booked(), e.declined()]);
    expect(declined.pathways.treatment).toMatchObject({
      status: 'at-risk',
      reason: 'Provider declined the handoff (No capacity this month): a new provider is needed',
    });
    expect(fold([e.booked()], declined).pathways.treatment.status).toBe('in-progress');
  });

  it('is at risk while the handoff needs re-confirmation, and not complete', () => {
    const e = her();
    const passport = fold([
      e.scheduled(),
      e.booked(),
      e.accepted(),
      e.accommodationConfirmed(),
      e.transportArranged(),
      e.needsReconfirmation('2026-11-18', '10:00'),
    ]);
    expect(passport.pathways.treatment).toMatchObject({
      status: 'at-risk',
      reason: 'Release moved to Wednesday 18 November; the provider has not yet re-confirmed the handoff',
    });
    expect(isComplete(passport)).toBe(false);
  });

  it('is at risk when the named key worker is not the female worker she asked for', () => {
    const e = her();
    const passport = fold([e.scheduled(), e.booked(), e.accepted('2026-11-18T13:00:00Z', 'male')]);
    expect(passport.pathways.treatment.reason).toBe(
      'She asked for a female key worker; the key worker named is not female',
    );
  });

  it('is at risk when the first appointment is before the gate time', () => {
    const e = her();
    const passport = fold([e.scheduled(), e.booked(), e.accepted('2026-11-18T08:00:00Z')]);
    expect(passport.pathways.treatment.reason).toBe(
      'First appointment (Wednesday 18 November at 08:00) is before she leaves the gate at 09:30',
    );
  });

  it('is at risk when daily OST would miss its first dose, unless a bridging prescription is recorded', () => {
    const e = her();
    const missed = fold([e.scheduled(), e.booked(), e.accepted('2026-11-19T10:00:00Z')]);
    expect(missed.pathways.treatment.reason).toMatch(
      /^First dose would be missed: the first appointment is Thursday 19 November at 10:00/,
    );
    const bridged = fold([e.booked({ bridgingPrescription: true }), e.accepted('2026-11-19T10:00:00Z')], missed);
    expect(bridged.pathways.treatment.status).toBe('complete');
  });

  it('re-checks the appointment when it changes', () => {
    const e = her();
    const passport = fold([e.scheduled(), e.booked(), e.accepted(), e.appointmentChanged('2026-11-18T07:00:00Z')]);
    expect(passport.pathways.treatment.status).toBe('at-risk');
    expect(fold([e.appointmentChanged('2026-11-18T12:00:00Z')], passport).pathways.treatment.status).toBe('complete');
  });
});

describe('weekend cover plan for a Friday release that could not move', () => {
  const friday = { weekendCoverPlanRequired: true, dayOfReleaseMoveEligible: false };

  it('keeps treatment incomplete while the plan is missing from the handoff', () => {
    const e = her();
    const passport = fold([
      e.scheduled('2026-11-20', '09:30', friday),
      e.booked({ firstAppointment: { at: '2026-11-20T13:00:00Z', place: 'Bristol' } }),
      e.accepted('2026-11-20T13:00:00Z'),
    ]);
    expect(passport.weekendCoverPlanRequired).toBe(true);
    expect(passport.pathways.treatment).toEqual({
      required: true,
      status: 'at-risk',
      reason:
        'Weekend cover plan missing: she leaves on a Friday and needs a prescription to Monday ' +
        'and an out-of-hours contact',
    });
  });

  it('is still incomplete when the prescription stops before Monday or there is no out-of-hours contact', () => {
    const e = her();
    const appointment = { at: '2026-11-20T13:00:00Z', place: 'Bristol' };
    const start = [e.scheduled('2026-11-20', '09:30', friday)];
    const short = fold([
      ...start,
      e.booked({
        firstAppointment: appointment,
        weekendCoverPlan: { prescriptionCoversUntil: '2026-11-21', outOfHoursContact: true },
      }),
      e.accepted('2026-11-20T13:00:00Z'),
    ]);
    expect(short.pathways.treatment.reason).toBe(
      'Weekend cover plan incomplete: her prescription covers only to Saturday 21 November',
    );
    const noContact = fold([
      ...start,
      e.booked({
        firstAppointment: appointment,
        weekendCoverPlan: { prescriptionCoversUntil: '2026-11-23', outOfHoursContact: false },
      }),
      e.accepted('2026-11-20T13:00:00Z'),
    ]);
    expect(noContact.pathways.treatment.reason).toBe('Weekend cover plan incomplete: no out-of-hours contact');
  });

  it('is complete with a prescription to Monday and an out-of-hours contact', () => {
    const e = her();
    const passport = fold([
      e.scheduled('2026-11-20', '09:30', friday),
      e.booked({
        firstAppointment: { at: '2026-11-20T13:00:00Z', place: 'Bristol' },
        weekendCoverPlan: { prescriptionCoversUntil: '2026-11-23', outOfHoursContact: true },
      }),
      e.accepted('2026-11-20T13:00:00Z'),
    ]);
    expect(passport.pathways.treatment.status).toBe('complete');
  });

  it('counts a bank holiday as a closed day: cover must reach the day services reopen', () => {
    const e = her();
    const beforeSpringHoliday = [e.scheduled('2026-05-22', '09:30', friday)];
    const booked = (prescriptionCoversUntil: string) => [
      e.booked({
        firstAppointment: { at: '2026-05-22T12:00:00Z', place: 'Bristol' },
        weekendCoverPlan: { prescriptionCoversUntil, outOfHoursContact: true },
      }),
      e.accepted('2026-05-22T12:00:00Z'),
    ];
    expect(fold([...beforeSpringHoliday, ...booked('2026-05-25')]).pathways.treatment.reason).toBe(
      'Weekend cover plan incomplete: her prescription covers only to Monday 25 May',
    );
    expect(fold([...beforeSpringHoliday, ...booked('2026-05-26')]).pathways.treatment.status).toBe('complete');
    const missing = fold([...beforeSpringHoliday, e.booked(), e.accepted('2026-05-22T12:00:00Z')]);
    expect(missing.pathways.treatment.reason).toContain('needs a prescription to Tuesday');
  });

  it('is not demanded for a release that does not need one', () => {
    const e = her();
    const passport = fold([e.scheduled('2026-11-18'), e.booked(), e.accepted()]);
    expect(passport.pathways.treatment.status).toBe('complete');
  });
});

describe('optional pathways', () => {
  it('are switched on by a referral, and complete once the provider accepts the handoff carrying it', () => {
    const e = her();
    const referred = { referrals: { mentalHealth: true, domesticAbuse: true } };
    const passport = fold([e.scheduled(), e.booked(referred)]);
    const accepted = fold([e.scheduled(), e.booked(referred), e.accepted()]);
    for (const name of ['mental-health', 'domestic-abuse-support'] as const) {
      expect(passport.pathways[name]).toEqual({
        required: true,
        status: 'in-progress',
        reason: 'Referral made; the community provider has not yet accepted it',
      });
      expect(accepted.pathways[name]).toEqual({ required: true, status: 'complete', reason: null });
    }
    expect(passport.pathways['children-and-family'].required).toBe(false);
    expect(passport.pathways['id-and-finance'].required).toBe(false);
  });
});

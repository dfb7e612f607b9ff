import { describe, expect, it } from 'vitest';
import { aHandoff } from './handoff.fixture.js';
import { type HandoffToJudge, judgeTreatment, type ReleaseToJudge } from './judge-treatment.js';

// Given her release on Thursday 16 April 2026, gate 09:00 BST, at revision 2
const release: ReleaseToJudge = {
  status: 'scheduled',
  releaseDate: '2026-04-16',
  gateAt: '2026-04-16T09:00:00+01:00',
  weekendCoverPlanRequired: false,
  shortNotice: false,
  revision: 2,
};

function handoff(overrides: Partial<HandoffToJudge> = {}): HandoffToJudge {
  return {
    ...aHandoff(),
    status: 'accepted',
    statusReason: null,
    declineReason: null,
    keyWorker: { name: 'Key Worker', gender: 'female' },
    expectedArrivalAt: null,
    ...overrides,
  };
}

const judge = (h: HandoffToJudge | null, r: ReleaseToJudge | null = release, handoffRevision = 4) =>
  judgeTreatment({ releaseId: 'rel-1', release: r, handoff: h, handoffRevision });
const treatment = (h: HandoffToJudge | null, r: ReleaseToJudge | null = release) => judge(h, r)[0]!;
const rulesOf = (verdict: { reasons: { rule: string }[] }) => verdict.reasons.map((reason) => reason.rule);

describe('judgeTreatment: the treatment pathway', () => {
  it('with nothing booked: not started, missing the treatment handoff, stamped with both revisions', () => {
    expect(judge(null, release, 0)[0]).toEqual({
      releaseId: 'rel-1',
      pathway: 'treatment',
      required: true,
      status: 'not-started',
      reasons: [{ rule: 'NO_HANDOFF', message: expect.any(String) }],
      missing: ['treatment handoff'],
      judgedAgainst: { releaseRevision: 2, handoffRevision: 0 },
    });
  });

  it('accepted, with a same-day appointment she can reach: complete', () => {
    expect(treatment(handoff())).toMatchObject({ status: 'complete', reasons: [], missing: [] });
  });

  it('sent but not accepted: in progress, awaiting the provider', () => {
    expect(treatment(handoff({ status: 'sent', keyWorker: null }))).toMatchObject({
      status: 'in-progress',
      missing: ['provider acceptance'],
    });
  });

  it('declined, blocked without consent, needing re-confirmation: at risk, saying why', () => {
    expect(rulesOf(treatment(handoff({ status: 'declined', declineReason: 'No capacity' })))).toEqual([
      'HANDOFF_DECLINED',
    ]);
    expect(treatment(handoff({ status: 'blocked-no-consent' }))).toMatchObject({
      status: 'at-risk',
      missing: ['consent to share'],
    });
    expect(treatment(handoff({ status: 'needs-reconfirmation', statusReason: 'Release moved' }))).toMatchObject({
      status: 'at-risk',
      reasons: [{ rule: 'RECONFIRMATION_NEEDED', message: expect.stringContaining('Release moved') }],
    });
  });

  it('withdrawn: not started again, missing the treatment handoff', () => {
    expect(treatment(handoff({ status: 'withdrawn', statusReason: 'wrong provider' }))).toMatchObject({
      status: 'not-started',
      reasons: [{ rule: 'HANDOFF_WITHDRAWN' }],
      missing: ['treatment handoff'],
    });
  });

  it('a cancelled release: not started, RELEASE_CANCELLED', () => {
    expect(treatment(handoff(), { ...release, status: 'cancelled' })).toMatchObject({
      status: 'not-started',
      reasons: [{ rule: 'RELEASE_CANCELLED' }],
    });
  });

  it('daily methadone, first appointment three weeks after release, 2 days covered: not complete', () => {
    // When the prescription covers Thursday and Friday only
    const verdict = treatment(
      handoff({
        firstAppointment: { at: '2026-05-07T10:00:00+01:00', place: 'Bristol' },
        bridgingPrescription: { lastDayCovered: '2026-04-17' },
      }),
    );
    // Then at risk, naming the day it must cover to
    expect(verdict.status).toBe('at-risk');
    expect(verdict.reasons).toEqual([
      { rule: 'BRIDGING_PRESCRIPTION_TOO_SHORT', message: expect.stringContaining('Wed 6 May 2026') },
    ]);
    expect(verdict.missing).toEqual(['bridging prescription covering every day to her first dose']);
  });

  it('released weeks before the day planned, with no cover to her first dose then: at risk, judged on the real gate', () => {
    // Planned Thursday 16 April with a same-day appointment (complete); she passed the gate on Monday 23 March.
    const early = { ...release, status: 'released' as const, gatePassedAt: '2026-03-23T10:00:00Z' };
    expect(
      treatment(handoff(), { ...release, status: 'released', gatePassedAt: '2026-04-16T08:05:00Z' }),
    ).toMatchObject({ status: 'complete' });
    expect(rulesOf(treatment(handoff(), early))).toContain('FIRST_DOSE_GAP');
    expect(treatment(handoff(), early).status).toBe('at-risk');
  });

  it('a first appointment she cannot reach with the shared 30-minute margin is at risk', () => {
    const verdict = treatment(handoff({ firstAppointment: { at: '2026-04-16T12:20:00+01:00', place: 'Bristol' } }));
    expect(rulesOf(verdict)).toEqual(['APPOINTMENT_BEFORE_ARRIVAL']);
    const noTreatment = handoff({
      treatment: { ...aHandoff().treatment, kind: 'none' },
      firstAppointment: { at: '2026-04-16T08:00:00+01:00', place: 'Bristol' },
    });
    expect(rulesOf(treatment(noTreatment))).toEqual(['APPOINTMENT_BEFORE_ARRIVAL']);
  });

  it('a male key worker when she asked for a woman is at risk', () => {
    const asked = { ...aHandoff().preferences, femaleKeyWorker: true };
    const verdict = treatment(handoff({ preferences: asked, keyWorker: { name: 'K', gender: 'male' } }));
    expect(rulesOf(verdict)).toEqual(['FEMALE_KEY_WORKER_REQUIRED']);
  });

  it('a Friday release needing weekend cover: at risk without the plan, complete with it', () => {
    const friday = { ...release, releaseDate: '2026-04-17', gateAt: '2026-04-17T09:00:00+01:00' };
    const fridayRelease = { ...friday, weekendCoverPlanRequired: true };
    const sameDay = { firstAppointment: { at: '2026-04-17T14:00:00+01:00', place: 'Bristol' } };
    expect(rulesOf(treatment(handoff(sameDay), fridayRelease))).toEqual([
      'FIRST_DOSE_GAP',
      'WEEKEND_COVER_PLAN_MISSING',
    ]);
    const plan = { prescriptionCoversUntil: '2026-04-20', outOfHoursContact: true };
    expect(treatment(handoff({ ...sameDay, weekendCoverPlan: plan }), fridayRelease).status).toBe('complete');
  });

  it('a long-acting injection due before the first appointment is at risk', () => {
    const injectable = handoff({
      treatment: {
        ...aHandoff().treatment,
        kind: 'long-acting-injectable-buprenorphine',
        nextInjectionDue: '2026-04-20',
      },
      firstAppointment: { at: '2026-04-21T10:00:00+01:00', place: 'Bristol' },
    });
    expect(rulesOf(treatment(injectable))).toEqual(['INJECTION_DUE_NOT_COVERED']);
  });

  it('a short-notice release needs naloxone and a bridging prescription for daily OST', () => {
    const short = { ...release, shortNotice: true };
    expect(rulesOf(treatment(handoff({ naloxoneSupplied: false }), short))).toEqual([
      'FIRST_DOSE_GAP',
      'NALOXONE_NOT_SUPPLIED',
    ]);
    const ready = handoff({ bridgingPrescription: { lastDayCovered: '2026-04-16' } });
    expect(treatment(ready, short).status).toBe('complete');
  });
});

describe('judgeTreatment: referral pathways switched on by need', () => {
  const pathway = (verdicts: ReturnType<typeof judge>, name: string) => verdicts.find((v) => v.pathway === name)!;

  it('without a recorded need each referral pathway is not required', () => {
    const verdicts = judge(handoff());
    expect(verdicts.map((v) => [v.pathway, v.required])).toEqual([
      ['treatment', true],
      ['mental-health', false],
      ['domestic-abuse-support', false],
      ['children-and-family', false],
    ]);
  });

  it('a referral switches its pathway on: in progress until the provider accepts, then complete', () => {
    const referred = { referrals: { mentalHealth: true, domesticAbuse: true } };
    const sent = judge(handoff({ ...referred, status: 'sent', keyWorker: null }));
    expect(pathway(sent, 'mental-health')).toMatchObject({ required: true, status: 'in-progress' });
    expect(pathway(sent, 'domestic-abuse-support')).toMatchObject({ required: true, status: 'in-progress' });
    const accepted = judge(handoff(referred));
    expect(pathway(accepted, 'mental-health')).toMatchObject({ required: true, status: 'complete' });
    expect(pathway(accepted, 'domestic-abuse-support').judgedAgainst).toEqual({
      releaseRevision: 2,
      handoffRevision: 4,
    });
  });

  it('childcare constraints switch children and family on; an appointment in them is at risk', () => {
    const thursdayAfternoons = [{ dayOfWeek: 4, from: '13:00', to: '15:00' }];
    const preferences = { ...aHandoff().preferences, childcareConstraints: thursdayAfternoons };
    expect(pathway(judge(handoff({ preferences })), 'children-and-family')).toMatchObject({
      required: true,
      status: 'at-risk',
      reasons: [{ rule: 'APPOINTMENT_IN_CHILDCARE_CONSTRAINT' }],
    });
    const morning = { firstAppointment: { at: '2026-04-16T15:30:00+01:00', place: 'Bristol' } };
    expect(pathway(judge(handoff({ preferences, ...morning })), 'children-and-family')).toMatchObject({
      required: true,
      status: 'complete',
    });
  });
});

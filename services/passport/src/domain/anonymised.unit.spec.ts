import { ANONYMISED } from '@resettle/platform';
import { describe, expect, it } from 'vitest';
import { anonymisedPassport } from './anonymised.js';
import type { Passport } from './passport.js';
import { subjectAccessProgress } from './subject-access.js';

const judgement = {
  owner: 'accommodation' as const,
  required: true,
  status: 'in-progress' as const,
  reasons: [{ rule: 'WITHDRAWN', message: 'Withdrawn: her ex-partner moved next door' }],
  missing: ['accommodation'],
  judgedAgainst: { releaseRevision: 2, handoffRevision: null },
};

function passportWithReasons(): Passport {
  const pathway = {
    required: true,
    status: 'in-progress' as const,
    reason: 'Free text',
    reasons: ['Free text'],
    owedBy: null,
  };
  return {
    personId: 'A1234BC',
    releaseId: '3b241101-e2bb-4255-8caf-4136c566a962',
    prisonCode: 'EWI',
    probationRegion: 'South West',
    releaseDate: '2026-12-10',
    gateTime: '09:00',
    gateAt: '2026-12-10T09:00:00Z',
    releaseStatus: 'released',
    releaseRevision: 2,
    shortNotice: false,
    shortSentence: false,
    weekendCoverPlanRequired: false,
    pathways: {
      release: { ...pathway, reason: null, reasons: [], status: 'complete' },
      treatment: pathway,
      accommodation: pathway,
      transport: pathway,
      'mental-health': pathway,
      'domestic-abuse-support': pathway,
      'children-and-family': pathway,
      'id-and-finance': pathway,
    },
    shortNoticeChecklist: null,
    facts: {
      release: null,
      judgements: { accommodation: judgement },
      firstJudgements: { accommodation: judgement },
      newestHandoffRevision: null,
      handoff: null,
      accommodation: null,
      transport: null,
      aftercare: {
        alarm: null,
        missed: null,
        nextAppointmentAt: null,
        attended: true,
        treatmentStartedOn: '2026-12-14',
        disengaged: false,
      },
      lastEventAt: null,
    },
  };
}

describe('an anonymised passport', () => {
  it('keeps no free-text reason but every status, rule code and aftercare fact', () => {
    const anonymised = anonymisedPassport(passportWithReasons());
    expect(JSON.stringify(anonymised)).not.toContain('Free text');
    expect(JSON.stringify(anonymised)).not.toContain('ex-partner');
    expect(anonymised.pathways.accommodation).toMatchObject({ status: 'in-progress', reason: ANONYMISED });
    expect(anonymised.pathways.release).toMatchObject({ status: 'complete', reason: null, reasons: [] });
    expect(anonymised.facts.judgements.accommodation?.reasons).toEqual([{ rule: 'WITHDRAWN', message: ANONYMISED }]);
    expect(anonymised.facts.aftercare).toEqual(passportWithReasons().facts.aftercare);
    expect(anonymised.releaseDate).toBe('2026-12-10');
  });
});

describe('the progress of a subject access request', () => {
  const services = ['release-scheduling', 'treatment-continuity', 'accommodation', 'transport', 'passport'];

  it('counts the services that answered and names those awaited', () => {
    const progress = subjectAccessProgress(services, [
      { service: 'passport' },
      { service: 'transport' },
      { service: 'accommodation' },
    ]);
    expect(progress).toEqual({
      answered: ['accommodation', 'transport', 'passport'],
      waitingFor: ['release-scheduling', 'treatment-continuity'],
      complete: false,
      summary: '3 of 5 services answered',
    });
  });

  it('is complete when every service has answered, and ignores a service it did not ask', () => {
    const progress = subjectAccessProgress(
      services,
      [...services, 'web'].map((service) => ({ service })),
    );
    expect(progress.complete).toBe(true);
    expect(progress.summary).toBe('5 of 5 services answered');
  });
});

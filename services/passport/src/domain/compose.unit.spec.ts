import { describe, expect, it } from 'vitest';
import { isComplete } from './completeness.js';
import { eventsFor } from './events.fixture.js';
import { fold } from './fold.fixture.js';

describe('composing the owners’ verdicts', () => {
  it('keeps a verdict that overtook the release change it was judged against, and counts it once the change arrives', () => {
    const e = eventsFor('A1234BC');
    const scheduled = e.scheduled('2026-11-18');
    const rescheduled = e.rescheduled('2026-11-18', '2026-11-19');
    const aheadOfIt = fold([scheduled, ...e.allComplete({ revision: 2 })]);
    expect(aheadOfIt.releaseRevision).toBe(1);
    expect(aheadOfIt.pathways.accommodation).toMatchObject({
      status: 'awaiting-re-check',
      owedBy: 'release-scheduling',
      reason:
        'accommodation has judged a newer change to the release than the passport has heard of; ' +
        'waiting for that change to arrive',
    });
    expect(isComplete(aheadOfIt)).toBe(false);
    const caughtUp = fold([rescheduled], aheadOfIt);
    expect(isComplete(caughtUp)).toBe(true);
  });

  it('holds a verdict naming an older handoff revision than another owner has seen as awaiting re-check', () => {
    const e = eventsFor('A1234BC');
    const complete = fold([
      e.scheduled(),
      e.judged('release', 'complete'),
      e.judged('accommodation', 'complete'),
      e.judged('treatment', 'complete', { handoffRevision: 2 }),
      e.judged('transport', 'complete', { handoffRevision: 2 }),
    ]);
    expect(isComplete(complete)).toBe(true);
    const appointmentMoved = fold([e.judged('treatment', 'complete', { handoffRevision: 3 })], complete);
    expect(appointmentMoved.pathways.transport).toMatchObject({
      status: 'awaiting-re-check',
      owedBy: 'transport',
      reason: 'transport has not re-checked since the treatment handoff (first appointment) changed',
    });
    expect(isComplete(appointmentMoved)).toBe(false);
    const rechecked = fold([e.judged('transport', 'at-risk', { handoffRevision: 3 })], appointmentMoved);
    expect(rechecked.pathways.transport.status).toBe('at-risk');
    expect(isComplete(fold([e.judged('transport', 'complete', { handoffRevision: 3 })], rechecked))).toBe(true);
  });

  it('requires an optional pathway while its owner’s latest verdict says so', () => {
    const e = eventsFor('A1234BC');
    const complete = fold([e.scheduled(), ...e.allComplete()]);
    const needed = fold(
      [e.judged('mental-health', 'in-progress', { reasons: ['Referral made; not yet accepted'] })],
      complete,
    );
    expect(needed.pathways['mental-health']).toMatchObject({ required: true, status: 'in-progress' });
    expect(isComplete(needed)).toBe(false);
    expect(isComplete(fold([e.judged('mental-health', 'complete')], needed))).toBe(true);
    const notNeeded = fold([e.judged('mental-health', 'not-started', { required: false })], needed);
    expect(notNeeded.pathways['mental-health'].required).toBe(false);
    expect(isComplete(notNeeded)).toBe(true);
  });

  it('keeps a stale optional pathway required and awaiting after a move', () => {
    const e = eventsFor('A1234BC');
    const passport = fold([
      e.scheduled(),
      ...e.allComplete(),
      e.judged('domestic-abuse-support', 'complete'),
      e.rescheduled('2026-11-18', '2026-11-20'),
      ...e.allComplete(),
    ]);
    expect(passport.pathways['domestic-abuse-support']).toMatchObject({
      required: true,
      status: 'awaiting-re-check',
      owedBy: 'treatment-continuity',
    });
    expect(isComplete(passport)).toBe(false);
  });

  it('shows the short-notice checklist from the owners’ verdicts, deciding nothing', () => {
    const e = eventsFor('A1234BC');
    expect(fold([e.scheduled()]).shortNoticeChecklist).toBeNull();
    const passport = fold([
      e.scheduled('2026-11-18', '09:30', { shortNotice: true, shortNoticeReason: 'UNDER_48_HOURS_NOTICE' }),
      e.booked({ dailyOst: false, naloxoneSupplied: false }),
      e.judged('accommodation', 'complete'),
    ]);
    expect(passport.shortNoticeChecklist).toEqual([
      { item: 'naloxone', label: 'Naloxone supplied', status: 'missing' },
      { item: 'bridging-prescription', label: 'Bridging prescription (as treatment judged it)', status: 'not-needed' },
      { item: 'release-night-accommodation', label: 'Release-night accommodation', status: 'done' },
      { item: 'travel', label: 'Travel from the gate', status: 'missing' },
    ]);
  });
});

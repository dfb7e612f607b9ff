import { describe, expect, it } from 'vitest';
import { eventsFor } from './events.fixture.js';
import { fold } from './fold.fixture.js';
import { releaseOutcome } from './outcome.js';

describe('the release outcome, judged against what happened', () => {
  it('is null until she leaves, then awaits every required owner’s verdict on the gate passing', () => {
    const e = eventsFor('A1234BC');
    const complete = fold([e.scheduled('2026-11-18'), ...e.allComplete()]);
    expect(releaseOutcome(complete)).toBeNull();
    const left = fold([e.occurred('2026-11-18', '09:35')], complete);
    expect(left.releaseRevision).toBe(2);
    expect(releaseOutcome(left)).toEqual({
      status: 'awaiting-re-check',
      owedBy: ['release-scheduling', 'treatment-continuity', 'accommodation', 'transport'],
      reasons: [
        'Release: release-scheduling has not judged it since she left',
        'Treatment: treatment-continuity has not judged it since she left',
        'Accommodation: accommodation has not judged it since she left',
        'Transport: transport has not judged it since she left',
      ],
    });
    expect(releaseOutcome(fold(e.allComplete(), left))).toEqual({ status: 'complete', reasons: [] });
  });

  it('is incomplete when an owner judged the gate passed too late (transport gone), saying why', () => {
    const e = eventsFor('A1234BC');
    const left = fold([e.scheduled('2026-11-18'), ...e.allComplete(), e.occurred('2026-11-18', '14:10')]);
    const judged = fold(
      [
        e.judged('release', 'complete'),
        e.judged('treatment', 'complete'),
        e.judged('accommodation', 'complete'),
        e.judged('transport', 'at-risk', {
          reasons: ['She passed the gate at 14:10, after the transport left at 10:00'],
        }),
      ],
      left,
    );
    expect(releaseOutcome(judged)).toEqual({
      status: 'incomplete',
      reasons: ['Transport: She passed the gate at 14:10, after the transport left at 10:00'],
    });
  });

  it('takes each owner’s first verdict on the gate passing, not what it said afterwards', () => {
    const e = eventsFor('A1234BC');
    const decided = fold([e.scheduled(), ...e.allComplete(), e.occurred(), ...e.allComplete()]);
    const afterwards = fold([e.judged('accommodation', 'at-risk', { reasons: ['Withdrawn a week later'] })], decided);
    expect(releaseOutcome(afterwards)).toEqual({ status: 'complete', reasons: [] });
  });

  it('waits for an optional pathway the owner still requires, and ignores verdicts on earlier revisions', () => {
    const e = eventsFor('A1234BC');
    const left = fold([
      e.scheduled(),
      ...e.allComplete(),
      e.judged('mental-health', 'complete'),
      e.occurred(),
      ...e.allComplete(),
    ]);
    expect(releaseOutcome(left)).toMatchObject({ status: 'awaiting-re-check', owedBy: ['treatment-continuity'] });
    const judged = fold([e.judged('mental-health', 'in-progress', { reasons: ['Not yet seen'] })], left);
    expect(releaseOutcome(judged)).toEqual({ status: 'incomplete', reasons: ['Mental health: Not yet seen'] });
  });
});

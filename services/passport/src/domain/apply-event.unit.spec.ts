import { describe, expect, it } from 'vitest';
import { applyEvent } from './apply-event.js';
import { isComplete, missingOf } from './completeness.js';
import { eventsFor } from './events.fixture.js';
import { fold } from './fold.fixture.js';

function completeScenario(personId = 'A1234BC') {
  const her = eventsFor(personId);
  const events = [
    her.scheduled('2026-11-18'),
    her.booked(),
    her.accepted(),
    her.accommodationConfirmed('2026-11-18'),
    her.transportArranged('2026-11-18'),
    ...her.allComplete(),
  ];
  return { her, events };
}

describe('applyEvent: a passport composed from its owners’ verdicts', () => {
  it('starts every required pathway not started, owed by its owner, until the owner has judged it', () => {
    const her = eventsFor('A1234BC');
    const passport = fold([her.scheduled()]);
    expect(passport).toMatchObject({
      personId: 'A1234BC',
      releaseId: her.releaseId,
      prisonCode: 'EHI',
      probationRegion: 'South West',
      releaseDate: '2026-11-18',
      gateAt: '2026-11-18T09:30:00+00:00',
      releaseStatus: 'scheduled',
      releaseRevision: 1,
    });
    expect(passport.pathways.treatment).toEqual({
      required: true,
      status: 'not-started',
      reason: 'treatment-continuity has not judged this pathway yet',
      reasons: ['treatment-continuity has not judged this pathway yet'],
      owedBy: 'treatment-continuity',
    });
    expect(passport.pathways.release.owedBy).toBe('release-scheduling');
    expect(passport.pathways.accommodation.owedBy).toBe('accommodation');
    expect(passport.pathways.transport.owedBy).toBe('transport');
    expect(passport.pathways['mental-health']).toEqual({
      required: false,
      status: 'not-started',
      reason: null,
      reasons: [],
      owedBy: null,
    });
    expect(isComplete(passport)).toBe(false);
  });

  it('is complete when each owner judged its pathway complete against the current revision', () => {
    const passport = fold(completeScenario().events);
    for (const name of ['release', 'treatment', 'accommodation', 'transport'] as const) {
      expect(passport.pathways[name]).toEqual({
        required: true,
        status: 'complete',
        reason: null,
        reasons: [],
        owedBy: null,
      });
    }
    expect(isComplete(passport)).toBe(true);
  });

  it('shows the owner’s verdict with every reason, never its own', () => {
    const her = eventsFor('A1234BC');
    const passport = fold([
      her.scheduled(),
      her.judged('treatment', 'at-risk', {
        reasons: [
          'Bridging prescription covers only to Saturday 21 November; her first dose is on Monday 23 November',
          'She asked for a female key worker; the key worker named is not female',
        ],
      }),
      her.judged('accommodation', 'in-progress', { reasons: [], missing: ['confirmed-from date'] }),
    ]);
    expect(passport.pathways.treatment).toMatchObject({
      status: 'at-risk',
      reason:
        'Bridging prescription covers only to Saturday 21 November; her first dose is on Monday 23 November; ' +
        'She asked for a female key worker; the key worker named is not female',
      owedBy: null,
    });
    expect(passport.pathways.treatment.reasons).toHaveLength(2);
    expect(passport.pathways.accommodation).toMatchObject({
      status: 'in-progress',
      reason: 'Still missing: confirmed-from date',
    });
  });

  it('ignores a verdict from a service that does not own the pathway', () => {
    const her = eventsFor('A1234BC');
    const scheduled = fold([her.scheduled()]);
    const judgement = her.judged('accommodation', 'complete');
    const forged = { ...judgement, type: 'transport.pathway-judged', source: 'transport' } as typeof judgement;
    const applied = applyEvent(scheduled, forged);
    expect(applied.changes).toEqual([]);
    expect(applied.passport.pathways.accommodation.status).toBe('not-started');
  });

  it('reports no change for an event that tells the passport nothing new', () => {
    const { her, events } = completeScenario();
    const passport = fold(events);
    const again = applyEvent(passport, her.judged('transport', 'complete'));
    expect(again.changes).toEqual([]);
    expect(again.passport).toBe(passport);
  });

  it('lists the verdict once, then the passport becoming complete', () => {
    const { her, events } = completeScenario();
    const almost = fold(events.slice(0, -1));
    const { changes } = applyEvent(almost, her.judged('transport', 'complete'));
    // The pathway now stands as the verdict said: a second line, "Transport now complete", would say it twice.
    expect(changes.map((change) => change.kind)).toEqual(['fact', 'completion']);
    expect(changes[0]?.summary).toBe('transport judged Transport complete against release revision 1');
    expect(changes[1]).toMatchObject({ kind: 'completion', complete: true, summary: 'Passport complete' });
  });

  it('lists a pathway that stands other than its verdict said: one judged against a release since moved', () => {
    const her = eventsFor('A1234BC');
    const complete = fold([her.scheduled('2026-11-18'), ...her.allComplete()]);
    const moved = fold([her.rescheduled('2026-11-18', '2026-12-10')], complete);
    const { changes } = applyEvent(moved, her.judged('transport', 'at-risk', { revision: 1 }));
    expect(changes.map((change) => change.kind)).toEqual(['fact', 'pathway']);
    expect(changes[1]).toMatchObject({ pathway: 'transport', from: 'awaiting-re-check', to: 'awaiting-re-check' });
    expect(changes[1]?.summary).toMatch(/^Transport still awaiting re-check by transport/);
  });

  it('words a verdict on a pathway she does not need as the pages show it: not needed', () => {
    const her = eventsFor('A1234BC');
    const scheduled = fold([her.scheduled()]);
    const notNeeded = applyEvent(
      scheduled,
      her.judged('mental-health', 'not-started', { required: false, reasons: [] }),
    );
    expect(notNeeded.changes[0]?.summary).toBe(
      'treatment-continuity judged Mental health not needed against release revision 1',
    );
    const flagged = applyEvent(scheduled, her.judged('mental-health', 'at-risk', { required: false, reasons: ['X'] }));
    expect(flagged.changes[0]?.summary).toBe(
      'treatment-continuity judged Mental health not needed, at risk against release revision 1: X',
    );
  });

  it('lists no line for a pathway she needs neither before nor after, whatever its status does', () => {
    const her = eventsFor('A1234BC');
    const judged = fold([
      her.scheduled(),
      her.judged('mental-health', 'not-started', { required: false, reasons: [] }),
    ]);
    const moved = applyEvent(judged, her.rescheduled('2026-11-18', '2026-12-10'));
    expect(moved.passport.pathways['mental-health']).toMatchObject({ required: false });
    expect(moved.changes.map((change) => change.summary).join('\n')).not.toContain('Mental health');
  });

  it('keeps the display facts for the timeline without judging them', () => {
    const her = eventsFor('A1234BC');
    const scheduled = fold([her.scheduled()]);
    const { changes, passport } = applyEvent(scheduled, her.transportArranged('2026-11-19', '08:00', '18:30'));
    expect(changes.map((change) => change.summary)).toEqual([
      'Travel arranged: met at the gate, leaving Thursday 19 November at 08:00, arriving 18:30',
    ]);
    expect(passport.pathways.transport.status).toBe('not-started');
  });
});

describe('a release moved', () => {
  it('makes a complete passport await each owner’s re-check, and complete again once each has re-judged', () => {
    const e = eventsFor('A1234BC');
    const complete = fold([e.scheduled('2026-11-18'), ...e.allComplete()]);
    expect(isComplete(complete)).toBe(true);

    const moved = fold([e.rescheduled('2026-11-18', '2026-12-10')], complete);
    expect(moved.releaseRevision).toBe(2);
    expect(isComplete(moved)).toBe(false);
    expect(moved.pathways.accommodation).toMatchObject({
      status: 'awaiting-re-check',
      owedBy: 'accommodation',
      reason: 'accommodation has not re-checked since the release moved to Thursday 10 December',
      reasons: [
        'accommodation has not re-checked since the release moved to Thursday 10 December',
        'Its last verdict, before that change, was complete',
      ],
    });
    expect(missingOf(moved)).toEqual([
      'Release: release-scheduling has not re-checked since the release moved to Thursday 10 December',
      'Treatment: treatment-continuity has not re-checked since the release moved to Thursday 10 December',
      'Accommodation: accommodation has not re-checked since the release moved to Thursday 10 December',
      'Transport: transport has not re-checked since the release moved to Thursday 10 December',
    ]);

    const someBack = fold(
      [e.judged('release', 'complete'), e.judged('treatment', 'complete'), e.judged('accommodation', 'complete')],
      moved,
    );
    expect(isComplete(someBack)).toBe(false);
    expect(someBack.pathways.transport.status).toBe('awaiting-re-check');
    expect(isComplete(fold([e.judged('transport', 'complete')], someBack))).toBe(true);
  });

  it('keeps an owner’s warning across the move only as long as the owner repeats it', () => {
    const e = eventsFor('A1234BC');
    const warned = fold([
      e.scheduled('2026-11-18'),
      ...e.allComplete(),
      e.judged('accommodation', 'at-risk', { reasons: ['The address is in an area she must not live in'] }),
    ]);
    const moved = fold([e.rescheduled('2026-11-18', '2026-11-25')], warned);
    expect(moved.pathways.accommodation.status).toBe('awaiting-re-check');
    const repeated = fold(
      [
        e.judged('release', 'complete'),
        e.judged('treatment', 'complete'),
        e.judged('transport', 'complete'),
        e.judged('accommodation', 'at-risk', { reasons: ['The address is in an area she must not live in'] }),
      ],
      moved,
    );
    expect(repeated.pathways.accommodation).toMatchObject({
      status: 'at-risk',
      reason: 'The address is in an area she must not live in',
    });
    expect(isComplete(repeated)).toBe(false);
  });

  it('says the release was cancelled, and is never complete while it is', () => {
    const e = eventsFor('A1234BC');
    const passport = fold([e.scheduled(), ...e.allComplete(), e.cancelled()]);
    expect(passport.releaseStatus).toBe('cancelled');
    expect(passport.pathways.transport.reason).toBe('transport has not re-checked since the release was cancelled');
    expect(isComplete(fold(e.allComplete(), passport))).toBe(false);
  });
});

describe('release events of both versions', () => {
  it('counts a v1 event as revision 0 and keeps dates, gate, prison, region, status and short notice', () => {
    const e = eventsFor('A1234BC');
    const old = fold([
      e.scheduledV1('2026-11-18', '10:00', { shortNotice: true, shortNoticeReason: 'COURT', shortSentence: true }),
    ]);
    expect(old).toMatchObject({
      releaseRevision: 0,
      releaseDate: '2026-11-18',
      gateTime: '10:00',
      prisonCode: 'EHI',
      probationRegion: 'South West',
      releaseStatus: 'scheduled',
      shortNotice: true,
      shortSentence: true,
    });
    const judged = fold(e.allComplete({ revision: 0 }), old);
    expect(isComplete(judged)).toBe(true);
    const upgraded = fold([e.rescheduled('2026-11-18', '2026-11-19', '09:30', {}, 2)], judged);
    expect(upgraded.releaseRevision).toBe(2);
    expect(upgraded.pathways.release.status).toBe('awaiting-re-check');
  });

  it('stays released when a late schedule arrives after she left', () => {
    const her = eventsFor('A1234BC');
    const passport = fold([her.scheduled(), her.occurred(), her.rescheduledV1('2026-11-18', '2026-11-18', '10:00')]);
    expect(passport.releaseStatus).toBe('released');
    expect(passport.releaseRevision).toBe(2);
  });
});

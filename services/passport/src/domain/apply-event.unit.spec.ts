import { describe, expect, it } from 'vitest';
import { applyEvent } from './apply-event.js';
import { isComplete } from './completeness.js';
import { eventsFor } from './events.fixture.js';
import { fold } from './fold.fixture.js';
import { DEFAULT_SETTINGS } from './passport.js';

function completeScenario(personId = 'A1234BC') {
  const her = eventsFor(personId);
  const events = [
    her.scheduled('2026-11-18'),
    her.booked(),
    her.accepted(),
    her.accommodationConfirmed('2026-11-18'),
    her.transportArranged('2026-11-18'),
  ];
  return { her, events };
}

describe('applyEvent: a passport folded from upstream events', () => {
  it('starts every required pathway not started, and the release complete once scheduled', () => {
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
    });
    expect(passport.pathways.release).toEqual({ required: true, status: 'complete', reason: null });
    expect(passport.pathways.treatment).toEqual({
      required: true,
      status: 'not-started',
      reason: 'No treatment handoff booked yet',
    });
    expect(passport.pathways.accommodation.status).toBe('not-started');
    expect(passport.pathways.transport.status).toBe('not-started');
    expect(passport.pathways['mental-health']).toEqual({ required: false, status: 'not-started', reason: null });
    expect(isComplete(passport)).toBe(false);
  });

  it('is complete when release, treatment, accommodation and transport all fit the release', () => {
    const passport = fold(completeScenario().events);
    for (const name of ['release', 'treatment', 'accommodation', 'transport'] as const) {
      expect(passport.pathways[name]).toEqual({ required: true, status: 'complete', reason: null });
    }
    expect(isComplete(passport)).toBe(true);
  });

  it('reports no change for an event that tells the passport nothing new', () => {
    const { her, events } = completeScenario();
    const passport = fold(events);
    const again = applyEvent(passport, her.transportArranged('2026-11-18'), DEFAULT_SETTINGS);
    expect(again.changes).toEqual([]);
    expect(again.passport).toBe(passport);
  });

  it('lists the fact, each pathway that moved, and the passport becoming complete', () => {
    const { her, events } = completeScenario();
    const almost = fold(events.slice(0, 4));
    const { changes } = applyEvent(almost, her.transportArranged('2026-11-18'), DEFAULT_SETTINGS);
    expect(changes.map((change) => change.kind)).toEqual(['fact', 'pathway', 'completion']);
    expect(changes[0]?.summary).toMatch(/^Travel arranged: met at the gate, leaving Wednesday 18 November at 10:00/);
    expect(changes[1]).toMatchObject({ pathway: 'transport', from: 'not-started', to: 'complete' });
    expect(changes[2]).toMatchObject({ kind: 'completion', complete: true, summary: 'Passport complete' });
  });
});

describe('release pathway', () => {
  it('is not started while only other services have spoken', () => {
    const her = eventsFor('A1234BC');
    const passport = fold([her.booked()]);
    expect(passport.releaseStatus).toBe('unknown');
    expect(passport.pathways.release).toMatchObject({
      status: 'not-started',
      reason: 'Release date not yet scheduled',
    });
  });

  it('is in progress for a short-notice release until its checklist is done, then complete', () => {
    const her = eventsFor('A1234BC');
    const shortNotice = { shortNotice: true, shortNoticeReason: 'COURT' as const };
    const started = fold([her.scheduled('2026-11-18', '09:30', shortNotice)]);
    expect(started.pathways.release).toEqual({
      required: true,
      status: 'in-progress',
      reason:
        'Short-notice release from court: still missing naloxone supplied, bridging prescription, ' +
        'release-night accommodation, travel from the gate',
    });
    const done = fold(
      [
        her.booked({ bridgingPrescription: true }),
        her.accepted(),
        her.accommodationConfirmed('2026-11-18'),
        her.transportArranged('2026-11-18'),
      ],
      started,
    );
    expect(done.shortNoticeChecklist?.map((item) => item.status)).toEqual(['done', 'done', 'done', 'done']);
    expect(done.pathways.release.status).toBe('complete');
    expect(isComplete(done)).toBe(true);
  });

  it('is at risk once the release is cancelled', () => {
    const her = eventsFor('A1234BC');
    const passport = fold([her.scheduled(), her.cancelled()]);
    expect(passport.releaseStatus).toBe('cancelled');
    expect(passport.pathways.release).toMatchObject({
      status: 'at-risk',
      reason: 'Release cancelled: Sentence recalculated',
    });
  });

  it('stays released when a late schedule arrives after she left', () => {
    const her = eventsFor('A1234BC');
    const passport = fold([her.scheduled(), her.occurred(), her.rescheduled('2026-11-18', '2026-11-18', '10:00')]);
    expect(passport.releaseStatus).toBe('released');
  });
});

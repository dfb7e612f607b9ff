import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isComplete } from './completeness.js';
import { eventsFor } from './events.fixture.js';
import { fold } from './fold.fixture.js';
import type { UpstreamEvent } from './upstream.js';

/** Each topic keeps one woman's events in order; across topics any interleaving can arrive. */
function perTopic() {
  const e = eventsFor('A1234BC');
  return [
    [e.scheduled('2026-11-18'), e.rescheduled('2026-11-18', '2026-11-17')],
    [
      e.booked(),
      e.accepted('2026-11-18T13:00:00Z'),
      e.needsReconfirmation('2026-11-17'),
      e.accepted('2026-11-17T13:00:00Z'),
    ],
    [e.accommodationConfirmed('2026-11-18'), e.accommodationChanged('2026-11-17')],
    [e.transportArranged('2026-11-18'), e.transportChanged('2026-11-17')],
  ];
}

function interleave(topics: UpstreamEvent[][], picks: number[]): UpstreamEvent[] {
  const queues = topics.map((events) => [...events]);
  const merged: UpstreamEvent[] = [];
  let pick = 0;
  while (queues.some((queue) => queue.length > 0)) {
    const open = queues.filter((queue) => queue.length > 0);
    const queue = open[(picks[pick++] ?? 0) % open.length]!;
    merged.push(queue.shift()!);
  }
  return merged;
}

describe('events arriving out of order across topics', () => {
  it('keeps a handoff that arrives before the release, and fills the release pathway later', () => {
    const e = eventsFor('A1234BC');
    const early = fold([e.booked(), e.accepted()]);
    expect(early.releaseId).toBe(e.releaseId);
    expect(early.pathways.release.status).toBe('not-started');
    expect(early.pathways.treatment.status).toBe('complete');
    const later = fold([e.scheduled('2026-11-18')], early);
    expect(later.pathways.release.status).toBe('complete');
    expect(later.releaseDate).toBe('2026-11-18');
  });

  it('judges an acceptance against the release as it was when the provider accepted, whatever the arrival order', () => {
    const e = eventsFor('A1234BC');
    const scheduled = e.scheduled('2026-11-18');
    const booked = e.booked();
    const accepted = e.accepted();
    const moved = e.rescheduled('2026-11-18', '2026-11-17');
    const topics = [
      [scheduled, moved],
      [booked, accepted],
    ];
    fc.assert(
      fc.property(fc.array(fc.nat(1), { minLength: 4, maxLength: 4 }), (picks) => {
        const passport = fold(interleave(topics, picks));
        expect(passport.pathways.treatment.reason).toBe(
          'Release moved to Tuesday 17 November at 09:30; the provider has not yet re-confirmed the handoff',
        );
      }),
    );
  });

  it('ends in the same passport whatever the interleaving', () => {
    const topics = perTopic();
    const inOrder = fold(topics.flat());
    expect(isComplete(inOrder)).toBe(true);
    fc.assert(
      fc.property(fc.array(fc.nat(3), { minLength: 10, maxLength: 10 }), (picks) => {
        const passport = fold(interleave(topics, picks));
        expect(passport).toEqual(inOrder);
      }),
      { numRuns: 300 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isComplete } from './completeness.js';
import { eventsFor } from './events.fixture.js';
import { fold } from './fold.fixture.js';
import type { UpstreamEvent } from './upstream.js';

/** Each topic keeps one woman's events in order; across topics any interleaving can arrive. */
function perTopic() {
  const e = eventsFor('A1234BC');
  const scheduled = e.scheduled('2026-11-18');
  const moved = e.rescheduled('2026-11-18', '2026-11-17');
  return [
    [scheduled, moved, e.judged('release', 'complete', { revision: 1 }), e.judged('release', 'complete')],
    [
      e.booked(),
      e.judged('treatment', 'in-progress', { revision: 1, handoffRevision: 1 }),
      e.accepted('2026-11-18T13:00:00Z'),
      e.judged('treatment', 'complete', { revision: 1, handoffRevision: 2 }),
      e.judged('treatment', 'complete', { handoffRevision: 3 }),
    ],
    [
      e.accommodationConfirmed('2026-11-18'),
      e.judged('accommodation', 'complete', { revision: 1 }),
      e.judged('accommodation', 'complete'),
    ],
    [
      e.transportArranged('2026-11-18'),
      e.judged('transport', 'complete', { revision: 1, handoffRevision: 2 }),
      e.judged('transport', 'complete', { handoffRevision: 3 }),
    ],
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
  it('keeps verdicts that arrive before the release, and composes them once it is known', () => {
    const e = eventsFor('A1234BC');
    const early = fold([e.booked(), ...e.allComplete({ revision: 1 })]);
    expect(early.releaseId).toBe(e.releaseId);
    expect(early.releaseStatus).toBe('unknown');
    expect(early.pathways.treatment.status).toBe('awaiting-re-check');
    expect(isComplete(early)).toBe(false);
    const later = fold([e.scheduled('2026-11-18')], early);
    expect(later.releaseDate).toBe('2026-11-18');
    expect(isComplete(later)).toBe(true);
  });

  it('ends in the same passport whatever the interleaving', () => {
    const topics = perTopic();
    const inOrder = fold(topics.flat());
    expect(isComplete(inOrder)).toBe(true);
    fc.assert(
      fc.property(fc.array(fc.nat(3), { minLength: 17, maxLength: 17 }), (picks) => {
        const passport = fold(interleave(topics, picks));
        expect(passport).toEqual(inOrder);
      }),
      { numRuns: 300 },
    );
  });
});

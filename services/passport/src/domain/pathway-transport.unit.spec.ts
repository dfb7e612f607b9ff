import { describe, expect, it } from 'vitest';
import { eventsFor } from './events.fixture.js';
import { fold } from './fold.fixture.js';

const her = () => eventsFor('A1234BC');

describe('transport pathway', () => {
  it('is not started, in progress before the release is known, complete once it fits', () => {
    const e = her();
    const arranged = fold([e.transportArranged('2026-11-18')]);
    expect(arranged.pathways.transport).toMatchObject({
      status: 'in-progress',
      reason: 'Travel arranged; waiting for the release date to check it',
    });
    expect(fold([e.scheduled('2026-11-18')]).pathways.transport.status).toBe('not-started');
    expect(fold([e.scheduled('2026-11-18')], arranged).pathways.transport.status).toBe('complete');
  });

  it('is at risk when the transport service says so, and complete again when the plan changes to fit', () => {
    const e = her();
    const atRisk = fold([e.scheduled(), e.transportArranged(), e.transportAtRisk()]);
    expect(atRisk.pathways.transport).toMatchObject({
      status: 'at-risk',
      reason: 'Travel at risk: She would arrive after her first appointment',
    });
    expect(fold([e.transportChanged('2026-11-18', '10:00', '11:00')], atRisk).pathways.transport.status).toBe(
      'complete',
    );
  });

  it('is at risk when cancelled', () => {
    const e = her();
    expect(fold([e.scheduled(), e.transportArranged(), e.transportCancelled()]).pathways.transport.reason).toBe(
      'Travel cancelled: Driver unavailable',
    );
  });

  it('is at risk when it no longer fits the release: another day, before the gate, after the cut-off', () => {
    const e = her();
    expect(
      fold([e.scheduled('2026-11-18'), e.transportArranged('2026-11-18'), e.rescheduled('2026-11-18', '2026-11-17')])
        .pathways.transport.reason,
    ).toBe('Release moved to Tuesday 17 November; travel is arranged for Wednesday 18 November');
    expect(
      fold([e.scheduled('2026-11-18', '11:00'), e.transportArranged('2026-11-18', '10:00')]).pathways.transport.reason,
    ).toBe('Travel leaves at 10:00, before her gate time of 11:00');
    expect(
      fold([e.scheduled('2026-11-18'), e.transportArranged('2026-11-18', '10:00', '17:30')]).pathways.transport.reason,
    ).toBe('She would arrive at 17:30, after the 17:00 evening cut-off');
  });
});

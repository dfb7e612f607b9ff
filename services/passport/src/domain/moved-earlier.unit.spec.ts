import { describe, expect, it } from 'vitest';
import { isComplete, missingOf } from './completeness.js';
import { eventsFor } from './events.fixture.js';
import { fold } from './fold.fixture.js';

describe('a release moved earlier', () => {
  it('makes a complete passport incomplete, and complete again once each pathway is re-confirmed', () => {
    const e = eventsFor('A1234BC');
    const complete = fold([
      e.scheduled('2026-11-18'),
      e.booked(),
      e.accepted('2026-11-18T13:00:00Z'),
      e.accommodationConfirmed('2026-11-18'),
      e.transportArranged('2026-11-18'),
    ]);
    expect(isComplete(complete)).toBe(true);

    const moved = fold([e.rescheduled('2026-11-18', '2026-11-17')], complete);
    expect(isComplete(moved)).toBe(false);
    expect(missingOf(moved)).toEqual([
      'Treatment: Release moved to Tuesday 17 November at 09:30; the provider has not yet re-confirmed the handoff',
      'Accommodation: Release moved to Tuesday 17 November; accommodation is confirmed only from Wednesday 18 November',
      'Transport: Release moved to Tuesday 17 November; travel is arranged for Wednesday 18 November',
    ]);

    const reconfirming = fold([e.needsReconfirmation('2026-11-17')], moved);
    expect(reconfirming.pathways.treatment.status).toBe('at-risk');
    const treatmentBack = fold([e.accepted('2026-11-17T13:00:00Z')], reconfirming);
    expect(treatmentBack.pathways.treatment.status).toBe('complete');
    expect(isComplete(treatmentBack)).toBe(false);
    const accommodationBack = fold([e.accommodationChanged('2026-11-17')], treatmentBack);
    expect(accommodationBack.pathways.accommodation.status).toBe('complete');
    expect(isComplete(accommodationBack)).toBe(false);
    const allBack = fold([e.transportChanged('2026-11-17')], accommodationBack);
    expect(isComplete(allBack)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { eventsFor } from './events.fixture.js';
import { fold } from './fold.fixture.js';

const her = () => eventsFor('A1234BC');

describe('accommodation pathway', () => {
  it('is not started, then in progress without a confirmed-from date, then complete', () => {
    const e = her();
    const scheduled = fold([e.scheduled()]);
    expect(scheduled.pathways.accommodation).toMatchObject({
      status: 'not-started',
      reason: 'No release-night accommodation recorded yet',
    });
    const found = fold([e.accommodationConfirmed(null)], scheduled);
    expect(found.pathways.accommodation).toMatchObject({
      status: 'in-progress',
      reason: 'Accommodation found; the date it is available from is not yet confirmed',
    });
    expect(fold([e.accommodationChanged('2026-11-16')], found).pathways.accommodation.status).toBe('complete');
  });

  it('is in progress while the release date is unknown', () => {
    const e = her();
    expect(fold([e.accommodationConfirmed('2026-11-18')]).pathways.accommodation).toMatchObject({
      status: 'in-progress',
      reason: 'Accommodation confirmed from Wednesday 18 November; waiting for the release date to check it',
    });
  });

  it('is at risk when the release moves before the date it is confirmed from', () => {
    const e = her();
    const passport = fold([
      e.scheduled('2026-11-20'),
      e.accommodationConfirmed('2026-11-20'),
      e.rescheduled('2026-11-20', '2026-11-19'),
    ]);
    expect(passport.pathways.accommodation).toEqual({
      required: true,
      status: 'at-risk',
      reason: 'Release moved to Thursday 19 November; accommodation is confirmed only from Friday 20 November',
    });
  });

  it('is at risk when withdrawn, or when there is none', () => {
    const e = her();
    expect(
      fold([e.scheduled(), e.accommodationConfirmed(), e.accommodationWithdrawn()]).pathways.accommodation,
    ).toMatchObject({
      status: 'at-risk',
      reason: 'Accommodation withdrawn: Landlord withdrew the room',
    });
    expect(fold([e.scheduled(), e.accommodationConfirmed('2026-11-18', 'none')]).pathways.accommodation.reason).toBe(
      'No accommodation: she has nowhere to stay on release night',
    );
  });

  it('takes the accommodation service’s warning while it speaks of the current release date', () => {
    const e = her();
    const warned = fold([
      e.scheduled('2026-11-18'),
      e.accommodationConfirmed('2026-11-18'),
      e.accommodationAtRisk('2026-11-18', '2026-11-18'),
    ]);
    expect(warned.pathways.accommodation).toMatchObject({
      status: 'at-risk',
      reason: 'Not available on release night',
    });
    const moved = fold([e.rescheduled('2026-11-18', '2026-11-25')], warned);
    expect(moved.pathways.accommodation.status).toBe('complete');
  });
});

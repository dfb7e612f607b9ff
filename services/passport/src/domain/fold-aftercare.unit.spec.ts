import { describe, expect, it } from 'vitest';
import { applyEvent } from './apply-event.js';
import { eventsFor } from './events.fixture.js';
import type { Passport } from './passport.js';
import type { UpstreamEvent } from './upstream.js';

function fold(...events: UpstreamEvent[]): Passport {
  let passport: Passport | undefined;
  for (const event of events) passport = applyEvent(passport, event).passport;
  return passport!;
}

describe('after her release: the missed first appointment alarm', () => {
  const her = eventsFor('A3001AA');

  it('is raised by a missed first appointment, with a timeline line', () => {
    const scheduled = her.scheduled('2026-11-18');
    const missed = her.firstAppointment('not-attended');
    const before = fold(scheduled);
    const applied = applyEvent(before, missed);
    expect(applied.passport.alarm).toBe('missed-first-appointment');
    expect(applied.changes.map((change) => change.summary)).toEqual(['ALARM: missed first appointment']);
  });

  it('stays through a moved appointment and is cleared once a later one is attended', () => {
    const moved = fold(
      her.scheduled('2026-11-18'),
      her.firstAppointment('not-attended'),
      her.firstAppointment('moved', '2026-11-18T13:00:00Z', '2026-11-20T10:00:00Z'),
    );
    expect(moved.alarm).toBe('missed-first-appointment');
    const attended = applyEvent(moved, her.firstAppointment('attended', '2026-11-20T10:00:00Z'));
    expect(attended.passport.alarm).toBeNull();
    expect(attended.passport.facts.aftercare).toMatchObject({ attended: true, missed: null });
  });

  it('keeps the earliest reported start of treatment', () => {
    const passport = fold(
      her.scheduled('2026-11-18'),
      her.treatmentStarted('2026-11-25'),
      her.treatmentStarted('2026-11-20'),
    );
    expect(passport.facts.aftercare?.treatmentStartedOn).toBe('2026-11-20');
  });
});

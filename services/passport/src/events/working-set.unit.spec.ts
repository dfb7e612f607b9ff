import { describe, expect, it } from 'vitest';
import { eventsFor } from '../domain/events.fixture.js';
import { DEFAULT_SETTINGS } from '../domain/index.js';
import { foldOne } from './fold-and-save.js';
import { WorkingSet } from './working-set.js';

const options = { settings: DEFAULT_SETTINGS, now: new Date('2026-11-02T10:00:00Z'), publish: true };

describe('what a run of events publishes', () => {
  it('one passport.updated per passport, its last state, caused by the last event that changed it', () => {
    const her = eventsFor('A1001AA');
    const other = eventsFor('A1002AA');
    const run = [
      her.scheduled('2026-11-18'),
      other.scheduled('2026-11-19'),
      her.judged('release', 'complete'),
      her.judged('treatment', 'complete'),
      her.judged('accommodation', 'complete'),
      her.judged('transport', 'complete'),
    ];
    const working = new WorkingSet(new Map(), new Map());
    for (const event of run) foldOne(working, event, options);

    const published = working.toPublish();
    const updates = published.filter((draft) => draft.type === 'passport.updated');
    expect(updates.map((draft) => draft.data.releaseId)).toEqual([other.releaseId, her.releaseId]);
    expect(updates.map((draft) => draft.cause?.causationId)).toEqual([run[1]!.id, run[5]!.id]);
    expect(updates[1]?.data).toMatchObject({ complete: true });
    // As the completing event told them: her passport's state, then the transition.
    expect(published.map((draft) => draft.type)).toEqual([
      'passport.updated',
      'passport.updated',
      'passport.completed',
    ]);
    // The timeline still has each event's line.
    const hers = working.timeline.filter((line) => line.releaseId === her.releaseId);
    expect(new Set(hers.map((line) => line.eventId))).toEqual(new Set([0, 2, 3, 4, 5].map((at) => run[at]!.id)));
  });
});

import { createEvent, type EventEnvelope } from '@resettle/contracts';
import type { IncomingMessage } from '@resettle/messaging';
import { describe, expect, it } from 'vitest';
import { eventsFor } from '../domain/events.fixture.js';
import { fold } from '../domain/fold.fixture.js';
import { DEFAULT_SETTINGS } from '../domain/passport.js';
import { BulkFold } from './bulk-fold.js';

const options = { settings: DEFAULT_SETTINGS, now: new Date('2026-11-02T10:00:00Z'), publish: false };

let offset = 0;
function message(value: EventEnvelope | string, key: string): IncomingMessage {
  offset += 1;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return { topic: 't', partition: 0, offset: String(offset), key, value: Buffer.from(text), headers: {} };
}

describe('the bulk fold of a rebuild', () => {
  it('folds as the live fold does, applying a duplicate once', () => {
    const e = eventsFor('A4001AA');
    const events = [e.scheduled('2026-11-18'), e.booked(), e.accepted()];
    const bulk = new BulkFold(options);
    for (const event of [...events, events[1]!]) bulk.fold(message(event, 'A4001AA'));
    expect(bulk.counts).toMatchObject({ folded: 3, duplicates: 1, unusable: 0 });
    expect(bulk.passportOf(events[0]!.data.releaseId)).toEqual(fold(events));
  });

  it('holds a person back after an event it cannot read, and ignores event types it does not consume', () => {
    const held = eventsFor('A4002AA');
    const other = eventsFor('A4003AA');
    const bulk = new BulkFold(options);
    bulk.fold(message(held.scheduled('2026-11-18'), 'A4002AA'));
    bulk.fold(message('{"not json', 'A4002AA'));
    bulk.fold(message(held.booked(), 'A4002AA'));
    bulk.fold(message({ ...other.scheduled('2026-11-19'), version: 7 } as EventEnvelope, 'A4003AA'));
    const notConsumed = createEvent({
      type: 'passport.completed',
      personId: 'A4003AA',
      source: 'passport',
      correlationId: 'c-1',
      occurredAt: '2026-11-02T10:00:00Z',
      data: { releaseId: held.releaseId },
    });
    bulk.fold(message(notConsumed, 'A4003AA'));
    expect(bulk.counts).toMatchObject({ folded: 1, unusable: 2, heldBack: 1 });
  });
});

import { randomUUID } from 'node:crypto';
import { eventually } from '@resettle/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutboxRelay, relayLockSession } from './relay.js';
import {
  cancelledEvent,
  createHarness,
  effectRows,
  effectsConsumer,
  type Harness,
  quietLogger,
  writeToOutbox,
} from './test-support/harness.js';

describe('idempotent consumer on the real broker and database', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await createHarness('consumer');
  });
  afterAll(() => harness.close());

  it('applies an event delivered twice (re-published, then offsets reset to the beginning) exactly once', async () => {
    const events = ['A1000AA', 'B2000BB', 'A1000AA'].map((person, index) => cancelledEvent(person, `n${index}`));
    const relay = new OutboxRelay({
      sql: harness.sql,
      lockSession: relayLockSession(harness.database.url),
      bus: harness.bus,
      logger: quietLogger,
    });
    await writeToOutbox(harness, events);
    await relay.start();
    await eventually(async () => expect(await relay.pendingCount()).toBe(0));
    await relay.stop();
    // the same events again, straight onto the topic (as a relay that crashed before marking them sent would)
    await harness.bus.send(
      harness.topic,
      events.map((event) => ({ key: event.personId, value: JSON.stringify(event) })),
    );

    const group = `group-${randomUUID()}`;
    const first = effectsConsumer(harness, group);
    await first.start();
    await eventually(() => expect(first.stats.applied + first.stats.duplicates).toBe(6));
    await first.stop();
    await harness.bus.resetOffsetsToEarliest(group, harness.topic);
    const replay = effectsConsumer(harness, group);
    await replay.start();
    await eventually(() => expect(replay.stats.duplicates).toBe(6));
    await replay.stop();

    const rows = await effectRows(harness.sql);
    expect(rows.map((row) => row.event_id).sort()).toEqual(events.map((event) => event.id).sort());
    expect(first.stats).toMatchObject({ applied: 3, duplicates: 3, deadLettered: 0 });
    expect(replay.stats).toMatchObject({ applied: 0, duplicates: 6, deadLettered: 0 });
  });
});

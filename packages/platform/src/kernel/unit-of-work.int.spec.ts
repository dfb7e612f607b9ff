import { cancelledEvent, createHarness, type Harness } from '@resettle/messaging/test-support';
import { eventually } from '@resettle/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runUnit } from './unit-of-work.js';

const clock = () => new Date('2026-11-02T10:00:00.000Z');
const releaseId = '3b241101-e2bb-4255-8caf-4136c566a962';
const cancelled = (personId: string) =>
  ({ type: 'release.cancelled', personId, data: { releaseId, prisonCode: 'DWI', reason: 'moved' } }) as const;

describe('a unit of work', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await createHarness('unit-of-work');
  });
  afterAll(() => harness.close());

  const outboxPayloads = async () =>
    (
      await harness.sql<
        { payload: Record<string, unknown>; topic: string }[]
      >`select payload, topic from outbox order by seq`
    ).map((row) => ({ ...row.payload, topic: row.topic }));

  it("fills in the event's owner, the service clock and the cause, and appends to the outbox on commit", async () => {
    await runUnit(
      harness.db,
      { service: 'release-scheduling', clock, cause: { correlationId: 'request-1' }, personId: 'A1234BC' },
      async (work) => work.publish(cancelled('A1234BC')),
    );
    const [event] = await outboxPayloads();
    expect(event).toMatchObject({
      type: 'release.cancelled',
      version: 1,
      source: 'release-scheduling',
      occurredAt: '2026-11-02T10:00:00.000Z',
      correlationId: 'request-1',
      causationId: null,
      personId: 'A1234BC',
      topic: 'resettle.release-scheduling.events.v1',
    });
  });

  it('publishes nothing when the work fails', async () => {
    await harness.sql`delete from outbox`;
    const failing = runUnit(
      harness.db,
      { service: 'release-scheduling', clock, cause: { correlationId: 'r' } },
      async (work) => {
        work.publish(cancelled('B1234BC'));
        throw new Error('a rule refused it');
      },
    );
    await expect(failing).rejects.toThrow('a rule refused it');
    expect(await outboxPayloads()).toEqual([]);
  });

  it("refuses to publish another service's event", async () => {
    const wrongOwner = runUnit(
      harness.db,
      { service: 'accommodation', clock, cause: { correlationId: 'r' } },
      async (work) => work.publish(cancelled('C1234BC')),
    );
    await expect(wrongOwner).rejects.toThrow('accommodation cannot publish release.cancelled');
  });

  it('takes each draft’s own cause where a run of consumed events publishes together', async () => {
    await harness.sql`delete from outbox`;
    const consumed = cancelledEvent('D1234BC', 'upstream');
    await runUnit(harness.db, { service: 'release-scheduling', clock }, async (work) =>
      work.publish({
        ...cancelled('D1234BC'),
        cause: { correlationId: consumed.correlationId, causationId: consumed.id },
      }),
    );
    const [event] = await outboxPayloads();
    expect(event).toMatchObject({ correlationId: consumed.correlationId, causationId: consumed.id });
    const noCause = runUnit(harness.db, { service: 'release-scheduling', clock }, async (work) =>
      work.publish(cancelled('D1234BC')),
    );
    await expect(noCause).rejects.toThrow('without a cause');
  });

  it('serialises two units about the same woman on her lock', async () => {
    const order: string[] = [];
    let releaseFirst: () => void = () => {};
    const firstHolds = new Promise<void>((resolve) => {
      releaseFirst = resolve;
    });
    const options = { service: 'release-scheduling', clock, cause: { correlationId: 'r' }, personId: 'E1234BC' };
    const first = runUnit(harness.db, options, async () => {
      order.push('first in');
      await firstHolds;
      order.push('first out');
    });
    // Her lock is taken before the unit's work begins.
    await eventually(() => expect(order).toEqual(['first in']));
    const second = runUnit(harness.db, options, async () => void order.push('second in'));
    await new Promise((resolve) => setTimeout(resolve, 200));
    releaseFirst();
    await Promise.all([first, second]);
    expect(order).toEqual(['first in', 'first out', 'second in']);
  });
});

import { randomUUID } from 'node:crypto';
import { TOPICS, topicName } from '@resettle/contracts';
import { createEventBus, type IncomingMessage } from '@resettle/messaging';
import { startTestService, type TestService } from '@resettle/platform/testing';
import { eventually, type LocalKafkaBroker, ownKafkaBroker } from '@resettle/testing';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { releaseScheduling } from '../app.js';

const planner = { sub: 'planner-1', roles: ['release-planner' as const], prison: 'DWI' };

// Stops its broker on purpose, so it runs its own instead of the shared one.
describe('an API write while the broker is down', () => {
  let broker: LocalKafkaBroker;
  let service: TestService;
  beforeAll(async () => {
    broker = await ownKafkaBroker('broker-outage');
    await broker.start();
    service = await startTestService(releaseScheduling, {
      kafkaBrokers: [broker.brokers],
      clock: () => new Date('2026-11-02T10:00:00Z'),
    });
  }, 120_000);
  afterAll(async () => {
    await service?.close();
    await broker.stop();
    broker.removeData();
  });

  it('succeeds, keeps the event in the outbox, and publishes it once the broker is back', async () => {
    await broker.kill();
    const response = await service.call(planner, 'POST', '/api/releases', {
      personId: 'A2001AA',
      prisonCode: 'DWI',
      probationRegion: 'London',
      legalReleaseDate: '2026-11-18',
      gateTime: '09:30',
      releaseFrom: 'PRISON',
      eligibility: {
        homeDetentionCurfew: false,
        indeterminateSentence: false,
        paroleBoardRelease: false,
        daysServedSinceSentence: 90,
      },
      sentenceLengthDays: 200,
    });
    expect(response.status).toBe(201);
    // The release and the release pathway's verdict, committed together.
    expect(await service.relay.pendingCount()).toBe(2);

    await broker.start();
    const bus = createEventBus({
      brokers: [broker.brokers],
      clientId: 'outage-watch',
      logger: pino({ level: 'silent' }),
    });
    const received: IncomingMessage[] = [];
    const watch = await bus.subscribe({
      groupId: `watch-${randomUUID()}`,
      topics: [topicName(TOPICS.releaseScheduling, service.namespace)],
      handle: async (message) => void received.push(message),
    });
    try {
      await eventually(() => expect(received).toHaveLength(2), 60_000, 200);
      expect(received.map((message) => JSON.parse(message.value!.toString()))).toMatchObject([
        { type: 'release.scheduled', personId: 'A2001AA' },
        { type: 'release.pathway-judged', personId: 'A2001AA' },
      ]);
      await eventually(async () => expect(await service.relay.pendingCount()).toBe(0), 30_000);
    } finally {
      await watch.stop();
      await bus.close();
    }
  }, 180_000);
});

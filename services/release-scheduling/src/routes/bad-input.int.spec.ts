import { ALL_TOPICS, topicName } from '@resettle/contracts';
import { createEventBus } from '@resettle/messaging';
import { findBadInputFailures, startTestService, type TestService, tableCounts } from '@resettle/platform/testing';
import { testInfra } from '@resettle/testing';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { releaseScheduling } from '../app.js';

describe('release-scheduling refuses bad input on every route and changes nothing', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService(releaseScheduling, { clock: () => new Date('2026-11-02T10:00:00Z') });
  });
  afterAll(() => service.close());

  it('answers each generated bad request with a clean 4xx problem, and no table or topic changes', async () => {
    const bus = createEventBus({
      brokers: testInfra().kafkaBrokers,
      clientId: 'bad-input',
      logger: pino({ level: 'silent' }),
    });
    const offsets = async () =>
      Promise.all(ALL_TOPICS.map(async (topic) => [...(await bus.endOffsets(topicName(topic, service.topicPrefix)))]));
    try {
      const [rowsBefore, offsetsBefore] = [await tableCounts(service.database.url), await offsets()];
      const { sent, failures } = await findBadInputFailures(service);
      expect(failures).toEqual([]);
      expect(sent).toBeGreaterThan(100); // every route, many cases each
      expect(await tableCounts(service.database.url)).toEqual(rowsBefore);
      expect(await offsets()).toEqual(offsetsBefore);
    } finally {
      await bus.close();
    }
  });
});

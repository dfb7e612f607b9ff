import { ALL_TOPICS, topicName } from '@resettle/contracts';
import { createEventBus } from '@resettle/messaging';
import { findBadInputFailures, startTestService, tableCounts } from '@resettle/platform/testing';
import { testInfra } from '@resettle/testing';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { accommodation } from '../../services/accommodation/src/app.js';
import { passport } from '../../services/passport/src/app.js';
import { releaseScheduling } from '../../services/release-scheduling/src/app.js';
import { transport } from '../../services/transport/src/app.js';
import { treatmentContinuity } from '../../services/treatment-continuity/src/app.js';

const services = { releaseScheduling, treatmentContinuity, accommodation, transport, passport };

describe.each(Object.entries(services))(
  '%s refuses bad input on every route and changes nothing',
  (_name, definition) => {
    it('answers each generated bad request with a clean 4xx problem, and no table or topic changes', async () => {
      const service = await startTestService(definition as never, { clock: () => new Date('2026-11-02T10:00:00Z') });
      const bus = createEventBus({
        brokers: testInfra().kafkaBrokers,
        clientId: 'bad-input',
        logger: pino({ level: 'silent' }),
      });
      // A service creates only its own topics; the others are made here so that a write to any of them would show.
      await bus.ensureTopics(ALL_TOPICS.map((topic) => topicName(topic, service.namespace)));
      const offsets = async () =>
        Promise.all(ALL_TOPICS.map(async (topic) => [...(await bus.endOffsets(topicName(topic, service.namespace)))]));
      try {
        const [rowsBefore, offsetsBefore] = [await tableCounts(service.database.url), await offsets()];
        const { sent, failures } = await findBadInputFailures(service);
        expect(failures).toEqual([]);
        expect(sent).toBeGreaterThan(10);
        expect(await tableCounts(service.database.url)).toEqual(rowsBefore);
        expect(await offsets()).toEqual(offsetsBefore);
      } finally {
        await bus.close();
        await service.close();
      }
    });
  },
);

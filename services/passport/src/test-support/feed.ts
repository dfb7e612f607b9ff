import { randomUUID } from 'node:crypto';
import { type KnownEvent, TOPICS, topicName } from '@resettle/contracts';
import { createEventBus, type EventBus } from '@resettle/messaging';
import { testInfra } from '@resettle/testing';
import pino from 'pino';

const TOPIC_OF: Record<string, string> = {
  release: TOPICS.releaseScheduling,
  treatment: TOPICS.treatmentContinuity,
  accommodation: TOPICS.accommodation,
  transport: TOPICS.transport,
};

// biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary passport event payloads
export type SeenEvent = { id: string; type: string; personId: string; causationId: string | null; data: any };

/** Publishes events onto the upstream topics as the owning services would, and watches the passport topic. */
export async function upstreamFeed(topicPrefix: string) {
  const bus: EventBus = createEventBus({
    brokers: testInfra().kafkaBrokers,
    clientId: `passport-feed-${randomUUID()}`,
    logger: pino({ level: 'silent' }),
  });
  const seen: SeenEvent[] = [];
  const watch = await bus.subscribe({
    groupId: `watch-${randomUUID()}`,
    topics: [topicName(TOPICS.passport, topicPrefix)],
    handle: async (message) => void seen.push(JSON.parse(message.value!.toString())),
  });
  return {
    seen,
    passportEvents: (type: string, releaseId: string) =>
      seen.filter((event) => event.type === type && event.data.releaseId === releaseId),
    publish: async (...events: KnownEvent[]) => {
      for (const event of events) {
        const topic = TOPIC_OF[event.type.split('.')[0] ?? ''];
        if (!topic) throw new Error(`no topic for ${event.type}`);
        await bus.send(topicName(topic, topicPrefix), [{ key: event.personId, value: JSON.stringify(event) }]);
      }
    },
    close: async () => {
      await watch.stop();
      await bus.close();
    },
  };
}

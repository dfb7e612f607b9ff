import { randomUUID } from 'node:crypto';
import { type EventType, findEventDefinition, type KnownEvent, parseEvent, TOPICS } from '@resettle/contracts';
import { createEventBus, type EventBus } from '@resettle/messaging';
import { testInfra } from '@resettle/testing';
import pino from 'pino';

type PassportEvent = Extract<KnownEvent, { type: `passport.${string}` }>;

const isPassportEvent = (event: KnownEvent): event is PassportEvent => event.type.startsWith('passport.');
const ofType =
  <T extends EventType>(type: T) =>
  <E extends KnownEvent>(event: E): event is E & { type: T } =>
    event.type === type;

/** Publishes events onto the upstream topics as the owning services would, and watches the passport topic. */
export async function upstreamFeed(namespace: string) {
  const bus: EventBus = createEventBus({
    brokers: testInfra().kafkaBrokers,
    clientId: `passport-feed-${randomUUID()}`,
    logger: pino({ level: 'silent' }),
    namespace,
  });
  const seen: KnownEvent[] = [];
  const watch = await bus.subscribe({
    groupId: `watch-${randomUUID()}`,
    topics: [TOPICS.passport],
    handle: async (message) => {
      const parsed = parseEvent(JSON.parse(message.value!.toString()));
      if (!parsed.ok) throw new Error(`the passport published an invalid event: ${parsed.errors.join('; ')}`);
      seen.push(parsed.event);
    },
  });
  return {
    passportEvents: <T extends PassportEvent['type']>(type: T, releaseId: string) =>
      seen
        .filter(isPassportEvent)
        .filter((event) => event.data.releaseId === releaseId)
        .filter(ofType(type)),
    /** The passport.updated that an upstream event caused, once it has been seen. */
    updateCausedBy: (eventId: string) =>
      seen.filter(ofType('passport.updated')).find((event) => event.causationId === eventId),
    publish: async (...events: KnownEvent[]) => {
      for (const event of events) {
        const topic = findEventDefinition(event.type, event.version)!.topic;
        await bus.send(topic, [{ key: event.personId, value: JSON.stringify(event) }]);
      }
    },
    close: async () => {
      await watch.stop();
      await bus.close();
    },
  };
}

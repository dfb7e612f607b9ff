import { randomUUID } from 'node:crypto';
import { type EventEnvelope, topicName } from '@resettle/contracts';
import { createEventBus, type IncomingMessage } from '@resettle/messaging';
import { testInfra } from '@resettle/testing';
import { asKnown } from '@resettle/testing/upstream-events';
import pino from 'pino';

/** A bus that publishes other services' events and records what the service under test publishes. */
export async function watchTopic(topic: string, topicPrefix: string) {
  const seen: IncomingMessage[] = [];
  const bus = createEventBus({
    brokers: testInfra().kafkaBrokers,
    clientId: `watch-${randomUUID()}`,
    logger: pino({ level: 'silent' }),
  });
  const watch = await bus.subscribe({
    groupId: `watch-${randomUUID()}`,
    topics: [topicName(topic, topicPrefix)],
    handle: async (message) => void seen.push(message),
  });
  return {
    publish: (onTopic: string, event: EventEnvelope) =>
      bus.send(topicName(onTopic, topicPrefix), [{ key: event.personId, value: JSON.stringify(event) }]),
    eventsFor: (personId: string): EventEnvelope[] =>
      seen.map((message) => JSON.parse(message.value!.toString())).filter((event) => event.personId === personId),
    close: async () => {
      await watch.stop();
      await bus.close();
    },
  };
}

/**
 * Watches a service's own topic: `eventsFor` lists her events other than its verdicts (as before verdicts existed),
 * `judgementsFor` the data of its verdicts, each read against `verdictKey`'s schema.
 */
export async function watchTopicWithVerdicts(
  topic: string,
  namespace: string,
  verdictKey: 'accommodation.pathway-judged@v1' | 'transport.pathway-judged@v1',
) {
  const watcher = await watchTopic(topic, namespace);
  const isVerdict = (event: EventEnvelope) => event.type === verdictKey.split('@')[0];
  return {
    ...watcher,
    eventsFor: (personId: string) => watcher.eventsFor(personId).filter((event) => !isVerdict(event)),
    judgementsFor: (personId: string) =>
      watcher
        .eventsFor(personId)
        .filter(isVerdict)
        .map((event) => asKnown(verdictKey, event).data),
  };
}

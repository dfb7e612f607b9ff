import { EVENT_DEFINITIONS, type EventDefinition } from './catalog.js';
import { ALL_TOPICS } from './topics.js';

const channelId = (topic: string) => topic.replace(/^resettle\./, '').replaceAll('.', '-');
const messageId = (definition: EventDefinition) => `${definition.type.replaceAll('.', '-')}-v${definition.version}`;

/** The AsyncAPI 3.0 document, generated from the same schemas producers and consumers validate with. */
export function buildAsyncApiDocument() {
  const definitions = Object.values(EVENT_DEFINITIONS) as EventDefinition[];
  const channels = Object.fromEntries(
    ALL_TOPICS.map((topic) => [
      channelId(topic),
      {
        address: topic,
        description: 'Kafka topic keyed by personId (the prison number), so one woman’s events stay in order.',
        messages: Object.fromEntries(
          definitions
            .filter((definition) => definition.topic === topic)
            .map((definition) => [messageId(definition), { $ref: `#/components/messages/${messageId(definition)}` }]),
        ),
      },
    ]),
  );
  const messages = Object.fromEntries(
    definitions.map((definition) => [
      messageId(definition),
      {
        name: definition.type,
        title: `${definition.type} v${definition.version}`,
        summary: definition.summary,
        contentType: 'application/json',
        payload: JSON.parse(JSON.stringify(definition.schema)),
        bindings: { kafka: { key: { type: 'string', pattern: '^[A-Z][0-9]{4}[A-Z]{2}$' }, bindingVersion: '0.5.0' } },
      },
    ]),
  );
  const operations = Object.fromEntries(
    ALL_TOPICS.map((topic) => {
      const published = definitions.filter((definition) => definition.topic === topic);
      const owner = published[0]?.source ?? 'unknown';
      return [
        `${owner}-sends-${channelId(topic)}`,
        {
          action: 'send',
          summary: `${owner} publishes through its transactional outbox`,
          channel: { $ref: `#/channels/${channelId(topic)}` },
          messages: published.map((definition) => ({
            $ref: `#/channels/${channelId(topic)}/messages/${messageId(definition)}`,
          })),
        },
      ];
    }),
  );
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Resettle events',
      version: '1.0.0',
      description:
        'Every event Resettle services publish. Delivery is at-least-once; consumers are idempotent by event id.',
    },
    defaultContentType: 'application/json',
    channels,
    operations,
    components: { messages },
  };
}

export function asyncApiText(): string {
  return `${JSON.stringify(buildAsyncApiDocument(), null, 2)}\n`;
}

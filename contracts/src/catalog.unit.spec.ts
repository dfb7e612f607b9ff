import { describe, expect, it } from 'vitest';
import { EVENT_DEFINITIONS, type EventType, findEventDefinition } from './catalog.js';
import { EXAMPLE_EVENT_DATA } from './examples.js';
import { ALL_TOPICS, TOPICS } from './topics.js';
import { createEvent, parseEvent } from './validate.js';

const definitions = Object.values(EVENT_DEFINITIONS);
const eventTypes = Object.keys(EXAMPLE_EVENT_DATA) as EventType[];

function exampleOf(type: EventType) {
  const definition = findEventDefinition(type, 1)!;
  return createEvent({
    type,
    personId: 'A1234BC',
    source: definition.source,
    correlationId: 'correlation-1',
    data: EXAMPLE_EVENT_DATA[type],
  });
}

function refused(raw: unknown) {
  const result = parseEvent(JSON.parse(JSON.stringify(raw)));
  if (result.ok) throw new Error('expected the event to be refused');
  return result;
}

describe('the event catalog', () => {
  it('has an example for every event, and an event for every example', () => {
    expect(eventTypes.sort()).toEqual(definitions.map((definition) => definition.type).sort());
    expect(definitions).toHaveLength(23);
  });

  it('publishes each event on a known topic, clinical detail only on the provider topic', () => {
    for (const definition of definitions) expect(ALL_TOPICS).toContain(definition.topic);
    const onProviderTopic = definitions.filter((definition) => definition.topic === TOPICS.providerHandoffs);
    expect(onProviderTopic.map((definition) => definition.type)).toEqual(['treatment.handoff.sent']);
  });

  it('finds a definition by type and version, and nothing for an unknown version', () => {
    expect(findEventDefinition('release.scheduled', 1)?.source).toBe('release-scheduling');
    expect(findEventDefinition('release.scheduled', 2)).toBeUndefined();
  });

  it.each(eventTypes)('accepts a valid %s', (type) => {
    const event = exampleOf(type);
    expect(parseEvent(JSON.parse(JSON.stringify(event)))).toEqual({ ok: true, event });
  });

  it.each(eventTypes)('refuses %s with a field it does not define', (type) => {
    const event = exampleOf(type);
    const result = refused({ ...event, data: { ...event.data, dateOfBirth: '1990-01-01' } });
    expect(result.reason).toBe('INVALID_DATA');
    expect(result.errors.join('\n')).toContain('/data/dateOfBirth');
  });

  it.each(eventTypes)('refuses %s without its first field', (type) => {
    const event = exampleOf(type);
    const [first, ...rest] = Object.entries(event.data);
    const result = refused({ ...event, data: Object.fromEntries(rest) });
    expect(result.reason).toBe('INVALID_DATA');
    expect(result.errors.join('\n')).toContain(`/data/${first![0]}`);
  });
});

import { describe, expect, it } from 'vitest';
import { EVENT_DEFINITIONS, type EventKey, findEventDefinition } from './catalog.js';
import { exampleDataOf } from './examples.js';
import { ALL_TOPICS } from './topics.js';
import { createEvent, parseEvent } from './validate.js';

const definitions = Object.values(EVENT_DEFINITIONS);
const eventKeys = Object.keys(EVENT_DEFINITIONS) as EventKey[];

function exampleOf(key: EventKey) {
  const definition = EVENT_DEFINITIONS[key];
  return createEvent({
    type: definition.type,
    version: definition.version,
    personId: 'A1234BC',
    source: definition.source,
    correlationId: 'correlation-1',
    occurredAt: '2026-11-02T10:00:00.000Z',
    data: exampleDataOf(key),
  });
}

function refused(raw: unknown) {
  const result = parseEvent(JSON.parse(JSON.stringify(raw)));
  if (result.ok) throw new Error('expected the event to be refused');
  return result;
}

describe('the event catalog', () => {
  it('has an example for every event, and an event for every example', () => {
    expect(eventKeys.map((key) => exampleDataOf(key)).filter((data) => data === undefined)).toEqual([]);
    expect(definitions).toHaveLength(44);
  });

  it('publishes each event on a known topic; the clinical handoff is on none (it goes to its provider only)', () => {
    for (const definition of definitions) expect(ALL_TOPICS).toContain(definition.topic);
    expect(definitions.map((definition) => definition.type)).not.toContain('treatment.handoff.sent');
    expect(ALL_TOPICS.filter((topic) => topic.includes('provider'))).toEqual([]);
  });

  it('finds a definition by type and version, and nothing for an unknown version', () => {
    expect(findEventDefinition('release.scheduled', 1)?.source).toBe('release-scheduling');
    expect(findEventDefinition('release.scheduled', 2)?.version).toBe(2);
    expect(findEventDefinition('release.scheduled', 3)).toBeUndefined();
  });

  it.each(eventKeys)('accepts a valid %s', (type) => {
    const event = exampleOf(type);
    expect(parseEvent(JSON.parse(JSON.stringify(event)))).toEqual({ ok: true, event });
  });

  it.each(eventKeys)('refuses %s with a field it does not define', (type) => {
    const event = exampleOf(type);
    const result = refused({ ...event, data: { ...event.data, dateOfBirth: '1990-01-01' } });
    expect(result.reason).toBe('INVALID_DATA');
    expect(result.errors.join('\n')).toContain('/data/dateOfBirth');
  });

  it.each(eventKeys)('refuses %s without its first field', (type) => {
    const event = exampleOf(type);
    const [first, ...rest] = Object.entries(event.data);
    const result = refused({ ...event, data: Object.fromEntries(rest) });
    expect(result.reason).toBe('INVALID_DATA');
    expect(result.errors.join('\n')).toContain(`/data/${first![0]}`);
  });
});

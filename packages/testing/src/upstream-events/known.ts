import { randomUUID } from 'node:crypto';
import {
  type DataOf,
  EVENT_DEFINITIONS,
  type EventEnvelope,
  type EventKey,
  type EventOf,
  type KnownEvent,
  parseEvent,
} from '@resettle/contracts';

/**
 * The event as the contracts read it, typed by its key: parsed against the key's schema, so a test that reads its
 * fields never casts them. Throws when it is not that event.
 */
export function asKnown<K extends EventKey>(key: K, event: unknown): EventOf<K> {
  const parsed = parseEvent(event);
  if (!parsed.ok) throw new Error(`not a valid event: ${parsed.errors.join('; ')}`);
  if (`${parsed.event.type}@v${parsed.event.version}` !== key) throw new Error(`not ${key}: ${parsed.event.type}`);
  // parseEvent has just checked it against this key's schema.
  return parsed.event as EventOf<K>;
}

/** An event of one key, as its owner would publish it (checked against the key's schema). */
export function eventOf<K extends EventKey>(
  key: K,
  personId: string,
  data: DataOf<K>,
  occurredAt = new Date().toISOString(),
): EventOf<K> {
  const [type, version] = key.split('@v');
  const envelope = {
    id: randomUUID(),
    type,
    version: Number(version),
    occurredAt,
    source: EVENT_DEFINITIONS[key].source,
    personId,
    correlationId: randomUUID(),
    causationId: null,
    data,
  };
  return asKnown(key, envelope);
}

/** The same event at its next version, with the fields that version adds (a release's revision, a handoff's). */
export function atLaterVersion(event: EventEnvelope, added: Record<string, number>): KnownEvent {
  // Checked below against the later version's schema.
  const later = { ...event, version: event.version + 1, data: { ...(event.data as object), ...added } };
  const parsed = parseEvent(later);
  if (!parsed.ok) throw new Error(`not a valid ${event.type} v${later.version}: ${parsed.errors.join('; ')}`);
  return parsed.event;
}

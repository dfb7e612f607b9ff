import { randomUUID } from 'node:crypto';
import type { TSchema } from '@sinclair/typebox';
import { type TypeCheck, TypeCompiler } from '@sinclair/typebox/compiler';
import {
  type DataOf,
  type EventData,
  type EventKey,
  type EventType,
  type EventTypeOfKey,
  type EventVersionOfKey,
  findEventDefinition,
  type KnownEvent,
  knowsEventType,
} from './catalog.js';
import { type EventEnvelope, EventEnvelopeSchema } from './envelope.js';
import { registerFormats } from './formats.js';

registerFormats();

const compiled = new Map<TSchema, TypeCheck<TSchema>>();
function checkerFor(schema: TSchema): TypeCheck<TSchema> {
  let checker = compiled.get(schema);
  if (!checker) {
    checker = TypeCompiler.Compile(schema);
    compiled.set(schema, checker);
  }
  return checker;
}

function errorsOf(schema: TSchema, value: unknown): string[] {
  return [...checkerFor(schema).Errors(value)].slice(0, 10).map((error) => `${error.path || '/'}: ${error.message}`);
}

export type ParsedEvent =
  | { ok: true; event: KnownEvent }
  | { ok: false; reason: 'INVALID_ENVELOPE' | 'UNKNOWN_EVENT_VERSION' | 'INVALID_DATA'; errors: string[] };

/** Validates the envelope, then the event's data against its versioned schema. */
export function parseEvent(raw: unknown): ParsedEvent {
  if (!checkerFor(EventEnvelopeSchema).Check(raw)) {
    return { ok: false, reason: 'INVALID_ENVELOPE', errors: errorsOf(EventEnvelopeSchema, raw) };
  }
  const envelope = raw as EventEnvelope;
  const definition = findEventDefinition(envelope.type, envelope.version);
  if (!definition) {
    const known = knowsEventType(envelope.type) ? 'unknown version of a known type' : 'unknown event type';
    return { ok: false, reason: 'UNKNOWN_EVENT_VERSION', errors: [`${envelope.type} v${envelope.version}: ${known}`] };
  }
  if (!checkerFor(definition.schema).Check(raw)) {
    return { ok: false, reason: 'INVALID_DATA', errors: errorsOf(definition.schema, raw) };
  }
  return { ok: true, event: raw as KnownEvent };
}

/** Why an event happened: the request or event that led to it. */
export interface Cause {
  correlationId: string;
  causationId?: string | null;
}

/**
 * What an owner decides to publish: the type, whose it is and the facts. The unit of work that publishes it fills in
 * the id, the source (the event's owner in the catalog), the time from its clock and the cause.
 */
type DraftOf<K extends EventKey> = {
  type: EventTypeOfKey<K>;
  personId: string;
  data: DataOf<K>;
  /** Only where one unit publishes events with different causes (a run of consumed events). */
  cause?: Cause;
} & (EventVersionOfKey<K> extends 1 ? { version?: 1 } : { version: EventVersionOfKey<K> });
/** A draft of any version of these types: v1 by default, a later version named (`version: 2`) with its data. */
export type EventDraft<T extends EventType = EventType> = {
  [K in EventKey]: EventTypeOfKey<K> extends T ? DraftOf<K> : never;
}[EventKey];

/** The data of an event type at any of its versions. */
type DataOfType<T extends EventType> = { [K in EventKey]: EventTypeOfKey<K> extends T ? DataOf<K> : never }[EventKey];

export interface NewEvent<T extends EventType> {
  type: T;
  version?: number;
  personId: string;
  source: string;
  correlationId: string;
  causationId?: string | null;
  id?: string;
  occurredAt: string;
  // EventData<T> is v1's, always one of DataOfType<T>; named too so generic callers of v1 type-check.
  data: DataOfType<T> | EventData<T>;
}

/** Builds an event and validates it before it can reach an outbox; an invalid one throws, naming the paths. */
export function createEvent<T extends EventType>(
  event: NewEvent<T>,
): EventEnvelope<DataOfType<T> | EventData<T>> & { type: T } {
  const envelope = {
    id: event.id ?? randomUUID(),
    type: event.type,
    version: event.version ?? 1,
    occurredAt: event.occurredAt,
    source: event.source,
    personId: event.personId,
    correlationId: event.correlationId,
    causationId: event.causationId ?? null,
    data: event.data,
  };
  const parsed = parseEvent(envelope);
  if (!parsed.ok) throw new Error(`invalid ${event.type} event: ${parsed.errors.join('; ')}`);
  return envelope;
}

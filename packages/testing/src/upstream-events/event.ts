import { randomUUID } from 'node:crypto';
import { createEvent, EVENT_DEFINITIONS, type EventData, type EventType } from '@resettle/contracts';

/** An event as its owning service would build it: that service's `source`, a valid v1 `data`, a fresh correlation. */
export function upstreamEvent<T extends EventType>(type: T, personId: string, data: EventData<T>) {
  const { source } = EVENT_DEFINITIONS[`${type}@v1`];
  return createEvent({
    type,
    personId,
    source,
    correlationId: randomUUID(),
    occurredAt: new Date().toISOString(),
    data,
  });
}

/** The gate at 09:30 London time: the dates are in November, when Europe/London is on GMT. */
export function gateAtOn(date: string): string {
  return `${date}T09:30:00.000Z`;
}

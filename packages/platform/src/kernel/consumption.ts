import {
  EVENT_DEFINITIONS,
  type EventEnvelope,
  type EventKey,
  type EventOf,
  type TopicName,
  topicsOfEvents,
} from '@resettle/contracts';
import type { BatchEventHandler, EventHandlers as KeyedHandlers, Transaction } from '@resettle/messaging';
import { inSpan, startSpan, traceParentOf } from '../observability/tracing.js';
import { type Clock, PendingWrites, type UnitOfWork, unitOver } from './unit-of-work.js';

/** What a service does with each event it consumes, keyed by the contract's event key; each gets its own type. */
export type EventHandlers = { [K in EventKey]?: (event: EventOf<K>, work: UnitOfWork) => Promise<void> };

/** A run of consumed events applied together (one partition's, in order), in one unit of work. */
export type EventFold<K extends EventKey> = (events: EventOf<K>[], work: UnitOfWork) => Promise<void>;

/**
 * A fold over some of the keys (each projection its own; the consumer hands it only those). Written as a method so
 * that a fold typed over its own keys, `EventFold<K>`, fits: a method's parameters are compared both ways.
 */
type SomeFold = { fold(events: EventOf<EventKey>[], work: UnitOfWork): Promise<void> }['fold'];

/**
 * A service's declaration of what it consumes: one handler per event, or (for a projection) one fold over runs of the
 * listed events. Topics and accepted versions follow from the keys.
 */
export type Consumption<TContext> =
  | { handlers(context: TContext): EventHandlers }
  | {
      fold: { events: readonly EventKey[]; apply(context: TContext): SomeFold };
      /** Events outside the projection, each handled on its own after the run's fold. */
      handlers?(context: TContext): EventHandlers;
    };

/** Handlers for the consumer: each event in a unit of work caused by it, in a span that continues its trace. */
export interface Plumbing {
  topics: TopicName[];
  handlers: KeyedHandlers;
  applyBatch?: BatchEventHandler;
}

/**
 * `kernel`: handlers every service gets from the platform (its answer to a subject access request), beside its own.
 */
export function plumbingFor<TContext>(
  consumption: Consumption<TContext> | undefined,
  context: TContext,
  unit: { service: string; clock: Clock },
  kernel: EventHandlers = {},
): Plumbing {
  const keyed = keyedPlumbing({ ...(consumption?.handlers?.(context) ?? {}), ...kernel }, unit);
  if (consumption && 'fold' in consumption) {
    const apply = consumption.fold.apply(context);
    const batch: BatchEventHandler = (tx, events, headersOf) => {
      const [parent, ...linked] = events.map((event) => headersOf(event).traceparent).filter(isTraceParent);
      const span = startSpan(unit.service, `fold ${events.length} events`, 'consumer', parent, linked);
      return inSpan(span, async () => {
        const work = unitOver(tx, { ...unit, traceParent: traceParentOf(span) });
        await apply(events as EventOf<EventKey>[], work);
        await work.flush();
      });
    };
    const folded = new Set<string>(consumption.fold.events);
    const handlers: KeyedHandlers = {
      ...keyed.handlers,
      ...Object.fromEntries(
        consumption.fold.events.map((key) => [
          key,
          (tx: Transaction, event: EventEnvelope, headers: Record<string, string>) => batch(tx, [event], () => headers),
        ]),
      ),
    };
    const applyBatch: BatchEventHandler = async (tx, events, headersOf) => {
      const toFold = events.filter((event) => folded.has(keyOf(event)));
      if (toFold.length > 0) await batch(tx, toFold, headersOf);
      const others = events.filter((event) => !folded.has(keyOf(event)));
      if (others.length > 0) await keyed.applyBatch(tx, others, headersOf);
    };
    return {
      topics: [...new Set([...topicsOfEvents(consumption.fold.events), ...keyed.topics])],
      handlers,
      applyBatch,
    };
  }
  return keyed;
}

const keyOf = (event: EventEnvelope): string => `${event.type}@v${event.version}`;

/**
 * Each event handled in a unit of work of its own (its cause, its span); a run's units share their pending writes,
 * so the events they publish and the rows they audit are written once, at the end of the run.
 */
function keyedPlumbing(
  declared: EventHandlers,
  unit: { service: string; clock: Clock },
): Plumbing & { applyBatch: BatchEventHandler } {
  const keys = Object.keys(declared).filter((key): key is EventKey => key in EVENT_DEFINITIONS);
  // The consumer has checked the event against its key's schema before any handler sees it.
  const byKey = new Map<string, (event: EventEnvelope, work: UnitOfWork) => Promise<void>>(
    keys.map((key) => [key, declared[key] as (event: EventEnvelope, work: UnitOfWork) => Promise<void>]),
  );
  const handleIn = (tx: Transaction, event: EventEnvelope, headers: Record<string, string>, writes: PendingWrites) => {
    const handle = byKey.get(keyOf(event));
    if (!handle) throw new Error(`no handler for ${keyOf(event)}`);
    const span = startSpan(unit.service, `consume ${event.type}`, 'consumer', headers.traceparent);
    return inSpan(span, async () => {
      const cause = { correlationId: event.correlationId, causationId: event.id };
      await handle(event, unitOver(tx, { ...unit, cause, traceParent: traceParentOf(span) }, writes));
    });
  };
  const applyBatch: BatchEventHandler = async (tx, events, headersOf) => {
    const writes = new PendingWrites();
    for (const event of events) await handleIn(tx, event, headersOf(event), writes);
    await writes.flush(tx);
  };
  const handlers = Object.fromEntries(
    keys.map((key) => [
      key,
      (tx: Transaction, event: EventEnvelope, headers: Record<string, string>) =>
        applyBatch(tx, [event], () => headers),
    ]),
  );
  return { topics: topicsOfEvents(keys), handlers, applyBatch };
}

function isTraceParent(value: string | undefined): value is string {
  return typeof value === 'string' && value.length > 0;
}

import { type EventEnvelope, parseEvent } from '@resettle/contracts';
import { and, eq, inArray } from 'drizzle-orm';
import type { Logger } from 'pino';
import { backoffDelay, sleepWithKeepAlive } from './backoff.js';
import { heldPeople, inbox } from './db/schema.js';
import type { Database, Transaction } from './db/types.js';
import { type DeadLetterReason, sendToDeadLetterTopic } from './dead-letters.js';
import type { DeliveryControl, EventBus, IncomingMessage, RunningSubscription } from './kafka.js';
import { isTransientError } from './transient.js';

/** Applies one event's effect inside the consumer's transaction. Keyed `${type}@v${version}`. */
export type EventHandler = (tx: Transaction, event: EventEnvelope) => Promise<void>;
export type EventHandlers = Record<string, EventHandler>;

export interface ConsumerOptions {
  groupId: string;
  topics: string[];
  deadLetterTopic: string;
  db: Database;
  bus: EventBus;
  logger: Logger;
  handlers: EventHandlers;
  /** Attempts for a handler failure that is not transient before it is dead-lettered. */
  maxHandlerAttempts?: number;
  /** Called after an event's effect has committed (metrics; crash tests hook in here). */
  onApplied?: (event: EventEnvelope) => void;
}

export interface ConsumerStats {
  applied: number;
  duplicates: number;
  deadLettered: number;
  transientRetries: number;
}

type Outcome = 'applied' | 'duplicate' | 'held' | 'ignored';

/**
 * An idempotent consumer: the effect and the inbox row commit together, the offset only after that.
 * Transient failures retry with back-off (heartbeating, never committing); deterministic ones are dead-lettered,
 * and that person's later events are held back so nothing applies out of order.
 */
export class InboxConsumer {
  readonly stats: ConsumerStats = { applied: 0, duplicates: 0, deadLettered: 0, transientRetries: 0 };
  private subscription: RunningSubscription | undefined;
  private readonly handledTypes: Set<string>;

  constructor(private readonly options: ConsumerOptions) {
    this.handledTypes = new Set(Object.keys(options.handlers).map((key) => key.split('@')[0] ?? key));
  }

  async start(): Promise<void> {
    this.subscription = await this.options.bus.subscribe({
      groupId: this.options.groupId,
      topics: this.options.topics,
      fromBeginning: true,
      handle: (message, control) => this.deliver(message, control),
    });
  }

  async stop(): Promise<void> {
    await this.subscription?.stop();
    this.subscription = undefined;
  }

  lag(): Promise<number> {
    return this.subscription?.lag() ?? Promise.resolve(0);
  }

  private async deliver(message: IncomingMessage, control: DeliveryControl): Promise<void> {
    const parsed = parseMessage(message);
    if (!parsed.ok) return this.deadLetter(message, parsed.reason, parsed.error, 1, parsed.personId);
    const { event } = parsed;
    if (!this.handledTypes.has(event.type)) return;
    const handler = this.options.handlers[`${event.type}@v${event.version}`];
    if (!handler) {
      return this.deadLetter(
        message,
        'UNSUPPORTED_VERSION',
        `${event.type} v${event.version}`,
        1,
        event.personId,
        event,
      );
    }
    await this.applyWithRetries(message, event, handler, control);
    await control.heartbeat();
  }

  private async applyWithRetries(
    message: IncomingMessage,
    event: EventEnvelope,
    handler: EventHandler,
    control: DeliveryControl,
  ): Promise<void> {
    const maxAttempts = this.options.maxHandlerAttempts ?? 3;
    let handlerFailures = 0;
    let transientFailures = 0;
    for (;;) {
      try {
        const outcome = await this.applyOnce(message, event, handler);
        this.count(outcome);
        if (outcome === 'applied') this.options.onApplied?.(event);
        return;
      } catch (error) {
        if (!control.isRunning()) throw error; // shutting down: leave the offset uncommitted
        if (isTransientError(error)) {
          transientFailures += 1;
          this.stats.transientRetries += 1;
          this.options.logger.warn({ err: error, eventId: event.id, attempt: transientFailures }, 'transient failure');
          await sleepWithKeepAlive(backoffDelay(transientFailures, 200, 5_000), control.heartbeat);
          continue;
        }
        handlerFailures += 1;
        if (handlerFailures >= maxAttempts) {
          const reason = error instanceof Error ? error.message : String(error);
          return this.deadLetter(message, 'HANDLER_FAILED', reason, handlerFailures, event.personId, event);
        }
      }
    }
  }

  private applyOnce(message: IncomingMessage, event: EventEnvelope, handler: EventHandler): Promise<Outcome> {
    return this.options.db.transaction(async (tx) => {
      const recorded = await recordInInbox(tx, this.options.groupId, event, 'applied');
      if (!recorded) return 'duplicate';
      const [held] = await tx
        .select()
        .from(heldPeople)
        .where(and(eq(heldPeople.consumerGroup, this.options.groupId), eq(heldPeople.personId, event.personId)));
      if (held) {
        await tx.update(inbox).set({ outcome: 'held' }).where(inboxKey(this.options.groupId, event.id));
        const error = `held behind dead-lettered event ${held.blockingEventId}`;
        await sendToDeadLetterTopic(this.options.bus, this.options.deadLetterTopic, message, {
          reason: 'HELD_BEHIND_DEAD_LETTER',
          error,
          attempts: 0,
          consumerGroup: this.options.groupId,
        });
        return 'held';
      }
      await handler(tx, event);
      return 'applied';
    });
  }

  private async deadLetter(
    message: IncomingMessage,
    reason: DeadLetterReason,
    error: string,
    attempts: number,
    personId: string | null,
    event?: EventEnvelope,
  ): Promise<void> {
    const groupId = this.options.groupId;
    this.options.logger.error({ reason, error, topic: message.topic, offset: message.offset }, 'dead-lettering event');
    await this.options.db.transaction(async (tx) => {
      if (event) await recordInInbox(tx, groupId, event, 'dead-lettered');
      if (personId) {
        await tx
          .insert(heldPeople)
          .values({ consumerGroup: groupId, personId, blockingEventId: event?.id ?? zeroUuid, reason })
          .onConflictDoNothing();
      }
      await sendToDeadLetterTopic(this.options.bus, this.options.deadLetterTopic, message, {
        reason,
        error,
        attempts,
        consumerGroup: groupId,
      });
    });
    this.stats.deadLettered += 1;
  }

  private count(outcome: Outcome): void {
    if (outcome === 'applied') this.stats.applied += 1;
    else if (outcome === 'duplicate') this.stats.duplicates += 1;
    else if (outcome === 'held') this.stats.deadLettered += 1;
  }
}

const zeroUuid = '00000000-0000-0000-0000-000000000000';

function inboxKey(groupId: string, eventId: string) {
  return and(eq(inbox.consumerGroup, groupId), eq(inbox.eventId, eventId));
}

async function recordInInbox(
  tx: Transaction,
  groupId: string,
  event: EventEnvelope,
  outcome: 'applied' | 'dead-lettered',
) {
  const rows = await tx
    .insert(inbox)
    .values({ consumerGroup: groupId, eventId: event.id, eventType: event.type, personId: event.personId, outcome })
    .onConflictDoNothing()
    .returning({ eventId: inbox.eventId });
  return rows.length > 0;
}

type ParsedMessage =
  | { ok: true; event: EventEnvelope }
  | { ok: false; reason: DeadLetterReason; error: string; personId: string | null };

function parseMessage(message: IncomingMessage): ParsedMessage {
  let raw: unknown;
  try {
    raw = JSON.parse(message.value?.toString('utf8') ?? '');
  } catch (error) {
    return { ok: false, reason: 'INVALID_JSON', error: String(error), personId: message.key };
  }
  const result = parseEvent(raw);
  if (result.ok) return { ok: true, event: result.event };
  return { ok: false, reason: result.reason, error: result.errors.join('; '), personId: message.key };
}

/** After a dead letter is dealt with: let the person's events flow again, and let replayed events apply. */
export async function releaseHeldPerson(db: Database, groupId: string, personId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(heldPeople).where(and(eq(heldPeople.consumerGroup, groupId), eq(heldPeople.personId, personId)));
    await tx
      .delete(inbox)
      .where(
        and(
          eq(inbox.consumerGroup, groupId),
          eq(inbox.personId, personId),
          inArray(inbox.outcome, ['dead-lettered', 'held']),
        ),
      );
  });
}

import type { EventEnvelope } from '@resettle/contracts';
import type { Logger } from 'pino';
import { applyTogether, type Outcome, type PendingEvent, type TogetherOptions } from './apply-together.js';
import { backoffDelay, sleepWithKeepAlive } from './backoff.js';
import { heldPeople } from './db/schema.js';
import type { Database, Transaction } from './db/types.js';
import { type DeadLetterReason, safeErrorDescription, sendToDeadLetterTopic } from './dead-letters.js';
import { recordInInbox } from './inbox-records.js';
import type { DeliveryControl, EventBus, IncomingMessage, RunningSubscription } from './kafka.js';
import { transactThenWakeRelay } from './outbox.js';
import { type ParsedMessage, parseMessage } from './parse-message.js';
import { isTransientError } from './transient.js';

/** The Kafka headers an event arrived with (its `traceparent`, for one). */
export type HeadersOf = (event: EventEnvelope) => Record<string, string>;
/** Applies one event's effect inside the consumer's transaction. Keyed `${type}@v${version}`. */
export type EventHandler = (tx: Transaction, event: EventEnvelope, headers: Record<string, string>) => Promise<void>;
export type EventHandlers = Record<string, EventHandler>;
/** Applies a run of fresh events (one partition's, in order) inside one transaction, instead of one at a time. */
export type BatchEventHandler = (tx: Transaction, events: EventEnvelope[], headersOf: HeadersOf) => Promise<void>;

export interface ConsumerOptions {
  groupId: string;
  topics: string[];
  deadLetterTopic: string;
  db: Database;
  bus: EventBus;
  logger: Logger;
  handlers: EventHandlers;
  /** Optional: applies a whole run at once (the handlers still say which types and versions are known). */
  applyBatch?: BatchEventHandler;
  /** Events applied in one transaction (default 500). */
  maxBatchSize?: number;
  /** Partitions applied at the same time; each person's events stay in one partition, in order (default 3). */
  partitionsConsumedConcurrently?: number;
  /** Attempts for a handler failure that is not transient before it is dead-lettered. */
  maxHandlerAttempts?: number;
  /** Called after an event's effect has committed (metrics; crash tests hook in here). */
  onApplied?: (event: EventEnvelope) => void;
  /** Called after a run's transaction has committed events to the outbox: the relay's `outboxCommitted`. */
  onOutboxCommitted?: () => void;
}

export interface ConsumerStats {
  applied: number;
  duplicates: number;
  deadLettered: number;
  transientRetries: number;
}

type Pending = PendingEvent<IncomingMessage>;

/**
 * An idempotent consumer: the effects and the inbox rows of a run of events commit together, the offset only after.
 * Transient failures retry with back-off (heartbeating, never committing). A deterministic failure splits the run
 * so only the bad event is dead-lettered, and that person's later events are held back so nothing applies out of order.
 */
export class InboxConsumer {
  readonly stats: ConsumerStats = { applied: 0, duplicates: 0, deadLettered: 0, transientRetries: 0 };
  private subscription: RunningSubscription | undefined;
  private readonly handledTypes: Set<string>;
  private readonly together: TogetherOptions<IncomingMessage>;
  private readonly headers = new WeakMap<EventEnvelope, Record<string, string>>();
  private readonly headersOf: HeadersOf = (event) => this.headers.get(event) ?? {};

  constructor(private readonly options: ConsumerOptions) {
    this.handledTypes = new Set(Object.keys(options.handlers).map((key) => key.split('@')[0] ?? key));
    this.together = {
      groupId: options.groupId,
      apply: options.applyBatch
        ? (tx, events) => options.applyBatch!(tx, events, this.headersOf)
        : (tx, events) => this.applyEachInTurn(tx, events),
      sendHeld: (message, blockingEventId) =>
        this.sendToDeadLetters(
          message,
          'HELD_BEHIND_DEAD_LETTER',
          `held behind dead-lettered event ${blockingEventId}`,
          0,
        ),
    };
  }

  async start(): Promise<void> {
    this.subscription = await this.options.bus.subscribe({
      groupId: this.options.groupId,
      topics: this.options.topics,
      fromBeginning: true,
      maxBatchSize: this.options.maxBatchSize ?? 500,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 3,
      handleBatch: (messages, control) => this.deliver(messages, control),
    });
  }

  async stop(): Promise<void> {
    await this.subscription?.stop();
    this.subscription = undefined;
  }

  lag(): Promise<number> {
    return this.subscription?.lag() ?? Promise.resolve(0);
  }

  private async deliver(messages: IncomingMessage[], control: DeliveryControl): Promise<void> {
    let run: Pending[] = [];
    for (const message of messages) {
      const parsed = parseMessage(message);
      if (parsed.ok && !this.handledTypes.has(parsed.event.type)) continue;
      if (parsed.ok && this.handlerFor(parsed.event)) {
        this.headers.set(parsed.event, message.headers);
        run.push({ message, event: parsed.event });
        continue;
      }
      await this.applyRun(run, control);
      run = [];
      await this.deadLetterUnusable(message, parsed);
    }
    await this.applyRun(run, control);
    await control.heartbeat();
  }

  private handlerFor(event: EventEnvelope): EventHandler | undefined {
    return this.options.handlers[`${event.type}@v${event.version}`];
  }

  private async applyEachInTurn(tx: Transaction, events: EventEnvelope[]): Promise<void> {
    for (const event of events) await this.handlerFor(event)!(tx, event, this.headersOf(event));
  }

  private async applyRun(run: Pending[], control: DeliveryControl): Promise<void> {
    if (run.length === 0) return;
    const maxAttempts = this.options.maxHandlerAttempts ?? 3;
    let handlerFailures = 0;
    let transientFailures = 0;
    for (;;) {
      try {
        const outcomes = await transactThenWakeRelay(
          this.options.db,
          (tx) => applyTogether(tx, run, this.together),
          this.options.onOutboxCommitted,
        );
        this.count(run, outcomes);
        return;
      } catch (error) {
        if (!control.isRunning()) throw error; // shutting down: leave the offset uncommitted
        if (isTransientError(error)) {
          transientFailures += 1;
          this.stats.transientRetries += 1;
          this.options.logger.warn({ err: error, events: run.length, attempt: transientFailures }, 'transient failure');
          await sleepWithKeepAlive(backoffDelay(transientFailures, 200, 5_000), control.heartbeat);
          continue;
        }
        if (run.length > 1) return this.applyOneByOne(run, control);
        handlerFailures += 1;
        if (handlerFailures >= maxAttempts) {
          const { message, event } = run[0]!;
          const reason = safeErrorDescription(error); // class, code, constraint: never the message's values
          return this.deadLetter(message, 'HANDLER_FAILED', reason, handlerFailures, event.personId, event);
        }
      }
    }
  }

  /** A run failed on something that is not transient: isolate the event responsible. */
  private async applyOneByOne(run: Pending[], control: DeliveryControl): Promise<void> {
    for (const pending of run) await this.applyRun([pending], control);
  }

  private deadLetterUnusable(message: IncomingMessage, parsed: ParsedMessage): Promise<void> {
    if (!parsed.ok) return this.deadLetter(message, parsed.reason, parsed.error, 1, parsed.personId);
    const { event } = parsed;
    const version = `${event.type} v${event.version}`;
    return this.deadLetter(message, 'UNSUPPORTED_VERSION', version, 1, event.personId, event);
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
      if (event) await recordInInbox(tx, groupId, [event], 'dead-lettered');
      if (personId) {
        await tx
          .insert(heldPeople)
          .values({ consumerGroup: groupId, personId, blockingEventId: event?.id ?? zeroUuid, reason })
          .onConflictDoNothing();
      }
      await this.sendToDeadLetters(message, reason, error, attempts);
    });
    this.stats.deadLettered += 1;
  }

  private sendToDeadLetters(message: IncomingMessage, reason: DeadLetterReason, error: string, attempts: number) {
    return sendToDeadLetterTopic(this.options.bus, this.options.deadLetterTopic, message, {
      reason,
      error,
      attempts,
      consumerGroup: this.options.groupId,
    });
  }

  private count(run: Pending[], outcomes: Outcome[]): void {
    outcomes.forEach((outcome, index) => {
      if (outcome === 'applied') {
        this.stats.applied += 1;
        this.options.onApplied?.(run[index]!.event);
      } else if (outcome === 'duplicate') this.stats.duplicates += 1;
      else if (outcome === 'held') this.stats.deadLettered += 1;
    });
  }
}

const zeroUuid = '00000000-0000-0000-0000-000000000000';

import { randomUUID } from 'node:crypto';
import { type Cause, createEvent, type EventDraft, type EventEnvelope, findEventDefinition } from '@resettle/contracts';
import {
  appendToOutbox,
  type Database,
  holdTransactionLock,
  type Transaction,
  transactThenWakeRelay,
} from '@resettle/messaging';
import type { FastifyRequest } from 'fastify';
import { type AuditFacts, auditInTransaction } from '../audit/audit.js';

export type Clock = () => Date;

/**
 * One write: a transaction in which the code reads and locks what it needs, decides, and records the outcome. The
 * events it publishes and the audit rows it writes commit with the state change or not at all.
 */
export interface UnitOfWork {
  readonly tx: Transaction;
  /** The service's clock (tests choose it). */
  now(): Date;
  /** Serialises every write about one woman in this service: her requests and the events about her. */
  lockPerson(personId: string): Promise<void>;
  /**
   * Publishes when the unit commits; id, source, time and cause are filled in. Returns the events as they will be
   * published, for what must name them (a later event's cause, a copy queued for another channel).
   */
  publish(...drafts: EventDraft[]): EventEnvelope[];
  /**
   * Who did what to whose record, committed with the change: the rows are written when the unit ends, in the same
   * round trip as its events.
   */
  audit(facts: AuditFacts): Promise<void>;
}

export interface UnitOptions {
  service: string;
  clock: Clock;
  /** Absent for a run of consumed events, where each draft names its own cause. */
  cause?: Cause;
  /** The request being served (absent when the service acts on an event: it audits as `system`). */
  request?: FastifyRequest | null;
  /** The span the work belongs to, carried with its events to their consumers. */
  traceParent?: string | null;
  /** Called once the unit has committed, if it published: the relay's `outboxCommitted`. */
  outboxCommitted?: () => void;
}

/** The advisory lock key shared by the consumer (which locks each event's person) and the service's own writes. */
export function personLockKey(service: string, personId: string): string {
  return `${service}/${personId}`;
}

/**
 * What units of work over one transaction have published and audited, written by `flush` in two statements sent
 * together (the driver pipelines queries made in the same tick on one connection). A consumer's run of events shares
 * one, so a run of 500 costs two statements, not a thousand.
 */
export class PendingWrites {
  private readonly published: EventEnvelope[] = [];
  private readonly traceParents = new Map<string, string | null>();
  private readonly audited: AuditFacts[] = [];

  constructor(private readonly request: FastifyRequest | null = null) {}

  publish(events: EventEnvelope[], traceParent: string | null): void {
    this.published.push(...events);
    for (const event of events) this.traceParents.set(event.id, traceParent);
  }

  audit(facts: AuditFacts): void {
    this.audited.push(facts);
  }

  async flush(tx: Transaction): Promise<void> {
    const events = this.published.splice(0);
    await Promise.all([
      appendToOutbox(tx, events, (event) => this.traceParents.get(event.id) ?? null),
      auditInTransaction(tx, this.request, this.audited.splice(0)),
    ]);
    this.traceParents.clear();
  }
}

/**
 * A unit of work over a transaction someone else opened (the consumer's); `flush` writes what it published and
 * audited, or, given `writes` shared with other units, the owner of `writes` flushes them all at once.
 */
export function unitOver(
  tx: Transaction,
  options: UnitOptions,
  writes = new PendingWrites(options.request ?? null),
): UnitOfWork & { flush(): Promise<void> } {
  return {
    tx,
    now: options.clock,
    lockPerson: (personId) => holdTransactionLock(tx, personLockKey(options.service, personId)),
    publish: (...drafts) => {
      const events = drafts.map((draft) => eventFrom(draft, options));
      writes.publish(events, options.traceParent ?? null);
      return events;
    },
    audit: async (facts) => writes.audit(facts),
    flush: () => writes.flush(tx),
  };
}

/** Opens a transaction, optionally takes her lock, runs the work, and writes what it published and audited before commit. */
export async function runUnit<T>(
  db: Database,
  options: UnitOptions & { personId?: string },
  work: (unit: UnitOfWork) => Promise<T>,
): Promise<T> {
  return transactThenWakeRelay(
    db,
    async (tx) => {
      const unit = unitOver(tx, options);
      if (options.personId) await unit.lockPerson(options.personId);
      const result = await work(unit);
      await unit.flush();
      return result;
    },
    options.outboxCommitted,
  );
}

function eventFrom(draft: EventDraft, options: UnitOptions): EventEnvelope {
  const cause = draft.cause ?? options.cause;
  if (!cause) throw new Error(`${draft.type} published without a cause`);
  const version = draft.version ?? 1;
  const definition = findEventDefinition(draft.type, version);
  if (!definition) throw new Error(`no contract for ${draft.type} v${version}`);
  if (definition.source !== options.service) throw new Error(`${options.service} cannot publish ${draft.type}`);
  return createEvent({
    type: draft.type,
    version,
    id: randomUUID(),
    personId: draft.personId,
    source: definition.source,
    correlationId: cause.correlationId,
    causationId: cause.causationId ?? null,
    occurredAt: options.clock().toISOString(),
    data: draft.data,
  });
}

import type { EventEnvelope } from '@resettle/contracts';
import type { Transaction } from './db/types.js';
import { heldAmong, lockPeople, markHeld, recordInInbox } from './inbox-records.js';

export type Outcome = 'applied' | 'duplicate' | 'held';

export interface PendingEvent<M> {
  message: M;
  event: EventEnvelope;
}

export interface TogetherOptions<M> {
  groupId: string;
  /** Applies the fresh, unheld events in order, inside the transaction. */
  apply(tx: Transaction, events: EventEnvelope[]): Promise<void>;
  /** Sends an event held behind a dead letter to the dead-letter topic. */
  sendHeld(message: M, blockingEventId: string): Promise<void>;
}

/**
 * One transaction for a run of events: the people locked, one inbox insert for all and one lookup of held people, sent
 * together, then the effects in order.
 * Returns each event's outcome; the caller commits the offset only after the transaction has.
 */
export async function applyTogether<M>(
  tx: Transaction,
  run: PendingEvent<M>[],
  options: TogetherOptions<M>,
): Promise<Outcome[]> {
  const firstSeen = new Map<string, PendingEvent<M>>();
  for (const pending of run) if (!firstSeen.has(pending.event.id)) firstSeen.set(pending.event.id, pending);
  const unique = [...firstSeen.values()];
  const people = unique.map((pending) => pending.event.personId);
  // Sent together (the driver pipelines them on the transaction's connection, and the server runs them in order):
  // the locks are held before the inbox insert runs, and no answer is waited for in between.
  const [, recorded, held] = await Promise.all([
    lockPeople(tx, options.groupId, people),
    recordInInbox(
      tx,
      options.groupId,
      unique.map((pending) => pending.event),
      'applied',
    ),
    heldAmong(tx, options.groupId, people),
  ]);
  const fresh = unique.filter((pending) => recorded.has(pending.event.id));
  const outcomes = new Map<PendingEvent<M>, Outcome>();
  const toApply: EventEnvelope[] = [];
  for (const pending of fresh) {
    const blockingEventId = held.get(pending.event.personId);
    if (blockingEventId === undefined) {
      toApply.push(pending.event);
      outcomes.set(pending, 'applied');
      continue;
    }
    await markHeld(tx, options.groupId, pending.event.id);
    await options.sendHeld(pending.message, blockingEventId);
    outcomes.set(pending, 'held');
  }
  await options.apply(tx, toApply);
  return run.map((pending) => outcomes.get(pending) ?? 'duplicate');
}

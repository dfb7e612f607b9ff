import { describe, expect, it } from 'vitest';
import { afterAttemptInQueue, queuesByProvider } from './webhook-order.js';

const at = (time: string) => new Date(`2026-11-02T${time}Z`);
const timing = { now: at('10:00:00'), leaseUntil: at('10:01:00'), attemptMs: 10_000 };

type Message = { id: number; woman: string };
const womanOf = (message: Message) => message.woman;
const hers = (id: number): Message => ({ id, woman: 'A1234BC' });
const another = (id: number): Message => ({ id, woman: 'B2345CD' });
const ids = (messages: Message[]) => messages.map((message) => message.id);

describe("a provider's webhook queue", () => {
  it('keeps each provider’s messages in the order given, one queue per provider, first seen first', () => {
    const due = [
      { id: 1, provider: 'a' },
      { id: 2, provider: 'b' },
      { id: 3, provider: 'a' },
      { id: 4, provider: 'a' },
      { id: 5, provider: 'b' },
    ];
    const queues = queuesByProvider(due, (message) => message.provider);
    expect(queues.map((queue) => queue.map((message) => message.id))).toEqual([
      [1, 3, 4],
      [2, 5],
    ]);
    expect(queuesByProvider([], () => 'a')).toEqual([]);
  });

  it('posts the rest after one delivered or failed for good', () => {
    const rest = [hers(2), another(3)];
    for (const verdict of [
      { status: 'delivered' as const },
      { status: 'failed' as const, reason: 'MAX_ATTEMPTS' as const },
    ]) {
      expect(afterAttemptInQueue({ woman: 'A1234BC', verdict }, rest, womanOf, timing)).toEqual({
        deferred: [],
        next: rest,
      });
    }
  });

  it('holds her later messages behind one to be tried again, until its next attempt; other women’s go on', () => {
    const nextAttemptAt = at('10:00:30');
    const step = afterAttemptInQueue(
      { woman: 'A1234BC', verdict: { status: 'pending', nextAttemptAt } },
      [another(2), hers(3), another(4), hers(5)],
      womanOf,
      timing,
    );
    expect(step.deferred.map(({ messages, until }) => ({ ids: ids(messages), until }))).toEqual([
      { ids: [3, 5], until: nextAttemptAt },
    ]);
    expect(ids(step.next)).toEqual([2, 4]);
  });

  it('holds nothing back when none of the rest is hers', () => {
    const verdict = { status: 'pending' as const, nextAttemptAt: at('10:00:30') };
    expect(afterAttemptInQueue({ woman: 'A1234BC', verdict }, [another(2)], womanOf, timing)).toEqual({
      deferred: [],
      next: [another(2)],
    });
  });

  it('leaves the rest due at once when another attempt could outlast the lease', () => {
    const late = { ...timing, now: at('10:00:50.001') };
    const delivered = { woman: 'A1234BC', verdict: { status: 'delivered' as const } };
    expect(afterAttemptInQueue(delivered, [hers(2), another(3)], womanOf, late)).toEqual({
      deferred: [{ messages: [hers(2), another(3)], until: late.now }],
      next: [],
    });
    const justInTime = { ...timing, now: at('10:00:50') };
    expect(afterAttemptInQueue(delivered, [hers(2)], womanOf, justInTime)).toEqual({ deferred: [], next: [hers(2)] });
  });

  it('past the lease, keeps her held messages waiting for her retry and the others due at once', () => {
    const late = { ...timing, now: at('10:00:55') };
    const nextAttemptAt = at('10:00:57');
    const step = afterAttemptInQueue(
      { woman: 'A1234BC', verdict: { status: 'pending', nextAttemptAt } },
      [hers(2), another(3)],
      womanOf,
      late,
    );
    expect(step).toEqual({
      deferred: [
        { messages: [hers(2)], until: nextAttemptAt },
        { messages: [another(3)], until: late.now },
      ],
      next: [],
    });
  });
});

import { describe, expect, it } from 'vitest';
import { afterAttemptInQueue, queuesByProvider } from './webhook-order.js';

const at = (time: string) => new Date(`2026-11-02T${time}Z`);
const timing = { now: at('10:00:00'), leaseUntil: at('10:01:00'), attemptMs: 10_000 };

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

  it('posts the next message after one delivered or failed for good', () => {
    expect(afterAttemptInQueue({ status: 'delivered' }, timing)).toEqual({ next: 'post' });
    expect(afterAttemptInQueue({ status: 'failed', reason: 'MAX_ATTEMPTS' }, timing)).toEqual({ next: 'post' });
  });

  it('holds the rest behind a message to be tried again, until its next attempt', () => {
    const nextAttemptAt = at('10:00:30');
    expect(afterAttemptInQueue({ status: 'pending', nextAttemptAt }, timing)).toEqual({
      next: 'wait',
      until: nextAttemptAt,
    });
  });

  it('leaves the rest due at once when another attempt could outlast the lease', () => {
    const late = { ...timing, now: at('10:00:50.001') };
    expect(afterAttemptInQueue({ status: 'delivered' }, late)).toEqual({ next: 'wait', until: late.now });
    const justInTime = { ...timing, now: at('10:00:50') };
    expect(afterAttemptInQueue({ status: 'delivered' }, justInTime)).toEqual({ next: 'post' });
  });
});

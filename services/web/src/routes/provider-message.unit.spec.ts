import { describe, expect, it } from 'vitest';
import type { WebhookDelivery } from '../clients/treatment-continuity.js';
import { messageRow } from './provider-message.js';

const sent: WebhookDelivery = {
  id: '7d0f5c1e-2b4a-4c39-9d1e-5a8b6c3f2e10',
  eventType: 'treatment.handoff.sent',
  personId: 'A1234BC',
  status: 'pending',
  attempts: 0,
  nextAttemptAt: '2026-12-01T10:00:00Z',
  deliveredAt: null,
  failedAt: null,
  createdAt: '2026-12-01T10:00:00Z',
  log: [],
};
const attempt = (statusCode: number | null, error: string | null) => ({
  attempt: 1,
  at: '2026-12-01T10:00:01Z',
  statusCode,
  error,
});

describe("a row of the provider's messages page", () => {
  it('says what was sent and about whom, waiting until it is first tried', () => {
    expect(messageRow(sent)).toMatchObject({
      personId: 'A1234BC',
      message: 'Handoff sent to you',
      status: { text: 'Waiting to send' },
      lastAnswer: 'Not tried yet',
      canSendAgain: false,
    });
  });

  it('says when it is tried again, and what her system answered', () => {
    const retrying = { ...sent, attempts: 1, nextAttemptAt: '2026-12-01T10:00:02Z', log: [attempt(503, 'HTTP 503')] };
    expect(messageRow(retrying)).toMatchObject({
      status: { text: 'Trying again', detail: 'Next try Tuesday 1 December 2026 at 10am' },
      lastAnswer: 'Your system answered 503',
    });
  });

  it('offers to send again only one that failed for good, with the reason it failed', () => {
    const failed = {
      ...sent,
      eventType: 'treatment.handoff.withdrawn',
      status: 'failed' as const,
      attempts: 12,
      log: [attempt(null, 'connect ECONNREFUSED')],
    };
    expect(messageRow(failed)).toMatchObject({
      message: 'Handoff withdrawn',
      status: { text: 'Not delivered' },
      lastAnswer: 'connect ECONNREFUSED',
      canSendAgain: true,
    });
    const redirected = { ...failed, log: [attempt(302, 'HTTP 302: redirects are not followed')] };
    expect(messageRow(redirected).lastAnswer).toBe('Your system answered 302: redirects are not followed');
    const delivered = { ...sent, status: 'delivered' as const, deliveredAt: '2026-12-01T10:00:01Z' };
    expect(messageRow(delivered)).toMatchObject({ status: { text: 'Delivered' }, canSendAgain: false });
  });

  it('names a message it has no words for by its type, rather than hiding it', () => {
    expect(messageRow({ ...sent, eventType: 'treatment.something-new' }).message).toBe('treatment.something-new');
  });
});

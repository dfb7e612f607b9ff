import type { WebhookFailure } from '@resettle/contracts';
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
  waitingBehind: null,
  log: [],
};
const attempt = (statusCode: number | null, failure: WebhookFailure | null, error: string | null) => ({
  attempt: 1,
  at: '2026-12-01T10:00:01Z',
  statusCode,
  failure,
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
    const retrying = {
      ...sent,
      attempts: 1,
      nextAttemptAt: '2026-12-01T10:00:02Z',
      log: [attempt(503, 'error-status', 'HTTP 503')],
    };
    expect(messageRow(retrying)).toMatchObject({
      status: { text: 'Trying again', detail: 'Next try Tuesday 1 December 2026 at 10am' },
      lastAnswer: 'Your system answered 503',
    });
  });

  it('says one waits behind an earlier message about her, so she is not left wondering why it has not gone', () => {
    const behind = { ...sent, waitingBehind: '0b7e9a52-6f1d-4c2e-8a3b-9d4c5e6f7a80' };
    expect(messageRow(behind)).toMatchObject({
      status: {
        text: 'Waiting',
        detail: 'Sent once an earlier message about her has arrived, so her messages reach you in order.',
      },
      lastAnswer: 'Not tried yet',
      canSendAgain: false,
    });
  });

  it('offers to send again only one that failed for good, with the reason it failed', () => {
    const failed = {
      ...sent,
      eventType: 'treatment.handoff.withdrawn',
      status: 'failed' as const,
      attempts: 12,
      log: [attempt(null, 'unreachable', 'ECONNREFUSED')],
    };
    expect(messageRow(failed)).toMatchObject({
      message: 'Handoff withdrawn',
      status: { text: 'Not delivered' },
      lastAnswer: 'Your system could not be reached (ECONNREFUSED)',
      canSendAgain: true,
    });
    const delivered = { ...sent, status: 'delivered' as const, deliveredAt: '2026-12-01T10:00:01Z' };
    expect(messageRow(delivered)).toMatchObject({ status: { text: 'Delivered' }, canSendAgain: false });
  });

  it('says why an attempt did not count in words, from the kind of failure, not from the error text', () => {
    const answer = (statusCode: number | null, failure: WebhookFailure, error: string) =>
      messageRow({ ...sent, attempts: 1, log: [attempt(statusCode, failure, error)] }).lastAnswer;
    expect(answer(302, 'redirect', 'HTTP 302: redirects are not followed')).toBe(
      'Your system answered 302, a redirect: Resettle does not follow redirects, so register the address it points to',
    );
    expect(answer(null, 'timed-out', 'timed out')).toBe('Your system did not answer in time');
    expect(answer(null, 'internal-address', 'not sent: x.example resolves to an internal address (private)')).toBe(
      'Not sent: the address registered for your system leads to a private network, which Resettle does not send to',
    );
    expect(answer(null, 'no-webhook', 'the provider has no webhook registered')).toBe(
      'Not sent: your organisation has no system registered to receive messages',
    );
  });

  it('shows an attempt logged before the kinds were kept by its status, else its error text', () => {
    const answer = (statusCode: number | null, error: string) =>
      messageRow({ ...sent, attempts: 1, log: [attempt(statusCode, null, error)] }).lastAnswer;
    expect(answer(302, 'HTTP 302: redirects are not followed')).toBe('Your system answered 302');
    expect(answer(null, 'ECONNREFUSED')).toBe('ECONNREFUSED');
  });

  it('names a message it has no words for by its type, rather than hiding it', () => {
    expect(messageRow({ ...sent, eventType: 'treatment.something-new' }).message).toBe('treatment.something-new');
  });
});

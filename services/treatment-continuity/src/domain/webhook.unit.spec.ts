import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { signingKey, signWebhook, verifyWebhook, webhookSecretFrom } from './webhook.js';

const secret = webhookSecretFrom(Buffer.alloc(32, 7));
const id = 'msg_2b6c1a6e-7a0d-4d2e-9d1b-5f3c2a1e0b9c';
const body = JSON.stringify({ type: 'treatment.handoff.sent', personId: 'A1234BC' });
const timestamp = 1_776_326_400; // 2026-04-16T08:00:00Z
const now = '2026-04-16T09:00:00+01:00';
const headers = (signature: string, stamp: string | number = timestamp, messageId = id) => ({
  id: messageId,
  timestamp: stamp,
  signature,
});

describe('webhook signing (Standard Webhooks)', () => {
  it('signs v1, base64 HMAC-SHA256 over id.timestamp.body with the base64 key after whsec_', () => {
    const expected = createHmac('sha256', Buffer.alloc(32, 7)).update(`${id}.${timestamp}.${body}`).digest('base64');
    expect(secret.startsWith('whsec_')).toBe(true);
    expect(signWebhook(secret, id, timestamp, body)).toBe(`v1,${expected}`);
  });

  it('matches the Standard Webhooks reference example', () => {
    // From the specification's test vectors (standard-webhooks/standard-webhooks, libraries' tests).
    const reference = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const signature = signWebhook(reference, 'msg_p5jXN8AQM9LWM0D4loKWxJek', 1614265330, '{"test": 2432232314}');
    expect(signature).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('uses a secret without the prefix as its bytes', () => {
    expect(signingKey('provider-chosen-secret-of-32-chars!')).toEqual(
      Buffer.from('provider-chosen-secret-of-32-chars!'),
    );
  });

  it('verifies its own signature, also among several', () => {
    const signature = signWebhook(secret, id, timestamp, body);
    expect(verifyWebhook(secret, headers(signature), body, now)).toEqual([]);
    expect(verifyWebhook(secret, headers(`v1,bm90IGl0 ${signature}`), body, now)).toEqual([]);
  });

  it('refuses a changed body, another id, a wrong secret or a malformed header', () => {
    const signature = signWebhook(secret, id, timestamp, body);
    const other = webhookSecretFrom(Buffer.alloc(32, 8));
    for (const [h, s, b] of [
      [headers(signature), secret, `${body} `],
      [headers(signature, timestamp, 'msg_other'), secret, body],
      [headers(signature), other, body],
      [headers('v1,abc'), secret, body],
      [headers(signature.replace('v1,', 'v2,')), secret, body],
      [headers(''), secret, body],
    ] as const) {
      expect(verifyWebhook(s, h, b, now).map((v) => v.rule)).toEqual(['WEBHOOK_SIGNATURE_INVALID']);
    }
  });

  it('accepts exactly at the tolerance and refuses one second beyond', () => {
    const at = (t: number) => headers(signWebhook(secret, id, t, body), t);
    expect(verifyWebhook(secret, at(timestamp - 300), body, now)).toEqual([]);
    expect(verifyWebhook(secret, at(timestamp + 300), body, now)).toEqual([]);
    expect(verifyWebhook(secret, at(timestamp - 301), body, now).map((v) => v.rule)).toEqual([
      'WEBHOOK_TIMESTAMP_OUT_OF_TOLERANCE',
    ]);
    expect(verifyWebhook(secret, at(timestamp - 301), body, now, 600)).toEqual([]);
  });

  it('refuses a timestamp that is not Unix seconds, and a message without id', () => {
    expect(verifyWebhook(secret, headers('v1,AA==', '2026-04-16'), body, now).map((v) => v.rule)).toEqual([
      'WEBHOOK_TIMESTAMP_INVALID',
    ]);
    expect(verifyWebhook(secret, headers('v1,AA==', timestamp, ''), body, now).map((v) => v.rule)).toEqual([
      'WEBHOOK_ID_MISSING',
    ]);
  });

  it('property: any body round-trips, and any change to it is caught', () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ minLength: 1 }), (payload, extra) => {
        const signature = signWebhook(secret, id, timestamp, payload);
        expect(verifyWebhook(secret, headers(signature), payload, now)).toEqual([]);
        expect(verifyWebhook(secret, headers(signature), payload + extra, now)).toHaveLength(1);
      }),
    );
  });
});

import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhook } from './webhook.js';

const secret = 'provider-secret';
const body = JSON.stringify({ type: 'handoff.sent', personId: 'A1234BC' });
const timestamp = 1_776_326_400; // 2026-04-16T08:00:00Z
const now = '2026-04-16T09:00:00+01:00';

describe('webhook signing', () => {
  it('signs HMAC-SHA256 over timestamp.body', () => {
    const expected = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
    expect(signWebhook(secret, timestamp, body)).toBe(`sha256=${expected}`);
  });

  it('verifies its own signature', () => {
    expect(verifyWebhook(secret, signWebhook(secret, timestamp, body), timestamp, body, now)).toEqual([]);
  });

  it('refuses a changed body, wrong secret or malformed header', () => {
    const header = signWebhook(secret, timestamp, body);
    for (const [h, s, b] of [
      [header, secret, `${body} `],
      [header, 'other', body],
      ['sha256=abc', secret, body],
      [header.replace('sha256=', 'sha1='), secret, body],
      [undefined, secret, body],
    ] as const) {
      expect(verifyWebhook(s, h, timestamp, b, now).map((v) => v.rule)).toEqual(['WEBHOOK_SIGNATURE_INVALID']);
    }
  });

  it('accepts exactly at the tolerance and refuses one second beyond', () => {
    const sign = (t: number) => signWebhook(secret, t, body);
    expect(verifyWebhook(secret, sign(timestamp - 300), timestamp - 300, body, now)).toEqual([]);
    expect(verifyWebhook(secret, sign(timestamp + 300), timestamp + 300, body, now)).toEqual([]);
    expect(verifyWebhook(secret, sign(timestamp - 301), timestamp - 301, body, now).map((v) => v.rule)).toEqual([
      'WEBHOOK_TIMESTAMP_OUT_OF_TOLERANCE',
    ]);
    expect(verifyWebhook(secret, sign(timestamp - 301), timestamp - 301, body, now, 600)).toEqual([]);
  });

  it('refuses a timestamp that is not Unix seconds', () => {
    expect(verifyWebhook(secret, 'sha256=00', '2026-04-16', body, now).map((v) => v.rule)).toEqual([
      'WEBHOOK_TIMESTAMP_INVALID',
    ]);
  });

  it('property: any body round-trips, and any change to it is caught', () => {
    fc.assert(
      fc.property(fc.string(), fc.string({ minLength: 1 }), (payload, extra) => {
        const header = signWebhook(secret, timestamp, payload);
        expect(verifyWebhook(secret, header, timestamp, payload, now)).toEqual([]);
        expect(verifyWebhook(secret, header, timestamp, payload + extra, now)).toHaveLength(1);
      }),
    );
  });
});

import { createHmac, timingSafeEqual } from 'node:crypto';
import { type Violation, violation } from '@resettle/platform/rules';
import { requireNow } from './appointment-past.js';
import type { Clock } from './time.js';

const UNIX_SECONDS = /^\d{1,12}$/;
const SECRET_PREFIX = 'whsec_';

/**
 * The HMAC key of a signing secret, as Standard Webhooks reads it: a `whsec_` secret is base64 after the prefix (what
 * this service generates); any other secret (one a provider chose, or from before) is used as its UTF-8 bytes.
 */
export function signingKey(secret: string): Buffer {
  return secret.startsWith(SECRET_PREFIX)
    ? Buffer.from(secret.slice(SECRET_PREFIX.length), 'base64')
    : Buffer.from(secret, 'utf8');
}

/** A generated secret in the Standard Webhooks form: `whsec_` and the base64 of 32 random bytes. */
export function webhookSecretFrom(randomBytes: Buffer): string {
  return `${SECRET_PREFIX}${randomBytes.toString('base64')}`;
}

/** Standard Webhooks `webhook-signature`: `v1,` and the base64 HMAC-SHA256 of `${id}.${timestamp}.${body}`. */
export function signWebhook(secret: string, id: string, timestamp: string | number, body: string): string {
  return `v1,${createHmac('sha256', signingKey(secret)).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

/** The three Standard Webhooks headers as a receiver reads them. */
export interface SignedHeaders {
  id: string | null | undefined;
  timestamp: string | number | null | undefined;
  signature: string | null | undefined;
}

/**
 * What a receiver checks (and what our tests check): empty when one of the space-separated `v1,…` signatures matches
 * and the timestamp is within `toleranceSeconds` of `now` (either side).
 */
export function verifyWebhook(
  secret: string,
  headers: SignedHeaders,
  body: string,
  now: Clock,
  toleranceSeconds = 300,
): Violation[] {
  const stamp = String(headers.timestamp ?? '');
  if (!UNIX_SECONDS.test(stamp)) {
    return [
      violation('WEBHOOK_TIMESTAMP_INVALID', 'webhook-timestamp', 'The timestamp must be whole seconds since 1970.'),
    ];
  }
  if (Math.abs(requireNow(now).toSeconds() - Number(stamp)) > toleranceSeconds) {
    return [
      violation(
        'WEBHOOK_TIMESTAMP_OUT_OF_TOLERANCE',
        'webhook-timestamp',
        'The message is too old or from the future.',
      ),
    ];
  }
  if (!headers.id) return [violation('WEBHOOK_ID_MISSING', 'webhook-id', 'The message has no id.')];
  const expected = Buffer.from(signWebhook(secret, headers.id, stamp, body));
  const given = (headers.signature ?? '').split(' ').map((signature) => Buffer.from(signature.trim()));
  if (!given.some((signature) => signature.length === expected.length && timingSafeEqual(signature, expected))) {
    return [violation('WEBHOOK_SIGNATURE_INVALID', 'webhook-signature', 'The signature does not match this message.')];
  }
  return [];
}

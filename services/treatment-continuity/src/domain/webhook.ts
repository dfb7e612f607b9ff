import { createHmac, timingSafeEqual } from 'node:crypto';
import { type Violation, violation } from '@resettle/platform/rules';
import { requireNow } from './appointment-past.js';
import type { Clock } from './time.js';

const UNIX_SECONDS = /^\d{1,12}$/;
const HEADER = /^sha256=([0-9a-f]{64})$/;

/** `sha256=<hex>` HMAC over `${timestamp}.${body}`; timestamp in Unix seconds. */
export function signWebhook(secret: string, timestamp: string | number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** Empty when the signature matches and the timestamp is within `toleranceSeconds` of `now` (either side). */
export function verifyWebhook(
  secret: string,
  header: string | null | undefined,
  timestamp: string | number,
  body: string,
  now: Clock,
  toleranceSeconds = 300,
): Violation[] {
  const stamp = String(timestamp);
  if (!UNIX_SECONDS.test(stamp)) {
    return [violation('WEBHOOK_TIMESTAMP_INVALID', 'timestamp', 'The timestamp must be whole seconds since 1970.')];
  }
  if (Math.abs(requireNow(now).toSeconds() - Number(stamp)) > toleranceSeconds) {
    return [violation('WEBHOOK_TIMESTAMP_OUT_OF_TOLERANCE', 'timestamp', 'The message is too old or from the future.')];
  }
  const given = HEADER.exec(header?.trim() ?? '')?.[1];
  const expected = signWebhook(secret, stamp, body).slice('sha256='.length);
  if (given === undefined || !timingSafeEqual(Buffer.from(given, 'hex'), Buffer.from(expected, 'hex'))) {
    return [violation('WEBHOOK_SIGNATURE_INVALID', 'signature', 'The signature does not match this message.')];
  }
  return [];
}

import { type EventEnvelope, parseEvent } from '@resettle/contracts';
import type { DeadLetterReason } from './dead-letters.js';
import type { IncomingMessage } from './kafka.js';

export type ParsedMessage =
  | { ok: true; event: EventEnvelope }
  | { ok: false; reason: DeadLetterReason; error: string; personId: string | null };

export function parseMessage(message: IncomingMessage): ParsedMessage {
  let raw: unknown;
  try {
    raw = JSON.parse(message.value?.toString('utf8') ?? '');
  } catch (error) {
    return { ok: false, reason: 'INVALID_JSON', error: String(error), personId: message.key };
  }
  const result = parseEvent(raw);
  if (result.ok) return { ok: true, event: result.event };
  return { ok: false, reason: result.reason, error: result.errors.join('; '), personId: message.key };
}

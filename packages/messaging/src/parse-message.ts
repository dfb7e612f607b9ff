import { type EventEnvelope, parseEvent } from '@resettle/contracts';
import type { DeadLetterReason } from './dead-letters.js';
import type { IncomingMessage } from './kafka.js';
import { safeErrorDescription } from './safe-errors.js';

export type ParsedMessage =
  | { ok: true; event: EventEnvelope }
  | { ok: false; reason: DeadLetterReason; error: string; personId: string | null };

export function parseMessage(message: IncomingMessage): ParsedMessage {
  let raw: unknown;
  try {
    raw = JSON.parse(message.value?.toString('utf8') ?? '');
  } catch (error) {
    // V8's message quotes the text it could not parse: only the class goes on.
    return { ok: false, reason: 'INVALID_JSON', error: safeErrorDescription(error), personId: message.key };
  }
  const result = parseEvent(raw);
  if (result.ok) return { ok: true, event: result.event };
  return { ok: false, reason: result.reason, error: result.errors.join('; '), personId: message.key };
}

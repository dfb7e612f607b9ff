import { signWebhook } from '../domain/index.js';

export interface WebhookOutcome {
  statusCode: number | null;
  error: string | null;
}

export const WEBHOOK_TIMEOUT_MS = 10_000;

/** POSTs one event, signed over `${timestamp}.${body}`; the event id lets the receiver drop a repeat. */
export async function postWebhook(url: string, secret: string, eventId: string, payload: unknown) {
  const body = JSON.stringify(payload);
  const timestamp = String(Math.floor(Date.now() / 1000));
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-resettle-signature': signWebhook(secret, timestamp, body),
        'x-resettle-timestamp': timestamp,
        'x-resettle-event-id': eventId,
      },
      body,
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
    });
    await response.body?.cancel();
    return { statusCode: response.status, error: response.ok ? null : `HTTP ${response.status}` };
  } catch (error) {
    return { statusCode: null, error: error instanceof Error ? error.message : String(error) };
  }
}

import type { WebhookDelivery } from '../clients/treatment-continuity.js';
import { longDateTime } from '../format/dates.js';

/** What each message to a provider's system says, in her words. */
const MESSAGES: Record<string, string> = {
  'treatment.handoff.sent': 'Handoff sent to you',
  'treatment.handoff.appointment-changed': 'First appointment changed',
  'treatment.handoff.needs-reconfirmation': 'Release moved or cancelled: confirm again',
  'treatment.handoff.withdrawn': 'Handoff withdrawn',
  'treatment.first-appointment.recorded': 'First appointment missed',
};

/** One row of the provider's messages page: what was sent, about whom, and how its delivery stands. */
export function messageRow(delivery: WebhookDelivery) {
  const last = delivery.log.at(-1);
  return {
    id: delivery.id,
    personId: delivery.personId,
    message: MESSAGES[delivery.eventType] ?? delivery.eventType,
    queuedAt: longDateTime(delivery.createdAt),
    status: deliveryStatus(delivery),
    attempts: delivery.attempts,
    lastAnswer: last ? answerOf(last) : 'Not tried yet',
    canSendAgain: delivery.status === 'failed',
  };
}

function deliveryStatus(delivery: WebhookDelivery): { text: string; tag: string; detail: string } {
  if (delivery.status === 'delivered')
    return { text: 'Delivered', tag: 'govuk-tag--green', detail: longDateTime(delivery.deliveredAt) };
  if (delivery.status === 'failed')
    return {
      text: 'Not delivered',
      tag: 'govuk-tag--red',
      detail: 'Attempts ran out. Fix your system, then send it again.',
    };
  if (delivery.attempts === 0) return { text: 'Waiting to send', tag: 'govuk-tag--blue', detail: '' };
  return { text: 'Trying again', tag: 'govuk-tag--orange', detail: `Next try ${longDateTime(delivery.nextAttemptAt)}` };
}

/** Her system's HTTP status, with why it did not count ("HTTP 302: redirects are not followed"); else why none came. */
function answerOf({ statusCode, error }: WebhookDelivery['log'][number]): string {
  if (statusCode === null) return error ?? 'No answer';
  const why = error?.split(': ').slice(1).join(': ');
  return why ? `Your system answered ${statusCode}: ${why}` : `Your system answered ${statusCode}`;
}

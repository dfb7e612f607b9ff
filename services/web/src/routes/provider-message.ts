import type { WebhookFailure } from '@resettle/contracts';
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
  if (delivery.waitingBehind)
    return {
      text: 'Waiting',
      tag: 'govuk-tag--grey',
      detail: 'Sent once an earlier message about her has arrived, so her messages reach you in order.',
    };
  if (delivery.attempts === 0) return { text: 'Waiting to send', tag: 'govuk-tag--blue', detail: '' };
  return { text: 'Trying again', tag: 'govuk-tag--orange', detail: `Next try ${longDateTime(delivery.nextAttemptAt)}` };
}

type Attempt = WebhookDelivery['log'][number];

/** Why an attempt did not count, in words her key worker can act on (or pass to whoever runs her system). */
const WHY: Record<WebhookFailure, (attempt: Attempt) => string> = {
  'error-status': ({ statusCode }) => `Your system answered ${statusCode}`,
  redirect: ({ statusCode }) =>
    `Your system answered ${statusCode}, a redirect: Resettle does not follow redirects, so register the address it points to`,
  unreachable: ({ error }) => `Your system could not be reached (${error})`,
  'timed-out': () => 'Your system did not answer in time',
  unresolved: ({ error }) => `The address registered for your system could not be found (${error})`,
  'internal-address': () =>
    'Not sent: the address registered for your system leads to a private network, which Resettle does not send to',
  'address-not-allowed': ({ error }) => `Not sent: the address registered for your system is not allowed (${error})`,
  'no-secret': () => 'Not sent: Resettle cannot sign messages to your system until your signing secret is renewed',
  'no-webhook': () => 'Not sent: your organisation has no system registered to receive messages',
};

/** What her system answered, or why no answer came; attempts logged before the kinds were kept show their error text. */
function answerOf(attempt: Attempt): string {
  if (attempt.failure) return WHY[attempt.failure](attempt);
  if (attempt.statusCode !== null) return `Your system answered ${attempt.statusCode}`;
  return attempt.error ?? 'No answer';
}

import type { ServiceContext, Worker } from '@resettle/platform';
import { sealPlainSecrets } from '../db/providers.js';
import { openSecret, secretKeyFrom } from '../db/sealed-secret.js';
import { claimDueDeliveries, type DueDelivery, deferDeliveries, recordAttempt } from '../db/webhook-deliveries.js';
import { type AttemptVerdict, afterAttempt, afterAttemptInQueue, queuesByProvider } from '../domain/index.js';
import { failed, postWebhook, type Resolve, WEBHOOK_TIMEOUT_MS, type WebhookOutcome } from './webhook-post.js';

// A claimed delivery is left alone this long; if this instance dies mid-attempt, another delivers it afterwards.
const LEASE_MS = WEBHOOK_TIMEOUT_MS * 6;

const womanOf = ({ delivery }: DueDelivery) => delivery.personId;

export interface WebhookSettings {
  WEBHOOK_POLL_MS: number;
  WEBHOOK_RETRY_BASE_MS: number;
  WEBHOOK_MAX_ATTEMPTS: number;
  WEBHOOK_MAX_AGE_MS: number;
  WEBHOOK_ALLOW_HTTP_LOOPBACK: boolean;
  WEBHOOK_SECRET_KEY?: string;
}

/**
 * Delivers queued webhooks at least once: claims due rows, POSTs each provider's signed messages one at a time in the
 * order they were queued (providers side by side; a woman's later messages wait behind hers being retried), outside
 * any transaction, then
 * logs the attempt and marks it delivered, schedules the next attempt with back-off, or — attempts or age run out —
 * marks it failed for good (the provider sees it and can replay it; operators see `webhook_deliveries{status="failed"}`).
 * The next round starts a poll interval after the last one ends, so rounds never overlap.
 */
export class WebhookWorker implements Worker {
  readonly name = 'webhook-delivery';
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private round: Promise<void> = Promise.resolve();
  private readonly key: Buffer | null;

  constructor(
    private readonly context: ServiceContext<WebhookSettings>,
    /** Stands in for DNS in tests; the system resolver otherwise. */
    private readonly resolve?: Resolve,
  ) {
    this.key = secretKeyFrom(context.config.WEBHOOK_SECRET_KEY);
    if (!this.key) context.logger.warn('WEBHOOK_SECRET_KEY is not set: no webhook can be registered or delivered');
  }

  start(): void {
    this.running = true;
    const loop = () => {
      if (!this.running) return;
      this.round = this.deliverDue()
        .catch((error) => this.context.logger.warn({ err: error }, 'webhook delivery round failed'))
        .finally(() => {
          if (this.running) this.timer = setTimeout(loop, this.context.config.WEBHOOK_POLL_MS);
        });
    };
    loop();
  }

  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    await this.round;
  }

  private async deliverDue(): Promise<void> {
    if (this.key) {
      const sealed = await sealPlainSecrets(this.context.db, this.key);
      if (sealed > 0) this.context.logger.info({ sealed }, 'sealed webhook secrets stored in the clear');
    }
    const leaseUntil = new Date(Date.now() + LEASE_MS);
    const claimed = await claimDueDeliveries(this.context.db, leaseUntil);
    const queues = queuesByProvider(claimed, ({ delivery }) => delivery.providerId);
    await Promise.all(queues.map((queue) => this.deliverInOrder(queue, leaseUntil)));
  }

  /** One provider's messages in order; a woman's later ones wait behind hers that is not yet delivered. */
  private async deliverInOrder(queue: DueDelivery[], leaseUntil: Date): Promise<void> {
    let rest = queue;
    for (let item = rest[0]; item; item = rest[0]) {
      const verdict = await this.attempt(item);
      const timing = { now: new Date(), leaseUntil, attemptMs: WEBHOOK_TIMEOUT_MS };
      const step = afterAttemptInQueue({ woman: womanOf(item), verdict }, rest.slice(1), womanOf, timing);
      for (const { messages, until } of step.deferred) {
        await deferDeliveries(
          this.context.db,
          messages.map(({ delivery }) => delivery.id),
          until,
        );
      }
      rest = step.next;
    }
  }

  /** The signing secret, or null when none is held or it does not open (another key): the attempt fails, said so. */
  private openedSecret(providerId: string, sealedSecret: string | null): string | null {
    if (!this.key || !sealedSecret) return null;
    try {
      return openSecret(this.key, providerId, sealedSecret);
    } catch {
      return null;
    }
  }

  private async attempt({ delivery, url, sealedSecret }: DueDelivery): Promise<AttemptVerdict> {
    const config = this.context.config;
    const secret = this.openedSecret(delivery.providerId, sealedSecret);
    const outcome: WebhookOutcome =
      url && secret
        ? await postWebhook(
            { url, secret },
            { id: delivery.eventId, body: JSON.stringify(delivery.payload) },
            {
              policy: { allowLoopback: config.WEBHOOK_ALLOW_HTTP_LOOPBACK },
              timestamp: Math.floor(Date.now() / 1000),
              resolve: this.resolve,
            },
          )
        : url
          ? failed('no-secret', 'no signing secret can be read')
          : failed('no-webhook', 'the provider has no webhook registered');
    const attempt = delivery.attempts + 1;
    const verdict = afterAttempt(
      {
        attempts: attempt - delivery.retryFromAttempt,
        since: delivery.retrySince,
        now: new Date(),
        statusCode: outcome.statusCode,
      },
      { maxAttempts: config.WEBHOOK_MAX_ATTEMPTS, maxAgeMs: config.WEBHOOK_MAX_AGE_MS },
      Math.random(),
      { baseMs: config.WEBHOOK_RETRY_BASE_MS, capMs: 15 * 60_000, jitterRatio: 0.2 },
    );
    await recordAttempt(this.context.db, delivery.id, { attempt, ...outcome, verdict });
    if (verdict.status === 'failed') {
      this.context.logger.warn(
        { deliveryId: delivery.id, providerId: delivery.providerId, reason: verdict.reason, attempts: attempt },
        'webhook delivery failed for good',
      );
    }
    return verdict;
  }
}

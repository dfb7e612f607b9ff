import type { ServiceContext, Worker } from '@resettle/platform';
import { claimDueDeliveries, type DueDelivery, recordAttempt } from '../db/webhook-deliveries.js';
import { retryDelay } from '../domain/index.js';
import { postWebhook, WEBHOOK_TIMEOUT_MS, type WebhookOutcome } from './webhook-post.js';

// A claimed delivery is left alone this long; if this instance dies mid-attempt, another delivers it afterwards.
const LEASE_MS = WEBHOOK_TIMEOUT_MS * 6;

export interface WebhookSettings {
  WEBHOOK_POLL_MS: number;
  WEBHOOK_RETRY_BASE_MS: number;
}

/**
 * Delivers queued webhooks at least once: claims due rows, POSTs each signed event outside any transaction, then logs
 * the attempt and either marks it delivered or schedules the next attempt with back-off. The next round starts a
 * poll interval after the last one ends, so rounds never overlap.
 */
export class WebhookWorker implements Worker {
  readonly name = 'webhook-delivery';
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private round: Promise<void> = Promise.resolve();

  constructor(private readonly context: ServiceContext<WebhookSettings>) {}

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
    const claimed = await claimDueDeliveries(this.context.db, new Date(Date.now() + LEASE_MS));
    await Promise.all(claimed.map((item) => this.attempt(item)));
  }

  private async attempt({ delivery, url, secret }: DueDelivery): Promise<void> {
    const outcome: WebhookOutcome =
      url && secret
        ? await postWebhook(url, secret, delivery.eventId, delivery.payload)
        : { statusCode: null, error: 'the provider has no webhook registered' };
    const attempt = delivery.attempts + 1;
    const backOff = retryDelay(attempt, Math.random(), {
      baseMs: this.context.config.WEBHOOK_RETRY_BASE_MS,
      capMs: 15 * 60_000,
      jitterRatio: 0.2,
    });
    await recordAttempt(this.context.db, delivery.id, {
      attempt,
      ...outcome,
      delivered: outcome.statusCode !== null && outcome.statusCode >= 200 && outcome.statusCode < 300,
      nextAttemptAt: new Date(Date.now() + backOff),
    });
  }
}

import type { ServiceContext } from '@resettle/platform';
import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import { providers, webhookAttempts, webhookDeliveries } from '../db/schema.js';
import { retryDelay } from '../domain/index.js';
import { postWebhook, WEBHOOK_TIMEOUT_MS, type WebhookOutcome } from './webhook-post.js';

type Delivery = typeof webhookDeliveries.$inferSelect;
type Claimed = { delivery: Delivery; url: string | null; secret: string | null };

// A claimed delivery is left alone this long; if this instance dies mid-attempt, another delivers it afterwards.
const LEASE_MS = WEBHOOK_TIMEOUT_MS * 6;

/**
 * Delivers queued webhooks at least once: claims due rows (skip locked, so several instances can share the work),
 * POSTs each signed event outside any transaction, then logs the attempt and either marks it delivered or schedules
 * the next attempt with back-off.
 */
export class WebhookWorker {
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private round: Promise<void> = Promise.resolve();

  constructor(
    private readonly context: ServiceContext,
    private readonly settings: { pollMs: number; retryBaseMs: number },
  ) {}

  start(): void {
    this.running = true;
    const loop = () => {
      if (!this.running) return;
      this.round = this.deliverDue()
        .catch((error) => this.context.logger.warn({ err: error }, 'webhook delivery round failed'))
        .finally(() => {
          if (this.running) this.timer = setTimeout(loop, this.settings.pollMs);
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
    const claimed = await this.claimDue();
    await Promise.all(claimed.map((item) => this.attempt(item)));
  }

  private claimDue(): Promise<Claimed[]> {
    return this.context.db.transaction(async (tx) => {
      const due = await tx
        .select({ delivery: webhookDeliveries, url: providers.webhookUrl, secret: providers.webhookSecret })
        .from(webhookDeliveries)
        .innerJoin(providers, eq(providers.providerId, webhookDeliveries.providerId))
        .where(and(eq(webhookDeliveries.status, 'pending'), lte(webhookDeliveries.nextAttemptAt, sql`now()`)))
        .orderBy(webhookDeliveries.createdAt)
        .limit(20)
        .for('update', { of: webhookDeliveries, skipLocked: true });
      if (due.length > 0) {
        const ids = due.map(({ delivery }) => delivery.id);
        const leaseUntil = new Date(Date.now() + LEASE_MS);
        await tx.update(webhookDeliveries).set({ nextAttemptAt: leaseUntil }).where(inArray(webhookDeliveries.id, ids));
      }
      return due;
    });
  }

  private async attempt({ delivery, url, secret }: Claimed): Promise<void> {
    const outcome: WebhookOutcome =
      url && secret
        ? await postWebhook(url, secret, delivery.eventId, delivery.payload)
        : { statusCode: null, error: 'the provider has no webhook registered' };
    const attempt = delivery.attempts + 1;
    const delivered = outcome.statusCode !== null && outcome.statusCode >= 200 && outcome.statusCode < 300;
    const backOff = retryDelay(attempt, Math.random(), {
      baseMs: this.settings.retryBaseMs,
      capMs: 15 * 60_000,
      jitterRatio: 0.2,
    });
    await this.context.db.transaction(async (tx) => {
      await tx.insert(webhookAttempts).values({ deliveryId: delivery.id, attempt, ...outcome });
      await tx
        .update(webhookDeliveries)
        .set({
          attempts: attempt,
          status: delivered ? 'delivered' : 'pending',
          deliveredAt: delivered ? new Date() : null,
          nextAttemptAt: new Date(Date.now() + backOff),
        })
        .where(eq(webhookDeliveries.id, delivery.id));
    });
  }
}

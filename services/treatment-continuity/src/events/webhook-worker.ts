import type { ServiceContext } from '@resettle/platform';
import { eq, sql } from 'drizzle-orm';
import { providers, webhookAttempts, webhookDeliveries } from '../db/schema.js';
import { retryDelay, signWebhook } from '../domain/index.js';

type Delivery = typeof webhookDeliveries.$inferSelect;

/**
 * Delivers queued webhooks at least once: claims due rows (skip locked, so several instances can share the work),
 * POSTs the signed event, and on failure schedules the next attempt with back-off. Every attempt is logged.
 */
export class WebhookWorker {
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private tick: Promise<void> = Promise.resolve();

  constructor(
    private readonly context: ServiceContext,
    private readonly settings: { pollMs: number; retryBaseMs: number },
  ) {}

  start(): void {
    this.running = true;
    const loop = () => {
      if (!this.running) return;
      this.tick = this.deliverDue()
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
    await this.tick;
  }

  private async deliverDue(): Promise<void> {
    const { db } = this.context;
    await db.transaction(async (tx) => {
      const due = await tx
        .select({ delivery: webhookDeliveries, url: providers.webhookUrl, secret: providers.webhookSecret })
        .from(webhookDeliveries)
        .innerJoin(providers, eq(providers.providerId, webhookDeliveries.providerId))
        .where(sql`${webhookDeliveries.status} = 'pending' and ${webhookDeliveries.nextAttemptAt} <= now()`)
        .orderBy(webhookDeliveries.createdAt)
        .limit(20)
        .for('update', { of: webhookDeliveries, skipLocked: true });
      for (const { delivery, url, secret } of due) {
        const outcome = url && secret ? await post(url, secret, delivery) : { statusCode: null, error: 'no webhook' };
        const attempt = delivery.attempts + 1;
        const delivered = outcome.statusCode !== null && outcome.statusCode >= 200 && outcome.statusCode < 300;
        await tx.insert(webhookAttempts).values({ deliveryId: delivery.id, attempt, ...outcome });
        await tx
          .update(webhookDeliveries)
          .set({
            attempts: attempt,
            status: delivered ? 'delivered' : 'pending',
            deliveredAt: delivered ? new Date() : null,
            nextAttemptAt: new Date(
              Date.now() +
                retryDelay(attempt, Math.random(), {
                  baseMs: this.settings.retryBaseMs,
                  capMs: 15 * 60_000,
                  jitterRatio: 0.2,
                }),
            ),
          })
          .where(eq(webhookDeliveries.id, delivery.id));
      }
    });
  }
}

async function post(url: string, secret: string, delivery: Delivery) {
  const body = JSON.stringify(delivery.payload);
  const timestamp = String(Math.floor(Date.now() / 1000));
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-resettle-signature': signWebhook(secret, timestamp, body),
        'x-resettle-timestamp': timestamp,
        'x-resettle-event-id': delivery.eventId,
      },
      body,
      signal: AbortSignal.timeout(10_000),
    });
    return { statusCode: response.status, error: response.ok ? null : `HTTP ${response.status}` };
  } catch (error) {
    return { statusCode: null, error: error instanceof Error ? error.message : String(error) };
  }
}

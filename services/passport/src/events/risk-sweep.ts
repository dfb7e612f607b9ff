import { appendToOutbox, type Database } from '@resettle/messaging';
import type { Clock } from '@resettle/platform';
import { and, eq } from 'drizzle-orm';
import { appendTimeline, loadPassportForUpdate } from '../db/passports.js';
import { passports } from '../db/schema.js';
import { assessRisk, type Passport, type PassportSettings } from '../domain/index.js';
import { passportAtRisk } from './passport-events.js';

export interface SweepContext {
  db: Database;
  clock: Clock;
  topicPrefix: string;
  settings: PassportSettings;
}

/**
 * Release comes nearer without any event: re-assess incomplete passports that are not yet at risk, and raise
 * passport.at-risk for those that crossed their threshold. Returns how many did.
 */
export async function sweepRisk(context: SweepContext): Promise<number> {
  const candidates = await context.db
    .select({ releaseId: passports.releaseId })
    .from(passports)
    .where(and(eq(passports.releaseStatus, 'scheduled'), eq(passports.complete, false), eq(passports.atRisk, false)));
  let raised = 0;
  for (const { releaseId } of candidates) {
    if (await raiseIfAtRisk(context, releaseId)) raised += 1;
  }
  return raised;
}

function raiseIfAtRisk(context: SweepContext, releaseId: string): Promise<boolean> {
  return context.db.transaction(async (tx) => {
    const row = await loadPassportForUpdate(tx, releaseId);
    if (!row || row.atRisk) return false;
    const passport = row.passport as Passport;
    const now = context.clock();
    const risk = assessRisk(passport, now, context.settings);
    if (!risk.atRisk) return false;
    const event = passportAtRisk(passport, risk, { correlationId: `risk-sweep-${releaseId}`, causationId: null });
    await tx.update(passports).set({ atRisk: true, updatedAt: now }).where(eq(passports.releaseId, releaseId));
    await appendTimeline(tx, [
      {
        releaseId,
        at: now,
        eventId: event.id,
        eventType: event.type,
        source: 'passport',
        correlationId: event.correlationId,
        summary: `At risk: ${risk.reason}`,
      },
    ]);
    await appendToOutbox(tx, [event], { topicPrefix: context.topicPrefix });
    return true;
  });
}

/** Runs the sweep every `seconds` until the server closes. */
export function startRiskSweep(
  context: SweepContext & { logger: { error(o: object, m: string): void } },
  seconds: number,
) {
  if (seconds <= 0) return () => {};
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    sweepRisk(context)
      .catch((err: unknown) => context.logger.error({ err }, 'risk sweep failed'))
      .finally(() => {
        running = false;
      });
  }, seconds * 1000);
  timer.unref();
  return () => clearInterval(timer);
}

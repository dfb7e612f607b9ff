import type { Database } from '@resettle/messaging';
import { everyInterval, type ServiceContext, type Worker } from '@resettle/platform';
import { appendTimeline, loadPassportForUpdate, markAtRisk, notYetAtRisk } from '../db/passports.js';
import { assessRisk, type PassportSettings } from '../domain/index.js';
import { domainSettings, type PassportServiceSettings } from '../settings.js';
import { passportAtRisk } from './passport-events.js';

export interface SweepContext {
  db: Database;
  transactFor: ServiceContext['transactFor'];
  settings: PassportSettings;
}

/**
 * Release comes nearer without any event: re-assess incomplete passports that are not yet at risk, and raise
 * passport.at-risk for those that crossed their threshold. Returns how many did.
 */
export async function sweepRisk(context: SweepContext): Promise<number> {
  let raised = 0;
  for (const candidate of await notYetAtRisk(context.db)) {
    if (await raiseIfAtRisk(context, candidate)) raised += 1;
  }
  return raised;
}

/** Her lock first, as the consumer takes it before her passport's row: the two never wait on each other in turn. */
function raiseIfAtRisk(context: SweepContext, { releaseId, personId }: { releaseId: string; personId: string }) {
  const cause = { correlationId: `risk-sweep-${releaseId}`, causationId: null };
  return context.transactFor(
    cause,
    async (work) => {
      const row = await loadPassportForUpdate(work.tx, releaseId);
      if (!row || row.atRisk) return false;
      const now = work.now();
      const risk = assessRisk(row.passport, now, context.settings);
      if (!risk.atRisk) return false;
      const published = work.publish(passportAtRisk(row.passport, risk));
      await markAtRisk(work.tx, releaseId, now);
      await appendTimeline(
        work.tx,
        published.map(({ id: eventId, type: eventType, source, correlationId }) => ({
          releaseId,
          at: now,
          eventId,
          eventType,
          source,
          correlationId,
          summary: `At risk: ${risk.reason}`,
        })),
      );
      return true;
    },
    { personId },
  );
}

/** The sweep as a worker: every RISK_SWEEP_SECONDS (0 switches it off). */
export function riskSweep(context: ServiceContext<PassportServiceSettings & { RISK_SWEEP_SECONDS: number }>): Worker {
  const sweep = { ...context, settings: domainSettings(context.config) };
  return everyInterval('risk-sweep', context.config.RISK_SWEEP_SECONDS * 1000, () => sweepRisk(sweep), context.logger);
}

import type { EventEnvelope, ReleaseRescheduled, ReleaseScheduled } from '@resettle/contracts';
import type { EventHandlers, Transaction } from '@resettle/messaging';
import type { ServiceContext } from '@resettle/platform';
import { eq } from 'drizzle-orm';
import { findRelease, handoffsHeldForRelease, type ReleaseRow, updateHandoff } from '../db/handoffs.js';
import { releases } from '../db/schema.js';
import { nextStatus } from '../domain/index.js';
import { handoffNeedsReconfirmation } from './handoff-events.js';
import { publish } from './publish.js';

async function keepRelease(tx: Transaction, event: EventEnvelope, facts: ReleaseScheduled) {
  const row = {
    releaseId: facts.releaseId,
    personId: event.personId,
    prisonCode: facts.prisonCode,
    releaseDate: facts.releaseDate,
    gateAt: new Date(facts.gateAt),
    weekendCoverPlanRequired: facts.weekendCoverPlanRequired,
    status: 'scheduled' as const,
  };
  await tx.insert(releases).values(row).onConflictDoUpdate({ target: releases.releaseId, set: row });
}

/** The handoff belongs to the release as it was: when the release moves or is cancelled, the provider must confirm again. */
async function askProvidersAgain(
  tx: Transaction,
  context: ServiceContext,
  event: EventEnvelope,
  release: ReleaseRow | null,
  reason: string,
) {
  const releaseId = (event.data as { releaseId: string }).releaseId;
  for (const handoff of await handoffsHeldForRelease(tx, releaseId)) {
    // A handoff already waiting for re-confirmation stays so; the provider is told about the newer move too.
    const transition = nextStatus(handoff.status as never, 'releaseRescheduled');
    // Her expected arrival was worked out from the old gate time; it no longer holds.
    const updated = await updateHandoff(tx, handoff, {
      status: transition.status ?? handoff.status,
      statusReason: reason,
      expectedArrivalAt: null,
    });
    if (!updated) throw new Error(`handoff ${handoff.id} changed concurrently`);
    const cause = { correlationId: event.correlationId, causationId: event.id };
    await publish(tx, context.topicPrefix, updated, [handoffNeedsReconfirmation(updated, release, reason, cause)]);
  }
}

export function releaseHandlers(context: ServiceContext): EventHandlers {
  return {
    'release.scheduled@v1': (tx, event) => keepRelease(tx, event, event.data as ReleaseScheduled),
    'release.rescheduled@v1': async (tx, event) => {
      const facts = event.data as ReleaseRescheduled;
      await keepRelease(tx, event, facts);
      const reason = `Release moved from ${facts.previous.releaseDate} ${facts.previous.gateTime} to ${facts.releaseDate} ${facts.gateTime}: ${facts.reason}`;
      await askProvidersAgain(tx, context, event, (await findRelease(tx, facts.releaseId)) ?? null, reason);
    },
    'release.cancelled@v1': async (tx, event) => {
      const { releaseId, reason } = event.data as { releaseId: string; reason: string };
      await tx.update(releases).set({ status: 'cancelled' }).where(eq(releases.releaseId, releaseId));
      await askProvidersAgain(tx, context, event, null, `Release cancelled: ${reason}`);
    },
    'release.occurred@v1': async (tx, event) => {
      const { releaseId } = event.data as { releaseId: string };
      await tx.update(releases).set({ status: 'released' }).where(eq(releases.releaseId, releaseId));
    },
  };
}

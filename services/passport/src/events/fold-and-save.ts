import type { EventEnvelope, KnownEvent } from '@resettle/contracts';
import { appendToOutbox, type Transaction } from '@resettle/messaging';
import {
  appendTimeline,
  correctOutcomeIfEarlier,
  loadPassportForUpdate,
  recordOutcome,
  savePassport,
} from '../db/passports.js';
import {
  type Applied,
  applyEvent,
  assessRisk,
  gapsOf,
  isComplete,
  londonDateOf,
  missingOf,
  type Passport,
  type PassportSettings,
} from '../domain/index.js';
import {
  type Cause,
  passportAtRisk,
  passportCompleted,
  passportReleasedIncomplete,
  passportUpdated,
} from './passport-events.js';

export interface FoldOptions {
  settings: PassportSettings;
  now: Date;
  topicPrefix: string;
  /** False for a rebuild: the passport events were published when the passports were first built. */
  publish: boolean;
}

/**
 * The one place an upstream event reaches a passport, for the live consumer and the rebuild alike:
 * load, fold, save, append the timeline, record the outcome of a release, and emit what changed.
 */
export async function foldAndSave(tx: Transaction, raw: EventEnvelope, options: FoldOptions): Promise<void> {
  const event = raw as KnownEvent;
  const releaseId = (event.data as { releaseId: string }).releaseId;
  const row = await loadPassportForUpdate(tx, releaseId);
  const before = row?.passport as Passport | undefined;
  const applied = applyEvent(before, event, options.settings);
  const cause: Cause = { correlationId: event.correlationId, causationId: event.id };
  const outgoing: EventEnvelope[] = [];
  if (applied.changes.length > 0) {
    outgoing.push(...(await saveChanges(tx, event, applied, row?.atRisk ?? false, options, cause)));
  }
  if (event.type === 'release.occurred') {
    outgoing.push(...(await recordRelease(tx, event, applied.passport, cause)));
  } else if (applied.changes.length > 0 && applied.passport.releaseStatus === 'released') {
    await correctOutcome(tx, applied.passport, event.occurredAt);
  }
  if (options.publish) await appendToOutbox(tx, outgoing, { topicPrefix: options.topicPrefix });
}

async function saveChanges(
  tx: Transaction,
  event: KnownEvent,
  { passport, changes }: Applied,
  wasAtRisk: boolean,
  options: FoldOptions,
  cause: Cause,
): Promise<EventEnvelope[]> {
  const complete = isComplete(passport);
  const risk = assessRisk(passport, options.now, options.settings);
  await savePassport(tx, { passport, complete, gaps: gapsOf(passport).length, atRisk: risk.atRisk });
  const becameAtRisk = risk.atRisk && !wasAtRisk;
  const summaries = changes.map((change) => change.summary);
  if (becameAtRisk) summaries.push(`At risk: ${risk.reason}`);
  await appendTimeline(
    tx,
    summaries.map((summary) => ({
      releaseId: passport.releaseId,
      at: new Date(event.occurredAt),
      eventId: event.id,
      eventType: event.type,
      source: event.source,
      correlationId: event.correlationId,
      summary,
    })),
  );
  const events = [passportUpdated(passport, complete, cause)];
  if (changes.some((change) => change.kind === 'completion' && change.complete)) {
    events.push(passportCompleted(passport, cause));
  }
  if (becameAtRisk) events.push(passportAtRisk(passport, risk, cause));
  return events;
}

async function recordRelease(
  tx: Transaction,
  event: Extract<KnownEvent, { type: 'release.occurred' }>,
  passport: Passport,
  cause: Cause,
): Promise<EventEnvelope[]> {
  const complete = isComplete(passport);
  const missing = missingOf(passport);
  const { prisonCode, releaseDate, gatePassedAt } = event.data;
  await recordOutcome(tx, {
    releaseId: passport.releaseId,
    prisonCode,
    month: londonDateOf(gatePassedAt).slice(0, 7),
    releasedAt: new Date(gatePassedAt),
    complete,
    missing,
  });
  return complete ? [] : [passportReleasedIncomplete(passport, { prisonCode, releaseDate }, missing, cause)];
}

/**
 * Topics are not ordered with each other, so something that happened before she left can arrive after
 * release.occurred (always, in a rebuild that reads one topic before another). The outcome is about what was in
 * place when she left, so such an event corrects it; later events do not.
 */
async function correctOutcome(tx: Transaction, passport: Passport, occurredAt: string): Promise<void> {
  await correctOutcomeIfEarlier(tx, {
    releaseId: passport.releaseId,
    occurredAt: new Date(occurredAt),
    complete: isComplete(passport),
    missing: missingOf(passport),
  });
}

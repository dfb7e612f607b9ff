import type { EventEnvelope, KnownEvent } from '@resettle/contracts';
import { appendToOutbox, type Transaction } from '@resettle/messaging';
import { appendTimeline, loadOutcomes, loadPassportsForUpdate, saveOutcomes, savePassports } from '../db/passports.js';
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
import { WorkingSet } from './working-set.js';

export interface FoldOptions {
  settings: PassportSettings;
  now: Date;
  topicPrefix: string;
  /** False for a rebuild: the passport events were published when the passports were first built. */
  publish: boolean;
}

/**
 * The one place upstream events reach passports, for the live consumer and the rebuild alike: load every passport
 * the run touches, fold the events in order in memory, then save, append the timeline, record release outcomes and
 * emit what changed, a statement each for the whole run.
 */
export async function foldAndSave(tx: Transaction, events: EventEnvelope[], options: FoldOptions): Promise<void> {
  if (events.length === 0) return;
  const releaseIds = [...new Set(events.map(releaseIdOf))];
  const work = new WorkingSet(await loadPassportsForUpdate(tx, releaseIds), await loadOutcomes(tx, releaseIds));
  for (const event of events) foldOne(work, event as KnownEvent, options);
  await savePassports(tx, [...work.saved.values()]);
  await appendTimeline(tx, work.timeline);
  await saveOutcomes(
    tx,
    [...work.changedOutcomes].map((releaseId) => work.outcomes.get(releaseId)!),
  );
  if (options.publish) await appendToOutbox(tx, work.outgoing, { topicPrefix: options.topicPrefix });
}

function releaseIdOf(event: EventEnvelope): string {
  return (event.data as { releaseId: string }).releaseId;
}

/** Folds one event into the working set (no I/O). */
export function foldOne(work: WorkingSet, event: KnownEvent, options: FoldOptions): void {
  const before = work.current(releaseIdOf(event));
  const applied = applyEvent(before?.passport, event, options.settings);
  const cause: Cause = { correlationId: event.correlationId, causationId: event.id };
  if (applied.changes.length > 0) saveChanges(work, event, applied, before?.atRisk ?? false, options, cause);
  if (event.type === 'release.occurred') {
    recordRelease(work, event, applied.passport, cause, options);
  } else if (applied.changes.length > 0 && applied.passport.releaseStatus === 'released') {
    const { passport } = applied;
    work.correctOutcomeIfEarlier(
      passport.releaseId,
      new Date(event.occurredAt),
      isComplete(passport),
      missingOf(passport),
    );
  }
}

function saveChanges(
  work: WorkingSet,
  event: KnownEvent,
  { passport, changes }: Applied,
  wasAtRisk: boolean,
  options: FoldOptions,
  cause: Cause,
): void {
  const complete = isComplete(passport);
  const risk = assessRisk(passport, options.now, options.settings);
  work.save({ passport, complete, gaps: gapsOf(passport).length, atRisk: risk.atRisk });
  const becameAtRisk = risk.atRisk && !wasAtRisk;
  const summaries = changes.map((change) => change.summary);
  if (becameAtRisk) summaries.push(`At risk: ${risk.reason}`);
  const at = new Date(event.occurredAt);
  const { id: eventId, type: eventType, source, correlationId } = event;
  for (const summary of summaries) {
    work.timeline.push({ releaseId: passport.releaseId, at, eventId, eventType, source, correlationId, summary });
  }
  if (!options.publish) return;
  work.outgoing.push(passportUpdated(passport, complete, cause));
  if (changes.some((change) => change.kind === 'completion' && change.complete)) {
    work.outgoing.push(passportCompleted(passport, cause));
  }
  if (becameAtRisk) work.outgoing.push(passportAtRisk(passport, risk, cause));
}

function recordRelease(
  work: WorkingSet,
  event: Extract<KnownEvent, { type: 'release.occurred' }>,
  passport: Passport,
  cause: Cause,
  options: FoldOptions,
): void {
  const complete = isComplete(passport);
  const missing = missingOf(passport);
  const { prisonCode, releaseDate, gatePassedAt } = event.data;
  work.recordOutcome({
    releaseId: passport.releaseId,
    prisonCode,
    month: londonDateOf(gatePassedAt).slice(0, 7),
    releasedAt: new Date(gatePassedAt),
    complete,
    missing,
  });
  if (!complete && options.publish) {
    work.outgoing.push(passportReleasedIncomplete(passport, { prisonCode, releaseDate }, missing, cause));
  }
}

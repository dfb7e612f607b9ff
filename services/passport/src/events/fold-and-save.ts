import type { Cause, EventDraft } from '@resettle/contracts';
import type { UnitOfWork } from '@resettle/platform';
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
  type UpstreamEvent,
} from '../domain/index.js';
import { passportAtRisk, passportCompleted, passportReleasedIncomplete, passportUpdated } from './passport-events.js';
import { WorkingSet } from './working-set.js';

export interface FoldOptions {
  settings: PassportSettings;
  /** What risk is judged against. */
  now: Date;
  /** False for a rebuild: the passport events were published when the passports were first built. */
  publish: boolean;
}

/**
 * The one place upstream events reach passports, for the live consumer and the rebuild alike: load every passport
 * the run touches, fold the events in order in memory, then save, append the timeline, record release outcomes and
 * publish what changed (each event caused by the upstream event it follows from), a statement each for the whole run.
 */
export async function foldAndSave(
  work: UnitOfWork,
  events: UpstreamEvent[],
  options: Omit<FoldOptions, 'now'>,
): Promise<void> {
  if (events.length === 0) return;
  const { tx } = work;
  const releaseIds = [...new Set(events.map((event) => event.data.releaseId))];
  const working = new WorkingSet(await loadPassportsForUpdate(tx, releaseIds), await loadOutcomes(tx, releaseIds));
  const now = work.now();
  for (const event of events) foldOne(working, event, { ...options, now });
  await savePassports(tx, [...working.saved.values()], now);
  await appendTimeline(tx, working.timeline);
  await saveOutcomes(
    tx,
    [...working.changedOutcomes].map((releaseId) => working.outcomes.get(releaseId)!),
  );
  work.publish(...working.outgoing);
}

/** Folds one event into the working set (no I/O). */
export function foldOne(working: WorkingSet, event: UpstreamEvent, options: FoldOptions): void {
  const before = working.current(event.data.releaseId);
  const applied = applyEvent(before?.passport, event, options.settings);
  const cause: Cause = { correlationId: event.correlationId, causationId: event.id };
  // Absent for a rebuild, so that it does not even build the events it would discard.
  const publish = options.publish ? (draft: EventDraft) => void working.outgoing.push({ ...draft, cause }) : undefined;
  if (applied.changes.length > 0) saveChanges(working, event, applied, before?.atRisk ?? false, options, publish);
  if (event.type === 'release.occurred') {
    recordRelease(working, event, applied.passport, publish);
  } else if (applied.changes.length > 0 && applied.passport.releaseStatus === 'released') {
    const { passport } = applied;
    working.correctOutcomeIfEarlier(
      passport.releaseId,
      new Date(event.occurredAt),
      isComplete(passport),
      missingOf(passport),
    );
  }
}

type Publish = ((draft: EventDraft) => void) | undefined;

function saveChanges(
  working: WorkingSet,
  event: UpstreamEvent,
  { passport, changes }: Applied,
  wasAtRisk: boolean,
  options: FoldOptions,
  publish: Publish,
): void {
  const complete = isComplete(passport);
  const risk = assessRisk(passport, options.now, options.settings);
  working.save({ passport, complete, gaps: gapsOf(passport).length, atRisk: risk.atRisk });
  const becameAtRisk = risk.atRisk && !wasAtRisk;
  const summaries = changes.map((change) => change.summary);
  if (becameAtRisk) summaries.push(`At risk: ${risk.reason}`);
  const at = new Date(event.occurredAt);
  const { id: eventId, type: eventType, source, correlationId } = event;
  for (const summary of summaries) {
    working.timeline.push({ releaseId: passport.releaseId, at, eventId, eventType, source, correlationId, summary });
  }
  publish?.(passportUpdated(passport, complete));
  if (changes.some((change) => change.kind === 'completion' && change.complete)) publish?.(passportCompleted(passport));
  if (becameAtRisk) publish?.(passportAtRisk(passport, risk));
}

function recordRelease(
  working: WorkingSet,
  event: Extract<UpstreamEvent, { type: 'release.occurred' }>,
  passport: Passport,
  publish: Publish,
): void {
  const complete = isComplete(passport);
  const missing = missingOf(passport);
  const { prisonCode, releaseDate, gatePassedAt } = event.data;
  working.recordOutcome({
    releaseId: passport.releaseId,
    prisonCode,
    month: londonDateOf(gatePassedAt).slice(0, 7),
    releasedAt: new Date(gatePassedAt),
    complete,
    missing,
  });
  if (!complete) publish?.(passportReleasedIncomplete(passport, { prisonCode, releaseDate }, missing));
}

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
  type Passport,
  type PassportSettings,
  type ReleaseOutcome,
  releaseOutcome,
  sameValue,
  type UpstreamEvent,
} from '../domain/index.js';
import {
  passportAtRisk,
  passportCompleted,
  passportMissedFirstAppointment,
  passportReleasedIncomplete,
  passportUpdated,
} from './passport-events.js';
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
 * publish what changed (each event caused by the upstream event it follows from; one passport.updated per passport,
 * its state as committed), a statement each for the whole run, those that do not depend on one another sent together.
 */
export async function foldAndSave(
  work: UnitOfWork,
  events: UpstreamEvent[],
  options: Omit<FoldOptions, 'now'>,
): Promise<void> {
  if (events.length === 0) return;
  const { tx } = work;
  const releaseIds = [...new Set(events.map((event) => event.data.releaseId))];
  // Each pair and trio below touches different tables, so each is sent together (pipelined on one connection).
  const [passports, outcomes] = await Promise.all([
    loadPassportsForUpdate(tx, releaseIds),
    loadOutcomes(tx, releaseIds),
  ]);
  const working = new WorkingSet(passports, outcomes);
  const now = work.now();
  for (const event of events) foldOne(working, event, { ...options, now });
  await Promise.all([
    savePassports(tx, [...working.saved.values()], now),
    appendTimeline(tx, working.timeline),
    saveOutcomes(
      tx,
      [...working.changedOutcomes].map((releaseId) => working.outcomes.get(releaseId)!),
    ),
  ]);
  work.publish(...working.toPublish());
}

/** Folds one event into the working set (no I/O). */
export function foldOne(working: WorkingSet, event: UpstreamEvent, options: FoldOptions): void {
  const before = working.current(event.data.releaseId);
  const applied = applyEvent(before?.passport, event);
  const cause: Cause = { correlationId: event.correlationId, causationId: event.id };
  // Absent for a rebuild, so that it does not even build the events it would discard.
  const publish = options.publish ? (draft: EventDraft) => working.publish({ ...draft, cause }) : undefined;
  if (applied.changes.length > 0) {
    saveChanges(working, event, applied, before?.atRisk ?? false, options, publish);
    recordOutcome(working, event, applied.passport, publish);
    raiseAlarm(event, applied.passport, publish);
  }
}

type Publish = ((draft: EventDraft) => void) | undefined;

/** Every missed first appointment is told, a second miss after a moved appointment included. */
function raiseAlarm(event: UpstreamEvent, passport: Passport, publish: Publish): void {
  const missed = passport.facts.aftercare?.missed;
  if (event.type !== 'treatment.first-appointment.recorded' || event.data.outcome !== 'not-attended' || !missed) return;
  publish?.(passportMissedFirstAppointment(passport, missed));
}

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
  appendLines(working, event, passport.releaseId, summaries);
  publish?.(passportUpdated(passport, complete));
  if (changes.some((change) => change.kind === 'completion' && change.complete)) publish?.(passportCompleted(passport));
  if (becameAtRisk) publish?.(passportAtRisk(passport, risk));
}

function appendLines(working: WorkingSet, event: UpstreamEvent, releaseId: string, summaries: string[]): void {
  const at = new Date(event.occurredAt);
  const { id: eventId, type: eventType, source, correlationId } = event;
  for (const summary of summaries) {
    working.timeline.push({ releaseId, at, eventId, eventType, source, correlationId, summary });
  }
}

/**
 * Once she has left: the outcome awaits every required owner's verdict on the gate passing, then is complete or not
 * (with why). passport.released-incomplete goes out once, when the outcome is first known to be incomplete.
 */
function recordOutcome(working: WorkingSet, event: UpstreamEvent, passport: Passport, publish: Publish): void {
  const outcome = releaseOutcome(passport);
  const release = passport.facts.release;
  if (!outcome || !release) return;
  const previous = working.outcomes.get(passport.releaseId);
  if (previous && !previous.awaitingReCheck) return;
  const awaitingReCheck = outcome.status === 'awaiting-re-check';
  const complete = outcome.status === 'complete';
  if (
    previous &&
    sameValue(previous.missing, outcome.reasons) &&
    previous.complete === complete &&
    previous.awaitingReCheck === awaitingReCheck
  )
    return;
  const releaseDate = release.releaseDate ?? londonDateOf(release.gatePassedAt ?? event.occurredAt);
  const releasedAt = release.gatePassedAt ?? event.occurredAt;
  working.recordOutcome({
    releaseId: passport.releaseId,
    prisonCode: release.prisonCode,
    month: londonDateOf(releasedAt).slice(0, 7),
    releasedAt: new Date(releasedAt),
    complete,
    missing: outcome.reasons,
    awaitingReCheck,
  });
  appendLines(working, event, passport.releaseId, [outcomeLine(outcome)]);
  if (outcome.status === 'incomplete') {
    publish?.(passportReleasedIncomplete(passport, { prisonCode: release.prisonCode, releaseDate }, outcome.reasons));
  }
}

function outcomeLine(outcome: ReleaseOutcome): string {
  switch (outcome.status) {
    case 'awaiting-re-check':
      return `Release outcome awaiting re-check by ${outcome.owedBy.join(', ')}: ${outcome.reasons.join('; ')}`;
    case 'complete':
      return 'Released with a complete passport';
    case 'incomplete':
      return `Released without a complete passport: ${outcome.reasons.join('; ')}`;
  }
}

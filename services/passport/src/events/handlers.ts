import type { BatchEventHandler, EventHandlers } from '@resettle/messaging';
import type { Clock } from '@resettle/platform';
import type { PassportSettings } from '../domain/index.js';
import { foldAndSave } from './fold-and-save.js';

/** Every upstream event a passport folds, at the versions this service knows. */
export const CONSUMED_EVENTS = [
  'release.scheduled',
  'release.rescheduled',
  'release.cancelled',
  'release.occurred',
  'treatment.handoff.booked',
  'treatment.handoff.accepted',
  'treatment.handoff.declined',
  'treatment.handoff.needs-reconfirmation',
  'treatment.handoff.appointment-changed',
  'accommodation.confirmed',
  'accommodation.changed',
  'accommodation.at-risk',
  'accommodation.withdrawn',
  'transport.arranged',
  'transport.changed',
  'transport.at-risk',
  'transport.cancelled',
] as const;

export interface PassportServiceSettings {
  AT_RISK_WORKING_DAYS: number;
  EVENING_CUTOFF: string;
}

export function domainSettings(config: PassportServiceSettings): PassportSettings {
  return { atRiskWorkingDays: config.AT_RISK_WORKING_DAYS, eveningCutoff: config.EVENING_CUTOFF };
}

/** The `${type}@v${version}` keys of the events a passport folds. */
export const PASSPORT_EVENT_KEYS = CONSUMED_EVENTS.map((type) => `${type}@v1`);

type FoldContext = { config: PassportServiceSettings; clock: Clock; topicPrefix: string };

/** Folds a whole run of events in one go (see foldAndSave). */
export function foldPassports(
  context: FoldContext,
  options: { publish: boolean } = { publish: true },
): BatchEventHandler {
  const settings = domainSettings(context.config);
  return (tx, events) =>
    foldAndSave(tx, events, { settings, now: context.clock(), topicPrefix: context.topicPrefix, ...options });
}

/** The event types and versions a passport folds; one at a time, the same fold as a run of one. */
export function passportHandlers(
  context: FoldContext,
  options: { publish: boolean } = { publish: true },
): EventHandlers {
  const fold = foldPassports(context, options);
  const handler: EventHandlers[string] = (tx, event) => fold(tx, [event]);
  return Object.fromEntries(PASSPORT_EVENT_KEYS.map((key) => [key, handler]));
}

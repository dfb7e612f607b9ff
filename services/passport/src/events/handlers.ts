import type { EventHandlers } from '@resettle/messaging';
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

export function passportHandlers(
  context: { config: PassportServiceSettings; clock: Clock; topicPrefix: string },
  options: { publish: boolean } = { publish: true },
): EventHandlers {
  const settings = domainSettings(context.config);
  const handler: EventHandlers[string] = (tx, event) =>
    foldAndSave(tx, event, { settings, now: context.clock(), topicPrefix: context.topicPrefix, ...options });
  return Object.fromEntries(CONSUMED_EVENTS.map((type) => [`${type}@v1`, handler]));
}

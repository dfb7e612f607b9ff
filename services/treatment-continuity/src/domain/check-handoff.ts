import type { Violation } from '@resettle/platform/rules';
import { checkAppointmentNotInPast } from './appointment-past.js';
import { type ArrivalSettings, DEFAULT_ARRIVAL_SETTINGS } from './arrival.js';
import { type ChildcareSettings, checkChildcareConstraints, DEFAULT_CHILDCARE_SETTINGS } from './childcare.js';
import { checkFirstDose } from './first-dose.js';
import type { Handoff, ReleaseFacts } from './handoff.js';
import { checkInjectionCovered } from './injection.js';
import type { Clock } from './time.js';
import { type WeekendCoverFacts, weekendCoverPlanSatisfied } from './weekend-cover.js';

export interface HandoffContext {
  release: ReleaseFacts;
  now: Clock;
  /** From the travel plan when known; otherwise gate time plus the assumed journey. */
  expectedArrivalAt?: Clock | null;
  weekendCover?: WeekendCoverFacts | null;
  /** A short-notice release: daily OST leaves with a bridging prescription for at least her release day. */
  shortNotice?: boolean;
}

export type HandoffSettings = ArrivalSettings & ChildcareSettings;

export const DEFAULT_HANDOFF_SETTINGS: HandoffSettings = { ...DEFAULT_ARRIVAL_SETTINGS, ...DEFAULT_CHILDCARE_SETTINGS };

/** Every handoff rule at once; empty means the handoff can be booked as it stands. */
export function checkHandoff(
  handoff: Handoff,
  context: HandoffContext,
  settings: HandoffSettings = DEFAULT_HANDOFF_SETTINGS,
): Violation[] {
  const arrivalAt = context.expectedArrivalAt ?? null;
  // Before closed days the weekend cover plan is the remedy to name first: its prescription covers the first dose too.
  return [
    ...(context.weekendCover ? weekendCoverPlanSatisfied(context.weekendCover, handoff) : []),
    ...checkFirstDose(handoff, context.release, arrivalAt, settings, { shortNotice: context.shortNotice ?? false }),
    ...checkInjectionCovered(handoff, context.release, arrivalAt, settings),
    ...checkChildcareConstraints(handoff, settings),
    ...checkAppointmentNotInPast(handoff, context.now),
  ];
}

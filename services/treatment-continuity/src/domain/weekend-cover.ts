import { defaultCalendar } from '@resettle/calendar';
import { type Violation, violation } from '@resettle/platform/rules';
import type { Handoff } from './handoff.js';
import { describeDate, londonDate } from './time.js';

export interface WeekendCoverFacts {
  /** True when she is released before closed days and the release could not move (e.g. HDC, Parole Board). */
  requiresWeekendCover: boolean;
  /** 'YYYY-MM-DD': first day services are open again (weekends and bank holidays skipped). */
  nextWorkingDay: string;
}

/**
 * Before closed days she needs a prescription covering through the next working day (inclusive) and an
 * out-of-hours contact. With no treatment ('none') only the contact is needed.
 */
export function weekendCoverPlanSatisfied(
  facts: WeekendCoverFacts,
  handoff: Pick<Handoff, 'weekendCoverPlan' | 'treatment'>,
): Violation[] {
  if (!facts.requiresWeekendCover) return [];
  const plan = handoff.weekendCoverPlan;
  const needsPrescription = handoff.treatment.kind !== 'none';
  if (!plan) {
    const what = needsPrescription
      ? 'a prescription covering the closed days and an out-of-hours contact'
      : 'an out-of-hours contact';
    return [missing('weekendCoverPlan', `She is released before services close: record ${what}.`)];
  }
  const violations: Violation[] = [];
  const until = plan.prescriptionCoversUntil;
  if (needsPrescription && (until === null || !londonDate(until) || until < facts.nextWorkingDay)) {
    violations.push(
      missing(
        'weekendCoverPlan.prescriptionCoversUntil',
        `Her prescription must cover her until ${describeDate(facts.nextWorkingDay)}, when services reopen.`,
      ),
    );
  }
  if (!plan.outOfHoursContact) {
    violations.push(
      missing(
        'weekendCoverPlan.outOfHoursContact',
        'Give her an out-of-hours contact for the days services are closed.',
      ),
    );
  }
  return violations;
}

/**
 * The first working day after the release date: services reopen then (weekends and bank holidays skipped). Not a
 * date: RangeError, from the calendar.
 */
export function nextWorkingDay(releaseDate: string): string {
  return defaultCalendar().nextWorkingDay(releaseDate);
}

function missing(field: string, message: string): Violation {
  return violation('WEEKEND_COVER_PLAN_MISSING', field, message);
}

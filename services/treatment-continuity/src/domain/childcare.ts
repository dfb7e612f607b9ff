import { type Violation, violation } from '@resettle/platform/rules';
import { invalidTime } from './arrival.js';
import type { ChildcareConstraint, Handoff } from './handoff.js';
import { describe, londonInstant, minutesOfDay } from './time.js';

export interface ChildcareSettings {
  /** How long an appointment lasts; 0 treats it as a moment (an appointment ending as a constraint starts is fine). */
  appointmentMinutes: number;
}

export const DEFAULT_CHILDCARE_SETTINGS: ChildcareSettings = { appointmentMinutes: 0 };

const DAY_NAMES = ['Mondays', 'Tuesdays', 'Wednesdays', 'Thursdays', 'Fridays', 'Saturdays', 'Sundays'];

/** An appointment inside a time she said she cannot attend (Europe/London local time, ISO weekday) is refused. */
export function checkChildcareConstraints(
  handoff: Pick<Handoff, 'firstAppointment' | 'preferences'>,
  settings: ChildcareSettings = DEFAULT_CHILDCARE_SETTINGS,
): Violation[] {
  const constraints = handoff.preferences.childcareConstraints;
  const invalid = constraints.flatMap((c, i) => (isValid(c) ? [] : [invalidConstraint(i)]));
  if (invalid.length > 0 || !handoff.firstAppointment) return invalid;
  const at = londonInstant(handoff.firstAppointment.at);
  if (!at) return [invalidTime('firstAppointment.at')];
  const start = at.hour * 60 + at.minute;
  const end = Math.max(start + settings.appointmentMinutes, start + 1);
  const clash = constraints.find(
    (c) => c.dayOfWeek === at.weekday && start < (minutesOfDay(c.to) ?? 0) && end > (minutesOfDay(c.from) ?? 0),
  );
  if (!clash) return [];
  return [
    violation(
      'APPOINTMENT_IN_CHILDCARE_CONSTRAINT',
      'firstAppointment.at',
      `The first appointment (${describe(at)}) is at a time she cannot attend because of childcare ` +
        `(${DAY_NAMES[clash.dayOfWeek - 1]} ${clash.from}–${clash.to}). Choose another time.`,
    ),
  ];
}

function isValid(c: ChildcareConstraint): boolean {
  const from = minutesOfDay(c.from);
  const to = minutesOfDay(c.to);
  return (
    Number.isInteger(c.dayOfWeek) && c.dayOfWeek >= 1 && c.dayOfWeek <= 7 && from !== null && to !== null && from < to
  );
}

function invalidConstraint(index: number): Violation {
  return violation(
    'INVALID_CHILDCARE_CONSTRAINT',
    `preferences.childcareConstraints[${index}]`,
    'A childcare time needs a day of the week and a start time before its end time (HH:mm).',
  );
}

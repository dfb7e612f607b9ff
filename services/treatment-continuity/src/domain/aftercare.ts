import type { FirstAppointmentOutcome } from '@resettle/contracts';
import { type Violation, violation } from '@resettle/platform/rules';
import type { HandoffStatus } from './status.js';

/** What the provider tells of the first appointment. */
export interface OutcomeReport {
  outcome: FirstAppointmentOutcome;
  /** The appointment the outcome is for; the booked one when not given. */
  at?: string | undefined;
  newAppointmentAt?: string | undefined;
}

export interface AftercareFacts {
  status: HandoffStatus;
  /** The first appointment as it stands (instant), if any. */
  appointmentAt: string | null;
  /** 'YYYY-MM-DD' of her release. */
  releaseDate: string | null;
  now: Date;
}

function mustBeAccepted(status: HandoffStatus, field: string): Violation[] {
  return status === 'accepted'
    ? []
    : [violation('HANDOFF_NOT_ACCEPTED', field, `only an accepted handoff has an aftercare record (it is ${status})`)];
}

/** A first appointment is recorded once it has happened; a moved one names a later time. */
export function decideOutcome(report: OutcomeReport, facts: AftercareFacts): Violation[] {
  const broken = mustBeAccepted(facts.status, 'outcome');
  if (broken.length > 0) return broken;
  const appointmentAt = report.at ?? facts.appointmentAt;
  if (!appointmentAt) return [violation('NO_FIRST_APPOINTMENT', 'at', 'say when the appointment was')];
  if (report.outcome === 'moved') {
    if (!report.newAppointmentAt) {
      return [violation('NEW_APPOINTMENT_REQUIRED', 'newAppointmentAt', 'a moved appointment needs its new time')];
    }
    if (Date.parse(report.newAppointmentAt) <= Date.parse(appointmentAt)) {
      return [violation('NEW_APPOINTMENT_NOT_LATER', 'newAppointmentAt', 'the new appointment must be later')];
    }
    return [];
  }
  if (report.newAppointmentAt) {
    return [
      violation('NEW_APPOINTMENT_ONLY_WHEN_MOVED', 'newAppointmentAt', 'only a moved appointment has a new time'),
    ];
  }
  if (Date.parse(appointmentAt) > facts.now.getTime()) {
    return [violation('APPOINTMENT_NOT_YET', 'at', `the appointment at ${appointmentAt} has not happened yet`)];
  }
  return [];
}

/** Treatment starts on or after her release and not in the future (a late report keeps its real date). */
export function decideTreatmentStart(startedOn: string, facts: AftercareFacts): Violation[] {
  const broken = mustBeAccepted(facts.status, 'startedOn');
  if (broken.length > 0) return broken;
  if (facts.releaseDate && startedOn < facts.releaseDate) {
    return [
      violation(
        'STARTED_BEFORE_RELEASE',
        'startedOn',
        `treatment cannot start before her release on ${facts.releaseDate}`,
      ),
    ];
  }
  if (startedOn > facts.now.toISOString().slice(0, 10)) {
    return [violation('STARTED_IN_FUTURE', 'startedOn', 'report the start once it has happened')];
  }
  return [];
}

export function decideDisengaged(facts: AftercareFacts): Violation[] {
  return mustBeAccepted(facts.status, 'reason');
}

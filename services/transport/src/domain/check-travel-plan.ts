import { type Violation, violation } from '@resettle/platform/rules';
import { arrivesInTime } from '@resettle/rules';
import type { DateTime } from 'luxon';
import { describe, londonAt, londonDateOf, londonInstant } from './time.js';
import { DEFAULT_TRAVEL_SETTINGS, type TravelFacts, type TravelPlan, type TravelSettings } from './travel-plan.js';

export interface TravelCheck {
  /** Refusals: the plan cannot stand as it is. */
  violations: Violation[];
  /** Worth a second look, not refused. */
  flags: Violation[];
}

export function checkTravelPlan(
  plan: TravelPlan,
  facts: TravelFacts,
  settings: TravelSettings = DEFAULT_TRAVEL_SETTINGS,
): TravelCheck {
  const departure = londonInstant(plan.departureAt);
  const arrival = londonInstant(plan.expectedArrivalAt);
  const gate = londonInstant(facts.gateAt);
  const cutoff = londonAt(facts.releaseDate, settings.eveningCutoff);
  const unreadable = [
    ...(departure ? [] : [invalid('departureAt')]),
    ...(arrival ? [] : [invalid('expectedArrivalAt')]),
    ...(gate ? [] : [invalid('gateAt')]),
    ...(cutoff ? [] : [invalid('releaseDate')]),
  ];
  if (!departure || !arrival || !gate || !cutoff) return { violations: unreadable, flags: [] };
  const violations = [
    ...metByRequired(plan),
    ...arrivalBeforeDeparture(departure, arrival),
    ...departsBeforeGate(departure, gate),
    ...departsOnWrongDay(departure, facts.releaseDate),
    ...arrivesAfterAppointment(arrival, facts.firstAppointmentAt, settings.appointmentMarginMinutes),
    ...arrivesAfterCutoff(arrival, cutoff, settings.eveningCutoff),
  ];
  return { violations, flags: longJourneyWithoutEscort(plan, departure, arrival, settings.longJourneyHours) };
}

function metByRequired(plan: TravelPlan): Violation[] {
  if (plan.mode !== 'met-at-gate' || plan.metBy?.trim()) return [];
  return [violation('MET_BY_REQUIRED', 'metBy', 'Say who is meeting her at the gate (a person or a service).')];
}

function arrivalBeforeDeparture(departure: DateTime, arrival: DateTime): Violation[] {
  if (arrival >= departure) return [];
  return [violation('ARRIVAL_BEFORE_DEPARTURE', 'expectedArrivalAt', 'The arrival time is before the departure time.')];
}

function departsBeforeGate(departure: DateTime, gate: DateTime): Violation[] {
  if (departure >= gate) return [];
  return [
    violation(
      'DEPARTS_BEFORE_GATE',
      'departureAt',
      `The journey leaves (${describe(departure)}) before she is released at the gate (${describe(gate)}).`,
    ),
  ];
}

function departsOnWrongDay(departure: DateTime, releaseDate: string): Violation[] {
  if (londonDateOf(departure) === releaseDate) return [];
  return [
    violation(
      'DEPARTS_ON_WRONG_DAY',
      'departureAt',
      `The journey leaves on ${describe(departure)}, not on her release day (${releaseDate}).`,
    ),
  ];
}

function arrivesAfterAppointment(arrival: DateTime, appointmentAt: string | null, marginMinutes: number): Violation[] {
  if (appointmentAt === null) return [];
  const appointment = londonInstant(appointmentAt);
  if (!appointment) return [invalid('firstAppointmentAt')];
  if (arrivesInTime(arrival.toISO() ?? '', appointment.toISO() ?? '', marginMinutes)) return [];
  return [
    violation(
      'ARRIVES_AFTER_APPOINTMENT',
      'expectedArrivalAt',
      `She would arrive at ${describe(arrival)}, less than ${marginMinutes} minutes before her first treatment ` +
        `appointment (${describe(appointment)}).`,
    ),
  ];
}

function arrivesAfterCutoff(arrival: DateTime, cutoff: DateTime, localCutoff: string): Violation[] {
  if (arrival <= cutoff) return [];
  return [
    violation(
      'ARRIVES_AFTER_EVENING_CUTOFF',
      'expectedArrivalAt',
      `She would arrive at ${describe(arrival)}, after ${localCutoff} on her release day, when services have closed.`,
    ),
  ];
}

function longJourneyWithoutEscort(plan: TravelPlan, departure: DateTime, arrival: DateTime, hours: number) {
  // Elapsed real time: a 3-hour journey across the clock change is still 3 hours.
  const long = arrival.diff(departure, 'minutes').minutes > hours * 60;
  if (!long || plan.escorted || plan.mode === 'met-at-gate') return [];
  return [
    violation(
      'LONG_JOURNEY_WITHOUT_ESCORT',
      'escorted',
      `The journey is longer than ${hours} hours and she travels alone: consider an escort or being met at the gate.`,
    ),
  ];
}

function invalid(field: string): Violation {
  return violation('INVALID_TIME', field, 'This date or time is missing or not in a form we can read.');
}

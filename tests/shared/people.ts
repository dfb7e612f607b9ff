import type { Caller } from '@resettle/platform';
import type { ProbationRegion } from '@resettle/platform/cli';
import { ARRIVAL_MARGIN_MINUTES } from '@resettle/rules';
import type { DateTime } from 'luxon';

export const PRISON = 'EWI';
/** Where the demo's and the journeys' women are released to: a probation token must name it to see them. */
export const REGION: ProbationRegion = 'South West';
export const PROVIDER = 'bristol-drug-project';

export const planner: Caller = { sub: 'omu-planner', roles: ['release-planner'], prison: PRISON };
export const nurse: Caller = { sub: 'healthcare-nurse', roles: ['prison-healthcare'], prison: PRISON };
export const provider: Caller = { sub: 'bdp-worker', roles: ['provider'], organisation: PROVIDER };
/** Coordinators see their caseload only: housing the region she is released to, travel the prison she leaves. */
export const housing: Caller = { sub: 'housing-coordinator', roles: ['accommodation-coordinator'], region: REGION };
export const travel: Caller = { sub: 'travel-coordinator', roles: ['transport-coordinator'], prison: PRISON };
export const probation: Caller = { sub: 'probation-officer', roles: ['probation'], region: REGION };

export const eligible = {
  homeDetentionCurfew: false,
  indeterminateSentence: false,
  paroleBoardRelease: false,
  daysServedSinceSentence: 120,
};
export const onHomeDetentionCurfew = { ...eligible, homeDetentionCurfew: true };

/** A date `days` after today (UTC calendar arithmetic on London dates is exact for whole days). */
export function daysFromToday(days: number): string {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * An ordinary Friday at least `minDays` ahead: away from Christmas, Easter and the first May week, so that only
 * the Friday rule applies (the calendar rules themselves are tested exhaustively in release-scheduling).
 */
export function ordinaryFriday(minDays = 21): string {
  for (let days = minDays; ; days += 1) {
    const date = daysFromToday(days);
    const [month, day] = [Number(date.slice(5, 7)), Number(date.slice(8, 10))];
    const awkward = (month === 12 && day >= 15) || (month === 1 && day <= 7) || month === 3 || month === 4;
    if (new Date(`${date}T12:00:00Z`).getUTCDay() === 5 && !awkward && !(month === 5 && day <= 8)) return date;
  }
}

export function plusDays(date: string, days: number): string {
  const value = new Date(`${date}T12:00:00Z`);
  value.setUTCDate(value.getUTCDate() + days);
  return value.toISOString().slice(0, 10);
}

export function minusOneDay(date: string): string {
  const value = new Date(`${date}T12:00:00Z`);
  value.setUTCDate(value.getUTCDate() - 1);
  return value.toISOString().slice(0, 10);
}

export function plusMinutes(instant: string, minutes: number): string {
  return new Date(Date.parse(instant) + minutes * 60_000).toISOString();
}

/**
 * A gate time earlier on London's today, for a release from court that has already happened: two hours ago, kept
 * within today. Late in the evening it is 3 pm (a later gate is refused); just after midnight, it is midnight.
 */
export function gateEarlierToday(now: DateTime): DateTime {
  if (now.hour >= 18) return now.set({ hour: 15, minute: 0 });
  return now.hour < 2 ? now.startOf('day') : now.minus({ hours: 2 });
}

/** The earliest first appointment the services accept after a gate at `gate`: her journey, then the arrival margin. */
export function earliestAppointment(gate: DateTime, journeyMinutes: number): DateTime {
  return gate.plus({ minutes: journeyMinutes + ARRIVAL_MARGIN_MINUTES + 1 });
}

export * from '../shared/people.js';

/** A fresh prison number per run, so the demo can be run again against the same system. */
export function prisonNumber(letter: string): string {
  return `${letter}${String(Math.floor(1000 + Math.random() * 9000))}${letter}${letter}`;
}

/** The next date at least `minDays` away falling on `weekday` (0 Sunday … 6 Saturday), avoiding Christmas/Easter. */
export function nextWeekday(weekday: number, minDays: number): string {
  for (let days = minDays; ; days += 1) {
    const date = daysFromToday(days);
    const [month, day] = [Number(date.slice(5, 7)), Number(date.slice(8, 10))];
    const awkward = (month === 12 && day >= 15) || (month === 1 && day <= 7) || month === 3 || month === 4;
    if (new Date(`${date}T12:00:00Z`).getUTCDay() === weekday && !awkward) return date;
  }
}

import { daysFromToday } from '../shared/people.js';

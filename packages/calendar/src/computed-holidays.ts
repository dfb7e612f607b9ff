import { easterSunday } from './easter.js';
import { addDays, type IsoDate, isWeekend, weekday } from './london-date.js';

export interface BankHoliday {
  date: IsoDate;
  title: string;
  substitute: boolean;
}

/**
 * The standing England-and-Wales bank holidays for a year, used where the shipped GOV.UK data does not
 * cover it. One-off holidays (jubilees, coronations, state funerals, moved early-May days) cannot be
 * computed; they only ever come from the data.
 */
export function computedBankHolidays(year: number): BankHoliday[] {
  const easter = easterSunday(year);
  const fixed = (date: IsoDate, title: string): BankHoliday => ({ date, title, substitute: false });
  return [
    ...withSubstitutes([{ date: `${year}-01-01`, title: 'New Year’s Day' }]),
    fixed(addDays(easter, -2), 'Good Friday'),
    fixed(addDays(easter, 1), 'Easter Monday'),
    fixed(firstMonday(year, 5), 'Early May bank holiday'),
    fixed(lastMonday(year, 5), 'Spring bank holiday'),
    fixed(lastMonday(year, 8), 'Summer bank holiday'),
    ...withSubstitutes([
      { date: `${year}-12-25`, title: 'Christmas Day' },
      { date: `${year}-12-26`, title: 'Boxing Day' },
    ]),
  ].sort((x, y) => x.date.localeCompare(y.date));
}

/**
 * Days falling on a weekday keep their date; each weekend day takes the next weekday not already taken.
 * Christmas on a Sunday: Boxing Day stays Monday 26, Christmas moves to Tuesday 27.
 * Christmas on a Saturday: Christmas Monday 27, Boxing Day Tuesday 28. On a Friday: Boxing Day Monday 28.
 */
function withSubstitutes(days: { date: IsoDate; title: string }[]): BankHoliday[] {
  const taken = new Set(days.filter((day) => !isWeekend(day.date)).map((day) => day.date));
  return days.map((day) => {
    if (!isWeekend(day.date)) return { ...day, substitute: false };
    let date = addDays(day.date, 1);
    while (isWeekend(date) || taken.has(date)) date = addDays(date, 1);
    taken.add(date);
    return { date, title: day.title, substitute: true };
  });
}

function firstMonday(year: number, month: number): IsoDate {
  let date = `${year}-${String(month).padStart(2, '0')}-01`;
  while (weekday(date) !== 1) date = addDays(date, 1);
  return date;
}

function lastMonday(year: number, month: number): IsoDate {
  const nextMonth = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
  let date = addDays(nextMonth, -1);
  while (weekday(date) !== 1) date = addDays(date, -1);
  return date;
}
